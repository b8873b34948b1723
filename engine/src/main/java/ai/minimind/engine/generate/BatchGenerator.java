package ai.minimind.engine.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.model.KvCache;
import ai.minimind.engine.model.MiniMindForCausalLM;

import java.util.Arrays;

/**
 * Batched rollouts as HuggingFace's {@code generate} runs them for MiniMind's RL trainers (spec 1.11): left-padded
 * prompts with their attention mask, each prompt repeated {@code numReturnSequences} times interleaved (p0g0,
 * p0g1, ..., p1g0, ...), prefill then one token per step with a KV cache, the mask extended by a 1 per step, a row
 * finished at EOS and filled with pad id 0 afterwards, until all rows finish or the budget is spent.
 */
public final class BatchGenerator {
    private static final int PAD = 0;

    private BatchGenerator() {
    }

    /**
     * {@code promptIds} and {@code attentionMask} are (B, T) rectangles (mask null = no padding). Returns
     * (B * numReturnSequences) rows: the prompt as given followed by the generated tokens, all of one length.
     */
    public static int[][] generate(MiniMindForCausalLM model, int[][] promptIds, int[][] attentionMask,
                                   GenerationConfig config, int numReturnSequences) {
        int[][] prompts = repeatInterleaved(promptIds, numReturnSequences);
        int[][] mask = attentionMask == null ? ones(prompts) : repeatInterleaved(attentionMask, numReturnSequences);
        requireSameShape(prompts, mask);
        int rows = prompts.length;
        int promptLength = prompts[0].length;
        int budget = Math.min(config.maxNewTokens(), model.config().maxPositionEmbeddings() - promptLength);
        int[][] generated = new int[rows][Math.max(budget, 0)];
        boolean[] finished = new boolean[rows];
        Sampler sampler = new Sampler(config);
        int steps = 0;
        try (NDManager manager = NDManager.newBaseManager();
             KvCache cache = new KvCache(manager)) {
            long[][] input = toLong(prompts);
            long[][] fullMask = toLong(mask);
            while (steps < budget && !allTrue(finished)) {
                float[][] logits = lastLogits(model, manager, cache, input, fullMask);
                for (int r = 0; r < rows; r++) {
                    int token = finished[r] ? PAD : sampler.next(logits[r]);
                    generated[r][steps] = token;
                    finished[r] |= token == model.config().eosTokenId();
                    input[r] = new long[] {token};
                    fullMask[r] = append(fullMask[r], 1);
                }
                steps++;
            }
        }
        return concat(prompts, generated, steps);
    }

    /** One forward of (B, T_in) on the cache; returns the last position's logits per row. */
    private static float[][] lastLogits(MiniMindForCausalLM model, NDManager parent, KvCache cache, long[][] input,
                                        long[][] mask) {
        try (NDManager step = parent.newSubManager()) {
            NDArray ids = step.create(flatten(input), new Shape(input.length, input[0].length));     // (B, T_in)
            NDArray keep = step.create(flatten(mask), new Shape(mask.length, mask[0].length));       // (B, S)
            NDArray logits = model.forward(ids, keep, cache, 1).logits();                             // (B, 1, V)
            int vocab = Math.toIntExact(logits.getShape().get(2));
            float[] flat = logits.toFloatArray();
            float[][] out = new float[input.length][];
            for (int r = 0; r < out.length; r++) {
                out[r] = Arrays.copyOfRange(flat, r * vocab, (r + 1) * vocab);
            }
            return out;
        }
    }

    private static int[][] repeatInterleaved(int[][] rows, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("num_return_sequences must be >= 1: " + times);
        }
        if (rows.length == 0 || rows[0].length == 0) {
            throw new IllegalArgumentException("prompts must hold at least one row and one token");
        }
        int[][] out = new int[rows.length * times][];
        for (int p = 0; p < rows.length; p++) {
            for (int g = 0; g < times; g++) {
                out[p * times + g] = rows[p].clone();
            }
        }
        return out;
    }

    private static void requireSameShape(int[][] prompts, int[][] mask) {
        for (int r = 0; r < prompts.length; r++) {
            if (prompts[r].length != prompts[0].length || mask[r].length != prompts[r].length) {
                throw new IllegalArgumentException("prompt_ids and attention_mask must be rectangles of one "
                        + "shape; row " + r + " has " + prompts[r].length + " ids and " + mask[r].length
                        + " mask entries, row 0 has " + prompts[0].length + " ids");
            }
        }
    }

    private static int[][] ones(int[][] like) {
        int[][] out = new int[like.length][];
        for (int r = 0; r < like.length; r++) {
            out[r] = new int[like[r].length];
            Arrays.fill(out[r], 1);
        }
        return out;
    }

    private static int[][] concat(int[][] prompts, int[][] generated, int steps) {
        int[][] out = new int[prompts.length][];
        for (int r = 0; r < prompts.length; r++) {
            out[r] = Arrays.copyOf(prompts[r], prompts[r].length + steps);
            System.arraycopy(generated[r], 0, out[r], prompts[r].length, steps);
        }
        return out;
    }

    private static long[][] toLong(int[][] rows) {
        long[][] out = new long[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = Arrays.stream(rows[r]).asLongStream().toArray();
        }
        return out;
    }

    private static long[] flatten(long[][] rows) {
        return Arrays.stream(rows).flatMapToLong(Arrays::stream).toArray();
    }

    private static long[] append(long[] row, long value) {
        long[] out = Arrays.copyOf(row, row.length + 1);
        out[row.length] = value;
        return out;
    }

    private static boolean allTrue(boolean[] flags) {
        for (boolean f : flags) {
            if (!f) {
                return false;
            }
        }
        return true;
    }
}
