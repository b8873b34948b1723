package ai.minimind.server.jobs;

import ai.minimind.server.api.ApiException.Conflict;
import ai.minimind.server.api.ApiException.Internal;
import ai.minimind.server.api.ApiException.NotFound;
import ai.minimind.server.api.ApiException.RateLimited;
import ai.minimind.server.api.ApiException.ValidationFailed;
import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.dispatch.Availability;
import ai.minimind.server.dispatch.CommandBuilder;
import ai.minimind.server.dispatch.ParamSpec;
import ai.minimind.server.dispatch.ParamValidator;
import ai.minimind.server.dispatch.PathKind;
import ai.minimind.server.dispatch.TrainType;
import ai.minimind.server.dispatch.TrainTypes;
import ai.minimind.server.files.DataFiles;
import ai.minimind.server.files.LogFileName;
import ai.minimind.server.files.PathGuard;
import ai.minimind.server.files.Workspace;
import ai.minimind.server.files.Workspaces;
import ai.minimind.server.process.ProcessControl;
import ai.minimind.server.process.ProcessIdentity;
import ai.minimind.server.process.ProcessLauncher;
import ai.minimind.server.store.JobStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting, listing, stopping and deleting a client's training jobs. Every lookup is by (client, id): another
 * client's job answers exactly like an unknown one.
 */
public final class JobService {
    private static final String DATA_PATH = "data_path";
    private static final Pattern WEIGHT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    private final ServerConfig config;
    private final JobStore store;
    private final Workspaces workspaces;
    private final JobSupervisor supervisor;
    private final CommandBuilder commands;
    private final Availability availability;

    public JobService(ServerConfig config, JobStore store, Workspaces workspaces, JobSupervisor supervisor) {
        this.config = config;
        this.store = store;
        this.workspaces = workspaces;
        this.supervisor = supervisor;
        this.commands = new CommandBuilder(config);
        this.availability = new Availability(config);
    }

    /** What this server runs, for {@code GET /api/train-types}. */
    public Availability availability() {
        return availability;
    }

    /** Validates the request, writes the log's first two lines, launches the job; returns its process id. */
    public String start(String clientId, Map<String, ?> body) {
        Prepared job = prepare(clientId, body);
        String command = String.join(" ", job.argv());
        String monitor = (String) job.values().getOrDefault("train_monitor", "none");
        int limit = config.maxRunningJobs();
        if (limit > 0 && store.activeOf(clientId) >= limit) {
            throw atLimit(limit); // checked again atomically at the insert; this early answer creates no log
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            Timestamps.Pair now = Timestamps.now();
            String id = reserveLog(job.type(), job.workspace(), command, now);
            Path log = job.workspace().log(LogFileName.of(job.type().name(), id));
            JobRecord record = new JobRecord(id, clientId, job.type().name(), JobState.QUEUED, null, null, null,
                    config.dataDir().relativize(log).toString(), now.legacy(), now.iso(), null, false, null,
                    null, null, monitor, null, command, job.values());
            JobStore.Insert stored = store.insert(record, limit);
            if (stored == JobStore.Insert.STORED) {
                launch(record, job.argv(), job.workspace(), log);
                LOG.info("client {} started {} job {}", clientId, job.type().name(), id);
                return id;
            }
            deleteQuietly(log);
            if (stored == JobStore.Insert.CLIENT_AT_LIMIT) {
                throw atLimit(limit);
            }
            // A job of another type took the same id between the two checks; draw again.
        }
        throw new Internal("could not find a free process id");
    }

    /** The argv that {@link #start} would run for this request (same validation), without running it. */
    public List<String> preview(String clientId, Map<String, ?> body) {
        return prepare(clientId, body).argv();
    }

    /** A validated request: its type, coerced values, the client's workspace and the command line. */
    private record Prepared(TrainType type, Map<String, Object> values, Workspace workspace, List<String> argv) {
    }

    private Prepared prepare(String clientId, Map<String, ?> body) {
        Map<String, Object> raw = new HashMap<>(body);
        Object typeName = raw.remove("train_type");
        TrainType type = TrainTypes.find(typeName == null ? "" : typeName.toString().trim())
                .orElseThrow(() -> new ValidationFailed("train_type must be one of " + TrainTypes.all().keySet()
                        + ", got " + (typeName == null ? "nothing" : "'" + typeName + "'")));
        Map<String, Object> values = ParamValidator.validate(type, raw);
        availability.require(type);
        Workspace ws = workspaces.prepare(clientId);
        values.forEach((name, value) -> checkPath(type.param(name).orElseThrow(), value, ws));
        type.param(DATA_PATH).ifPresent(spec -> DataFiles.requireFile(DATA_PATH,
                String.valueOf(values.getOrDefault(DATA_PATH, spec.defaultValue())), !values.containsKey(DATA_PATH), ws));
        return new Prepared(type, values, ws, commands.build(type, values));
    }

