package ai.minimind.server.metrics;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A job's log file as the metrics and stream routes see it. {@code ended} is asked again on every poll, because
 * a stream outlives the moment it was opened: once it answers true, the trailing line without newline counts as
 * complete and the stream may finish.
 */
public record JobLog(Path file, BooleanSupplier ended) {
}
