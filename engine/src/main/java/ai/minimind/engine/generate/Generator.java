package ai.minimind.engine.generate;

import ai.minimind.engine.model.MiniMindForCausalLM;

import java.util.function.IntConsumer;

/** Autoregressive sampling with a KV cache, stopping at EOS (id 2). STUB: contract only. */
public final class Generator {
    private Generator() {
    }

    /**
     * Prefills {@code promptIds}, then samples one token per step with the cache: logits / temperature, top-k,
     * top-p, multinomial (temperature 0 = greedy). Stops after EOS (included in the result) or maxNewTokens.
     * Calls {@code onToken} for each new token (streaming). Returns only the new tokens.
     */
    public static int[] generate(MiniMindForCausalLM model, int[] promptIds, GenerationConfig config,
                                 IntConsumer onToken) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
