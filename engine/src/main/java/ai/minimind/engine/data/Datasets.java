package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry points for the training data (spec section 3). Every loader checks the whole file line by line before
 * returning anything: bad UTF-8, invalid JSON, a lone surrogate, a blank line, a record of the wrong shape for the
 * stage, or an empty file is a {@link DataFormatException} naming the file and the 1-based line.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Validates the whole file line by line first (throws {@link DataFormatException} naming file and line),
     * then returns pretrain samples (section 3.1). Texts that leave no supervised token (empty, or a single token)
     * are dropped and counted on stdout.
     */
    public static TokenDataset pretrain(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen) throws IOException {
        return SupervisedDataset.load(jsonl, tokenizer, maxSeqLen, SupervisedDataset.Stage.PRETRAIN);
    }

    /**
     * Validates the whole file, then returns SFT samples (section 3.2); samples with no supervised token after
     * truncation are dropped, and their count is printed to stdout as one line
     * ({@code Dropped 3 of 300 samples with no supervised token within max_seq_len=64}); if every sample is
     * dropped this throws {@link DataFormatException}.
     */
    public static TokenDataset sft(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen) throws IOException {
        return SupervisedDataset.load(jsonl, tokenizer, maxSeqLen, SupervisedDataset.Stage.SFT);
    }
}
