package ai.minimind.server.jobs;

import ai.minimind.server.files.LogFileName;
import ai.minimind.server.process.ExitStatus;
import ai.minimind.server.process.ProcessControl;
import ai.minimind.server.process.ProcessIdentity;
import ai.minimind.server.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows running jobs to their end: records the final state from the exit-status file when a process goes away,
 * stops process trees on request, and after a restart reconciles every record left queued or running (still
 * alive → watched again; ended → its real exit status; no status → {@code lost}).
 */
public final class JobSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(JobSupervisor.class);
    /** How long the exit file may lag behind the process's disappearance (the wrapper writes it last). */
    private static final Duration EXIT_FILE_WAIT = Duration.ofSeconds(3);

    private static final ExecutorService FINISHERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "minimind-job-finisher");
        t.setDaemon(true);
        return t;
    });

    private final JobStore store;
    private final Path dataDir;
    private final Duration grace;
    /** Jobs being stopped by a user: their end is recorded by {@link #stop}, not by the exit watcher. */
    private final Set<String> stopping = ConcurrentHashMap.newKeySet();

    public JobSupervisor(JobStore store, Path dataDir, Duration grace) {
        this.store = store;
        this.dataDir = dataDir;
        this.grace = grace;
    }

    /** Records the job's end once its process is gone (on our own threads: finishing may wait for the file). */
    public void watch(String jobId, ProcessIdentity process) {
        ProcessControl.onExit(process).thenRunAsync(() -> finish(jobId), FINISHERS);
    }

    /** Re-attaches to jobs that were queued or running when the server last stopped. */
    public void reconcile() {
        for (JobRecord job : store.all()) {
            if (!job.state().active()) {
                continue;
            }
            ProcessIdentity process = job.identity();
            if (process != null && ProcessControl.isAlive(process)) {
                LOG.info("job {} is still running (pid {}); watching it again", job.id(), process.pid());
                watch(job.id(), process);
            } else {
                Optional<ExitStatus> status = ProcessControl.readExitStatus(exitFile(job));
                LOG.info("job {} ended while the server was down: {}", job.id(), status.orElse(null));
                store.update(job.id(), r -> r.state().active() ? ended(r, status, false) : r);
            }
        }
    }

    /** Stops the job's whole process tree and records it as stopped; false when it had already ended. */
    public boolean stop(String jobId) {
        stopping.add(jobId);
        try {
            JobRecord job = store.get(jobId).orElse(null);
            if (job == null || !job.state().active()) {
                return false;
            }
            if (endedOnItsOwn(job)) {
                // It exited before the signal, and its watcher has not recorded that yet: the user gets the
                // real outcome (409), not a "stopped" that never happened.
                Optional<ExitStatus> status = awaitExitStatus(job, EXIT_FILE_WAIT);
                store.update(jobId, r -> r.state().active() ? ended(r, status, false) : r);
                return false;
            }
            if (job.identity() != null) {
                ProcessControl.stopTree(job.identity(), grace);
            }
            Optional<ExitStatus> status = awaitExitStatus(job, Duration.ofMillis(500));
            store.update(jobId, r -> r.state().active()
                    ? r.ended(JobState.STOPPED, status.map(ExitStatus::exitCode).orElse(null),
                    status.map(ExitStatus::signal).orElse(null), "stopped by the user", Timestamps.now(), true)
                    : r);
            return true;
        } finally {
            stopping.remove(jobId);
        }
    }

    /** The wrapper already wrote an exit status, or the launched process is gone. */
    private boolean endedOnItsOwn(JobRecord job) {
        return ProcessControl.readExitStatus(exitFile(job)).isPresent()
                || job.identity() != null && !ProcessControl.isAlive(job.identity());
    }

    /** The exit-status file next to the job's log. */
    public Path exitFile(JobRecord job) {
        Path log = dataDir.resolve(job.logFile());
        return log.resolveSibling(LogFileName.exitFileOf(log.getFileName().toString()));
    }

    private void finish(String jobId) {
        if (stopping.contains(jobId)) {
            return;
        }
        store.get(jobId).ifPresent(job -> {
            Optional<ExitStatus> status = awaitExitStatus(job, EXIT_FILE_WAIT);
            store.update(jobId, r -> r.state().active() && !stopping.contains(jobId) ? ended(r, status, false) : r);
        });
    }

    private Optional<ExitStatus> awaitExitStatus(JobRecord job, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<ExitStatus> status = ProcessControl.readExitStatus(exitFile(job));
        while (status.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = ProcessControl.readExitStatus(exitFile(job));
        }
        return status;
    }

    private JobRecord ended(JobRecord job, Optional<ExitStatus> status, boolean byUser) {
        if (SwanlabUrl.tracked(job)) {
            job = SwanlabUrl.find(dataDir.resolve(job.logFile())).map(job::withSwanlabUrl).orElse(job);
        }
        if (status.isEmpty()) {
            return job.ended(JobState.LOST, null, null, "the process ended without leaving an exit status",
                    Timestamps.now(), byUser);
        }
        ExitStatus s = status.get();
        Timestamps.Pair at = endTime(job);
        String message = s.signal() != null ? "killed by signal " + s.signal()
                : s.exitCode() == 0 ? null : "exit code " + s.exitCode();
        return job.ended(s.succeeded() ? JobState.SUCCEEDED : JobState.FAILED, s.exitCode(), s.signal(), message,
                at, byUser);
    }

    /** When the wrapper wrote the exit file: the real end, also for jobs that ended while we were down. */
    private Timestamps.Pair endTime(JobRecord job) {
        try {
            Instant written = Files.getLastModifiedTime(exitFile(job)).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return Timestamps.of(OffsetDateTime.ofInstant(written, ZoneId.systemDefault()));
        } catch (IOException e) {
            return Timestamps.now();
        }
    }
}
