package ai.minimind.server.metrics;

import ai.minimind.server.api.ApiException;
import ai.minimind.server.auth.Authenticator;
import ai.minimind.server.clients.Client;
import ai.minimind.server.jobs.JobRecord;
import ai.minimind.server.jobs.JobService;
import ai.minimind.server.jobs.ProcessIds;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Wires the metrics and log-stream routes to the server's jobs: the caller is authenticated like on every
 * other route (401 otherwise), and only the caller's own jobs are found, so another client's id is a 404.
 */
public final class JobMonitoring implements JobLogLookup {
    private final Authenticator auth;
    private final JobService jobs;

    public JobMonitoring(Authenticator auth, JobService jobs) {
        this.auth = auth;
        this.jobs = jobs;
    }

    /** Registers {@code GET /api/processes/{id}/metrics} and {@code GET /api/processes/{id}/logs/stream}. */
    public static void register(RoutesConfig routes, Authenticator auth, JobService jobs) {
        JobMonitoring lookup = new JobMonitoring(auth, jobs);
        MetricsApi.register(routes, lookup);
        LogStreamApi.register(routes, lookup);
    }

    @Override
    public Optional<JobLog> find(Context ctx, String processId) {
        Client client = auth.authenticate(ctx.header("Authorization"), ctx.req().getRemoteAddr());
        if (!ProcessIds.isWellFormed(processId)) {
            return Optional.empty();
        }
        JobRecord job;
        try {
            job = jobs.get(client.clientId(), processId);
        } catch (ApiException.NotFound e) {
            return Optional.empty();
        }
        return Optional.of(new JobLog(jobs.logOf(job), () -> ended(client, processId)));
    }

    /** A job that is no longer active, or no longer exists (deleted while streamed), has ended. */
    private boolean ended(Client client, String processId) {
        try {
            return !jobs.get(client.clientId(), processId).state().active();
        } catch (ApiException.NotFound e) {
            return true;
        }
    }
}
