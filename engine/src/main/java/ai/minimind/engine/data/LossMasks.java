package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

/** The unshifted loss masks of spec 3.1 (pretrain) and 3.2 step 3 (SFT/DPO), over ids padded to max_seq_len. */
final class LossMasks {
    /** The text whose ids open every assistant turn; the SFT mask keys on them (MiniMind's {@code bos_id}). */
    static final String ASSISTANT_HEADER = ChatTemplate.S + "assistant";

    private LossMasks() {
    }

    /**
     * The ids of {@code "<|im_start|>assistant"} in this tokenizer ([1, 1078, 538, 501] in MiniMind's), computed as
     * MiniMind does so that a tokenizer trained here gets the right mask too.
     */
    static int[] assistantHeader(MiniMindTokenizer tokenizer) {
        return tokenizer.encode(ASSISTANT_HEADER);
    }

    /** Pretrain: every non-pad position. */
    static boolean[] nonPad(int[] padded) {
        boolean[] mask = new boolean[padded.length];
        for (int t = 0; t < padded.length; t++) {
            mask[t] = padded[t] != MiniMindTokenizer.PAD_ID;
        }
        return mask;
    }

    /**
     * MiniMind's {@code generate_labels}: at each {@code <|im_start|>assistant} found at {@code i}, let
     * {@code start = i + 4} (the "\n" after the header) and {@code end} the first {@code <|im_end|>} at or after
     * {@code start} (or the length L when there is none); mark {@code start+1 .. min(end+1, L-1)} inclusive, i.e.
     * the reply, its {@code <|im_end|>} and the one token after it; resume scanning at {@code end + 1}.
     */
    static boolean[] assistantOnly(int[] padded, int[] header) {
        int length = padded.length;
        boolean[] mask = new boolean[length];
        int i = 0;
        while (i < length) {
            if (!startsWith(padded, i, header)) {
                i++;
                continue;
            }
            int start = i + header.length;
            int end = start;
            while (end < length && padded[end] != MiniMindTokenizer.EOS_ID) {
                end++;
            }
            for (int j = start + 1; j < Math.min(end + 2, length); j++) {
                mask[j] = true;
            }
            i = end < length ? end + 1 : length;
        }
        return mask;
    }

    /** Whether any position after the first is marked, i.e. the shifted mask {@code mask[1:]} trains something. */
    static boolean supervisesAnything(boolean[] mask) {
        for (int t = 1; t < mask.length; t++) {
            if (mask[t]) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(int[] ids, int at, int[] prefix) {
        if (at + prefix.length > ids.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (ids[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
