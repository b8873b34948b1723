package ai.minimind.engine.generate;

/**
 * Sampling settings (spec 1.11): temperature, top-k (HF default 50), top-p, new-token budget, seed. A
 * temperature of 0 or below means greedy decoding; top-k 0 disables top-k; top-p 1 disables top-p.
 */
public record GenerationConfig(float temperature, int topK, float topP, int maxNewTokens, long seed) {

    public GenerationConfig {
        if (topK < 0) {
            throw new IllegalArgumentException("top_k must be >= 0 (0 = off): " + topK);
        }
        if (!(topP > 0f && topP <= 1f)) {
            throw new IllegalArgumentException("top_p must be in (0, 1]: " + topP);
        }
        if (maxNewTokens < 0) {
            throw new IllegalArgumentException("max_new_tokens must be >= 0: " + maxNewTokens);
        }
        if (Float.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature is NaN");
        }
    }

    /** HuggingFace's defaults as MiniMind's scripts see them: top-k 50, top-p 1. */
    public static GenerationConfig sampling(float temperature, float topP, int maxNewTokens, long seed) {
        return new GenerationConfig(temperature, 50, topP, maxNewTokens, seed);
    }

    /** Greedy decoding (argmax each step). */
    public static GenerationConfig greedy(int maxNewTokens) {
        return new GenerationConfig(0f, 50, 1f, maxNewTokens, 0L);
    }

    public boolean isGreedy() {
        return temperature <= 0f;
    }
}
