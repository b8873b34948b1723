package ai.minimind.server.api;

import ai.minimind.server.api.ApiException.NotFound;
import ai.minimind.server.clients.Client;
import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.jobs.JobRecord;
import ai.minimind.server.jobs.JobService;
import ai.minimind.server.jobs.ProcessIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;

/** Train types, starting jobs, and the job list with stop and delete. */
public final class JobsApi {
    private final JobService jobs;
    private final ServerConfig config;
    private final ObjectMapper mapper;

    public JobsApi(JobService jobs, ServerConfig config, ObjectMapper mapper) {
        this.jobs = jobs;
        this.config = config;
        this.mapper = mapper;
    }

    void trainTypes(Context ctx, Client client) {
        ctx.json(Map.of("backend", config.backend().name().toLowerCase(java.util.Locale.ROOT),
                "train_types", jobs.availability().table()));
    }

    void preview(Context ctx, Client client) {
        ctx.json(Json.success("command", jobs.preview(client.clientId(), Json.objectBody(ctx, mapper))));
    }

    void train(Context ctx, Client client) {
        String id = jobs.start(client.clientId(), Json.objectBody(ctx, mapper));
        ctx.json(Json.success("process_id", id));
    }

    void list(Context ctx, Client client) {
        ctx.json(jobs.list(client.clientId()));
    }

    void get(Context ctx, Client client) {
        ctx.json(owned(ctx, client));
    }

    void stop(Context ctx, Client client) {
        jobs.stop(client.clientId(), owned(ctx, client).id());
        ctx.json(Json.success());
    }

    void delete(Context ctx, Client client) {
        jobs.delete(client.clientId(), owned(ctx, client).id());
        ctx.json(Json.success());
    }

    /** The caller's job named by the {@code id} path parameter, or 404 for anything else. */
    static JobRecord owned(Context ctx, Client client, JobService jobs) {
        String id = ctx.pathParam("id");
        if (!ProcessIds.isWellFormed(id)) {
            throw new NotFound("no process with id '" + id + "'");
        }
        return jobs.get(client.clientId(), id);
    }

    private JobRecord owned(Context ctx, Client client) {
        return owned(ctx, client, jobs);
    }
}
