package ai.minimind.engine.train;

import ai.minimind.engine.data.Datasets;
import ai.minimind.engine.data.TokenDataset;
import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The supervised trainers that share {@link SupervisedTrainer}: they differ only in their data (spec 3.1, 3.2). */
public enum SupervisedTask {
    /** {@code train_pretrain.py}: every non-pad target is trained. */
    PRETRAIN,
    /** {@code train_full_sft.py}: only assistant targets are trained. */
    SFT;

    /**
     * Loads and validates the whole file (a {@code DataFormatException} names the file and line); the
     * dropped-sample count line goes to {@code log}.
     */
    public TokenDataset load(Path jsonl, MiniMindTokenizer tokenizer, int maxSeqLen, Consumer<String> log)
            throws IOException {
        return this == PRETRAIN
                ? Datasets.pretrain(jsonl, tokenizer, maxSeqLen, log)
                : Datasets.sft(jsonl, tokenizer, maxSeqLen, log);
    }
}
