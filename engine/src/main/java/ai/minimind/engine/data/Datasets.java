package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.nio.file.Path;

/** Entry points for the training data. STUB: contract only; the data helper implements it. */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Validates the whole file line by line first (throws {@link DataFormatException} naming file and line),
     * then returns pretrain samples (section 3.1).
     */
    public static TokenDataset pretrain(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Validates the whole file, then returns SFT samples (section 3.2); samples with no supervised token after
     * truncation are dropped, and their count is reported through {@code droppedCounter} style logging
     * (printed to stdout by the dataset).
     */
    public static TokenDataset sft(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
