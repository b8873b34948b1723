package ai.minimind.server.metrics;

import ai.minimind.server.logs.LogReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code GET /api/processes/{id}/metrics?cursor=N}: the progress points printed after byte {@code cursor} of the
 * job's log, and the cursor to ask with next time. Reads at most {@link #MAX_BYTES} per call, so a huge log is
 * fetched in pages ({@code more} is true while bytes remain) and the cost of a poll never grows with the log.
 */
public final class MetricsApi {
    static final int MAX_BYTES = 1 << 20;
    private final JobLogLookup lookup;

    public MetricsApi(JobLogLookup lookup) {
        this.lookup = lookup;
    }

    /** Registers the route. */
    public static void register(RoutesConfig routes, JobLogLookup lookup) {
        routes.get("/api/processes/{id}/metrics", new MetricsApi(lookup)::handle);
    }

    /** What one call answers: the points, where to continue, whether more bytes wait, whether the job ended. */
    public record Page(List<MetricPoint> points, long cursor, boolean more, boolean ended) {
    }

    void handle(Context ctx) throws IOException {
        JobLog log = lookup.find(ctx, ctx.pathParam("id"))
                .orElseThrow(() -> new NotFoundResponse("no such process: " + ctx.pathParam("id")));
        long cursor = offsetParam(ctx.queryParam("cursor"), "cursor");
        ctx.json(read(log, cursor));
    }

    static Page read(JobLog log, long cursor) throws IOException {
        boolean ended = log.ended().getAsBoolean();
        if (!Files.exists(log.file())) {
            return new Page(List.of(), cursor, false, ended);
        }
        LogReader.Chunk chunk = LogReader.readFrom(log.file(), cursor, MAX_BYTES, ended);
        boolean more = chunk.nextOffset() < Files.size(log.file()) && chunk.nextOffset() > cursor;
        return new Page(MetricsParser.parse(chunk.text()), chunk.nextOffset(), more, ended);
    }

    /** A non-negative byte offset from a query parameter or header; absent means 0. */
    static long offsetParam(String value, String name) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long offset = Long.parseLong(value.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the same message as a negative number
        }
        throw new BadRequestResponse(name + " must be a non-negative byte offset, got '" + value + "'");
    }
}
