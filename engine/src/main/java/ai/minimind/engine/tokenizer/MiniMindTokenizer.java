package ai.minimind.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * MiniMind's byte-level BPE tokenizer (spec section 2) loaded from a folder holding {@code tokenizer.json}.
 * Never adds BOS/EOS, never truncates or pads: the datasets do that themselves (spec 3.1, 3.2).
 */
public final class MiniMindTokenizer implements AutoCloseable {
    public static final int PAD_ID = 0;
    public static final int BOS_ID = 1;
    public static final int EOS_ID = 2;

    private final HuggingFaceTokenizer tokenizer;
    private final int vocabSize;

    private MiniMindTokenizer(HuggingFaceTokenizer tokenizer, int vocabSize) {
        this.tokenizer = tokenizer;
        this.vocabSize = vocabSize;
    }

    /** Loads {@code dir/tokenizer.json} offline; the folder's {@code tokenizer_config.json} is not needed. */
    public static MiniMindTokenizer load(Path dir) throws IOException {
        Path json = dir.resolve("tokenizer.json");
        if (!Files.isRegularFile(json)) {
            throw new NoSuchFileException(json.toString(), null, "tokenizer folder has no tokenizer.json");
        }
        // Pointing the builder at the file (not the folder) keeps DJL from reading tokenizer_config.json;
        // truncation, padding and special-token insertion are all switched off explicitly.
        HuggingFaceTokenizer hf = HuggingFaceTokenizer.builder()
                .optTokenizerPath(json)
                .optAddSpecialTokens(false)
                .optTruncation(false)
                .optPadding(false)
                .build();
        return new MiniMindTokenizer(hf, countVocab(json));
    }

    /** Token ids of {@code text}; special-token strings in the text ({@code <|im_start|>}...) map to their ids. */
    public int[] encode(String text) {
        // Asks the native encoding for its ids only: HuggingFaceTokenizer.encode also copies every token string,
        // char span and mask into Java, which doubles the cost of tokenizing a dataset.
        long encoding = TokenizersLibrary.LIB.encode(tokenizer.getHandle(), text, false);
        long[] ids;
        try {
            ids = TokenizersLibrary.LIB.getTokenIds(encoding);
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    public String decode(int[] ids, boolean skipSpecialTokens) {
        long[] wide = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            wide[i] = ids[i];
        }
        return tokenizer.decode(wide, skipSpecialTokens);
    }

    /** Number of embedding rows the ids need: highest id in the vocabulary or added tokens, plus one. */
    public int vocabSize() {
        return vocabSize;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static int countVocab(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        int maxId = -1;
        for (Iterator<JsonNode> it = root.path("model").path("vocab").elements(); it.hasNext(); ) {
            maxId = Math.max(maxId, it.next().asInt());
        }
        for (JsonNode added : root.path("added_tokens")) {
            maxId = Math.max(maxId, added.path("id").asInt());
        }
        if (maxId < 0) {
            throw new IOException(json + ": no model.vocab entries (is this a BPE tokenizer.json?)");
        }
        return maxId + 1;
    }
}
