package ai.minimind.engine.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.model.KvCache;
import ai.minimind.engine.model.MiniMindForCausalLM;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** Autoregressive sampling with a KV cache, stopping at EOS (id 2). */
public final class Generator {
    private Generator() {
    }

    /**
     * Prefills {@code promptIds}, then samples one token per step with the cache: logits / temperature, top-k,
     * top-p, multinomial (temperature 0 = greedy). Stops after EOS (included in the result) or maxNewTokens.
     * Calls {@code onToken} for each new token (streaming). Returns only the new tokens.
     *
     * <p>Generation also stops when the sequence would exceed max_position_embeddings. The caller should run it
     * outside a GradientCollector; the model's training flag is left as it is.
     */
    public static int[] generate(MiniMindForCausalLM model, int[] promptIds, GenerationConfig config,
                                 IntConsumer onToken) {
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("prompt must hold at least one token");
        }
        int eos = model.config().eosTokenId();
        int budget = Math.min(config.maxNewTokens(), model.config().maxPositionEmbeddings() - promptIds.length);
        Sampler sampler = new Sampler(config);
        int[] out = new int[Math.max(budget, 0)];
        int produced = 0;
        try (NDManager manager = NDManager.newBaseManager();
             KvCache cache = new KvCache(manager)) {
            long[] next = Arrays.stream(promptIds).asLongStream().toArray();
            while (produced < budget) {
                int token = step(model, manager, cache, next, sampler);
                out[produced++] = token;
                onToken.accept(token);
                if (token == eos) {
                    break;
                }
                next = new long[] {token};
            }
        }
        return Arrays.copyOf(out, produced);
    }

    /** One forward over {@code ids} on top of the cache in a step manager; samples from the last position. */
    private static int step(MiniMindForCausalLM model, NDManager parent, KvCache cache, long[] ids,
                            Sampler sampler) {
        try (NDManager step = parent.newSubManager()) {
            NDArray input = step.create(ids, new Shape(1, ids.length));                // (1, T)
            NDArray logits = model.forward(input, cache, 1).logits();                  // (1, 1, V)
            return sampler.next(logits.toFloatArray());
        }
    }
}
