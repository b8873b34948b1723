package ai.minimind.server.api;

import ai.minimind.server.api.ApiException.ValidationFailed;
import ai.minimind.server.clients.Client;
import ai.minimind.server.jobs.JobService;
import ai.minimind.server.jobs.LogFiles;
import ai.minimind.server.logs.LogReader;
import io.javalin.http.Context;

/** Job log tails and the caller's log files. */
public final class LogsApi {
    private static final int DEFAULT_LINES = 200;
    private static final int MAX_LINES = 10_000;
    private static final String TEXT = "text/plain; charset=utf-8";

    private final JobService jobs;
    private final LogFiles files;

    public LogsApi(JobService jobs, LogFiles files) {
        this.jobs = jobs;
        this.files = files;
    }

    void tail(Context ctx, Client client) throws Exception {
        int lines = lines(ctx.queryParam("lines"));
        var job = JobsApi.owned(ctx, client, jobs);
        ctx.contentType(TEXT).result(LogReader.tail(jobs.logOf(job), lines));
    }

    void list(Context ctx, Client client) {
        ctx.json(files.list(client.clientId()));
    }

    void content(Context ctx, Client client) {
        ctx.contentType(TEXT).result(files.content(client.clientId(), ctx.pathParam("filename")));
    }

    void delete(Context ctx, Client client) {
        String name = ctx.pathParam("filename");
        files.delete(client.clientId(), name);
        ctx.json(Json.success("message", "deleted log file " + name));
    }

    private static int lines(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LINES;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_LINES) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new ValidationFailed("lines must be an integer from 1 to " + MAX_LINES);
    }
}
