package ai.minimind.server;

import ai.minimind.server.api.ClientsApi;
import ai.minimind.server.api.JobsApi;
import ai.minimind.server.api.Json;
import ai.minimind.server.api.LogsApi;
import ai.minimind.server.api.Routes;
import ai.minimind.server.auth.Authenticator;
import ai.minimind.server.auth.TokenSigner;
import ai.minimind.server.clients.ClientService;
import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.files.Workspaces;
import ai.minimind.server.jobs.JobService;
import ai.minimind.server.jobs.JobSupervisor;
import ai.minimind.server.jobs.LogFiles;
import ai.minimind.server.metrics.JobMonitoring;
import ai.minimind.server.metrics.WebPage;
import ai.minimind.server.store.ClientStore;
import ai.minimind.server.store.JobStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: loads the state files (refusing corrupt ones), reconciles jobs left from a previous run,
 * and serves api.md's routes. Usable in-process: {@code try (var s = TrainingServer.start(config)) { s.port(); }}.
 */
public final class TrainingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingServer.class);

    private final Javalin app;
    private final ServerConfig config;

    private TrainingServer(Javalin app, ServerConfig config) {
        this.app = app;
        this.config = config;
    }

    /**
     * Starts the service. Throws {@link ai.minimind.server.store.CorruptStateException} for an unreadable state
     * file and {@link io.javalin.util.JavalinBindException} when the port is taken.
     */
    public static TrainingServer start(ServerConfig config) {
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + config.dataDir(), e);
        }
        for (var shared : List.of(config.datasetsDir(), config.tokenizerDir())) {
            if (!Files.isDirectory(shared)) {
                LOG.warn("{} is not a folder; jobs will not find it through their workspace links", shared);
            }
        }
        ObjectMapper mapper = Json.newMapper();
        ClientStore clientStore = new ClientStore(config.dataDir().resolve("clients.json"), mapper);
        JobStore jobStore = new JobStore(config.dataDir().resolve("training_processes.json"), mapper);
        Workspaces workspaces = new Workspaces(config.dataDir(), config.datasetsDir(), config.tokenizerDir());
        JobSupervisor supervisor = new JobSupervisor(jobStore, config.dataDir(), config.stopGrace());
        supervisor.reconcile();
        Optional<TokenSigner> tokens = config.serverSecret().map(TokenSigner::new);
        JobService jobs = new JobService(config, jobStore, workspaces, supervisor);
        Authenticator authenticator = new Authenticator(clientStore, tokens, config.allowAnonymous());
        Routes routes = new Routes(authenticator);
        ClientsApi clientsApi = new ClientsApi(new ClientService(clientStore), tokens, mapper);
        JobsApi jobsApi = new JobsApi(jobs, config, mapper);
        LogsApi logsApi = new LogsApi(jobs, new LogFiles(workspaces, jobStore));
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            if (TrainingServer.class.getResource("/public") != null) {
                WebPage.serveStaticFiles(cfg);
            }
            routes.register(cfg, clientsApi, jobsApi, logsApi);
            JobMonitoring.register(cfg.routes, authenticator, jobs);
        });
        app.start(config.host(), config.port());
        return new TrainingServer(app, config);
    }

    /** The bound port (the real one when configured with port 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT} as announced on start. */
    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    /** Stops serving; running jobs keep running (they never depended on the server). */
    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
