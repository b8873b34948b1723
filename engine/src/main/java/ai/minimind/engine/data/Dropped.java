package ai.minimind.engine.data;

import java.nio.file.Path;

/** Reports samples dropped for having no supervised token, and refuses a dataset where all of them were. */
final class Dropped {
    private Dropped() {
    }

    static void report(Path file, long total, long dropped, int maxSeqLen) {
        if (dropped == total) {
            throw new DataFormatException(file, "all " + total + " samples have no supervised token within max_seq_len="
                    + maxSeqLen + " (raise --max_seq_len or shorten the prompts)");
        }
        if (dropped > 0) {
            System.out.println("Dropped " + dropped + " of " + total
                    + " samples with no supervised token within max_seq_len=" + maxSeqLen);
        }
    }
}
