package ai.minimind.engine.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * MiniMind's byte-level BPE tokenizer (spec section 2) loaded from a folder holding {@code tokenizer.json}.
 * Never adds BOS/EOS. STUB: contract only; the data helper implements it.
 */
public final class MiniMindTokenizer implements AutoCloseable {
    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;

    public static MiniMindTokenizer load(Path dir) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public int[] encode(String text) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public String decode(int[] ids, boolean skipSpecialTokens) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public int vocabSize() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
    }
}