    public List<JobRecord> list(String clientId) {
        return store.ofClient(clientId).stream().map(this::withRunUrl).toList();
    }

    private static RateLimited atLimit(int limit) {
        return new RateLimited("you already have " + limit + " queued or running job" + (limit == 1 ? "" : "s")
                + ", the most this server allows per client; stop one or wait for one to finish");
    }

    /** The caller's job; empty when unknown or someone else's (callers answer both the same way). */
    public Optional<JobRecord> find(String clientId, String id) {
        return store.get(id).filter(j -> j.clientId().equals(clientId));
    }

    /** The caller's job, or 404 (also when it belongs to someone else). */
    public JobRecord get(String clientId, String id) {
        return find(clientId, id).map(this::withRunUrl)
                .orElseThrow(() -> new NotFound("no process with id '" + id + "'"));
    }

    public void stop(String clientId, String id) {
        JobRecord job = get(clientId, id);
        if (!job.state().active() || !supervisor.stop(id)) {
            JobState now = find(clientId, id).map(JobRecord::state).orElse(job.state());
            throw new Conflict("process '" + id + "' has already finished (" + now.wireName() + ")");
        }
    }

    /** Stops the job if it still runs, then removes its record, log and exit file. */
    public void delete(String clientId, String id) {
        JobRecord job = get(clientId, id);
        if (job.state().active()) {
            supervisor.stop(id);
        }
        store.remove(id);
        try {
            Files.deleteIfExists(config.dataDir().resolve(job.logFile()));
            Files.deleteIfExists(supervisor.exitFile(job));
        } catch (IOException e) {
            throw new Internal("record removed but the log of '" + id + "' could not be deleted");
        }
    }

    /** Picks up the tracking run URL from the log of a running job, once. */
    private JobRecord withRunUrl(JobRecord job) {
        if (!job.state().active() || !SwanlabUrl.tracked(job)) {
            return job;
        }
        return SwanlabUrl.find(logOf(job))
                .flatMap(url -> store.update(job.id(), r -> r.swanlabUrl() == null ? r.withSwanlabUrl(url) : r))
                .orElse(job);
    }

    /** The job's log file (it may no longer exist). */
    public Path logOf(JobRecord job) {
        return config.dataDir().resolve(job.logFile());
    }

    private void checkPath(ParamSpec spec, Object value, Workspace ws) {
        String text = value.toString();
        boolean looksLikePath = text.contains("/") || text.contains("\\") || text.startsWith(".");
        // The script's own default (reward_model_path's ../../internlm2-1_8b-reward lies outside the workspace) is
        // what a left-out parameter gets, so sending it explicitly, as the web form does, must mean the same.
        if (spec.pathKind() == PathKind.NONE || text.equals(String.valueOf(spec.defaultValue()))) {
            return;
        }
        if (spec.pathKind() == PathKind.NAME_OR_INPUT && !looksLikePath) {
            if (!WEIGHT_NAME.matcher(text).matches()) {
                throw new ValidationFailed(spec.name() + " must be a weight name, none, or a relative path");
            }
            return;
        }
        PathGuard.check(spec.name(), text, ws, workspaces.sharedInputs(), spec.pathKind() == PathKind.OUTPUT);
    }

    /** Picks a fresh id whose log file did not exist and writes the start notice and the command into it. */
    private String reserveLog(TrainType type, Workspace ws, String command, Timestamps.Pair now) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String id = ProcessIds.next();
            if (store.get(id).isPresent()) {
                continue;
            }
            String header = "开始训练 " + type.name() + " (process " + id + ") at " + now.legacy() + "\n"
                    + "Command: " + command + "\n";
            try {
                Files.writeString(ws.log(LogFileName.of(type.name(), id)), header, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return id;
            } catch (FileAlreadyExistsException e) {
                // Another submission drew the same id this second; draw again.
            } catch (IOException e) {
                throw new Internal("could not create the log file for a new job: " + e.getMessage());
            }
        }
        throw new Internal("could not find a free process id");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}", file);
        }
    }

    private void launch(JobRecord job, List<String> argv, Workspace ws, Path log) {
        ProcessIdentity process;
        try {
            process = ProcessLauncher.launch(argv, ws.work(), JobEnvironment.from(System.getenv()), log,
                    supervisor.exitFile(job));
        } catch (IOException | RuntimeException e) {
            store.update(job.id(), r -> r.ended(JobState.FAILED, null, null, "could not start: " + e.getMessage(),
                    Timestamps.now(), false));
            throw new Internal("could not start process '" + job.id() + "': " + e.getMessage());
        }
        boolean launched = store.update(job.id(), r -> r.state() == JobState.QUEUED ? r.launched(process) : r)
                .filter(r -> r.state() == JobState.RUNNING).isPresent();
        if (launched) {
            supervisor.watch(job.id(), process);
        } else {
            ProcessControl.stopTree(process, config.stopGrace()); // stopped or deleted while being launched
        }
    }
}
