package ai.minimind.engine.tokenizer;

import ai.minimind.engine.data.Datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains MiniMind's tokenizer ({@code trainer/train_tokenizer.py}): byte-level BPE over the {@code text} fields (or
 * rendered conversations) of a JSONL corpus, with {@code <|endoftext|>}, {@code <|im_start|>}, {@code <|im_end|>} at
 * ids 0, 1, 2, the 256 byte symbols at 3..258, and one token per learned merge after that.
 */
public final class BpeTrainer {
    /** Three special tokens plus the 256-symbol byte alphabet. */
    public static final int MIN_VOCAB_SIZE = 3 + 256;

    private BpeTrainer() {
    }

    /** Trains on {@code jsonl}; writes {@code tokenizer.json} and {@code tokenizer_config.json} into {@code outDir}. */
    public static void train(Path jsonl, int vocabSize, Path outDir) throws IOException {
        if (vocabSize < MIN_VOCAB_SIZE) {
            throw new IllegalArgumentException("vocab_size must be at least " + MIN_VOCAB_SIZE
                    + " (3 special tokens + 256 bytes), got " + vocabSize);
        }
        Map<String, Long> wordCounts = new HashMap<>();
        long records = Datasets.forEachText(jsonl, text -> countWords(text, wordCounts));
        List<String> initial = new ArrayList<>(TokenizerFiles.SPECIAL_TOKENS);
        initial.addAll(ByteLevel.alphabet());
        MergeLearner learner = new MergeLearner(initial, wordCounts);
        List<MergeLearner.Merge> merges = learner.learn(vocabSize);
        TokenizerFiles.write(outDir, learner.vocab(), merges);
        System.out.println("Trained tokenizer: " + learner.vocab().size() + " tokens (" + merges.size()
                + " merges) from " + records + " records of " + jsonl + " -> " + outDir);
    }

    /**
     * Counts the byte-level words of {@code text}. Special-token strings are cut out first: at encode time they are
     * matched whole and never reach BPE, so merges across them would waste vocabulary.
     */
    static void countWords(String text, Map<String, Long> counts) {
        for (String segment : splitOnSpecialTokens(text)) {
            for (String word : ByteLevel.words(segment)) {
                counts.merge(word, 1L, Long::sum);
            }
        }
    }

    static List<String> splitOnSpecialTokens(String text) {
        List<String> segments = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = -1;
            String found = null;
            for (String special : TokenizerFiles.SPECIAL_TOKENS) {
                int i = text.indexOf(special, from);
                if (i >= 0 && (at < 0 || i < at)) {
                    at = i;
                    found = special;
                }
            }
            if (found == null) {
                segments.add(text.substring(from));
                return segments;
            }
            segments.add(text.substring(from, at));
            from = at + found.length();
        }
    }
}
