package ai.minimind.engine.data;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reports samples dropped for having no supervised token, and refuses a dataset where all of them were. The count
 * goes to the caller's log (a trainer passes its {@code TrainLog}), so an in-process caller sees it with the rest of
 * the run's lines instead of on the JVM's stdout.
 */
final class Dropped {
    private Dropped() {
    }

    static void report(Path file, long total, long dropped, int maxSeqLen, Consumer<String> log) {
        if (dropped == total) {
            throw new DataFormatException(file, "all " + total + " samples have no supervised token within max_seq_len="
                    + maxSeqLen + " (raise --max_seq_len or shorten the prompts)");
        }
        if (dropped > 0) {
            log.accept("Dropped " + dropped + " of " + total
                    + " samples with no supervised token within max_seq_len=" + maxSeqLen);
        }
    }
}
