package ai.minimind.engine.generate;

/** Sampling settings (spec 1.11): temperature, top-k (HF default 50), top-p, new-token budget, seed. */
public record GenerationConfig(float temperature, int topK, float topP, int maxNewTokens, long seed) {
}
