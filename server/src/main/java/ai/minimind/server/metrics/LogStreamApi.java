package ai.minimind.server.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/processes/{id}/logs/stream}: the job's log as server-sent events. Each {@code log} event
 * carries {@code {"text": ...}} (whole lines) and has as id the byte offset just past them, so a client that
 * reconnects with {@code Last-Event-ID} (or {@code ?offset=}) resumes exactly where it stopped, without a gap or
 * a repeated line; {@code ?tail=N} starts at the first whole line of the last N bytes instead (a page that
 * attaches to a long log). When the job has ended and everything is sent, an {@code end} event closes the stream.
 * Ownership is checked before the stream opens, so another client's id answers a plain 404.
 */
public final class LogStreamApi {
    static final long POLL_MILLIS = 250;
    private static final ScheduledExecutorService POLLER = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "log-stream-poller");
        thread.setDaemon(true);
        return thread;
    });
    private final JobLogLookup lookup;

    public LogStreamApi(JobLogLookup lookup) {
        this.lookup = lookup;
    }

    /** Registers the route. */
    public static void register(RoutesConfig routes, JobLogLookup lookup) {
        routes.get("/api/processes/{id}/logs/stream", new LogStreamApi(lookup)::handle);
    }

    void handle(Context ctx) throws Exception {
        JobLog log = lookup.find(ctx, ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("no such process: " + ctx.pathParam("id")));
        long offset = startOffset(ctx, log);
        new SseHandler(client -> follow(client, log, offset)).handle(ctx);
    }

    /** Last-Event-ID, else {@code ?offset=}, else the start of the last {@code ?tail=} bytes, else 0. */
    private static long startOffset(Context ctx, JobLog log) throws IOException {
        String lastEventId = ctx.header("Last-Event-ID");
        if (lastEventId != null) {
            return MetricsApi.offsetParam(lastEventId, "Last-Event-ID");
        }
        if (ctx.queryParam("offset") != null) {
            return MetricsApi.offsetParam(ctx.queryParam("offset"), "offset");
        }
        String tail = ctx.queryParam("tail");
        return tail == null ? 0 : LineStarts.tailStart(log.file(), MetricsApi.offsetParam(tail, "tail"));
    }

    private static void follow(SseClient client, JobLog log, long offset) {
        client.keepAlive();
        LogFollower follower = new LogFollower(client, log, offset);
        ScheduledFuture<?> task = POLLER.scheduleWithFixedDelay(follower::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        follower.whenDone(() -> task.cancel(false));
        client.onClose(() -> task.cancel(false));
    }
}
