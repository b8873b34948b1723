package ai.minimind.server.metrics;

import io.javalin.http.Context;

import java.util.Optional;

/**
 * Finds the log of one of the caller's jobs. Empty when the id is unknown <em>or</em> belongs to another
 * client, so both answer the same 404 and never reveal that another client's job exists. The server's job
 * service supplies the implementation; this package only reads files.
 */
@FunctionalInterface
public interface JobLogLookup {
    Optional<JobLog> find(Context ctx, String processId);
}
