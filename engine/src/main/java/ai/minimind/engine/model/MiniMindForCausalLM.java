package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * MiniMind's causal language model (spec section 1) over raw NDArrays. STUB: contract only; the model helper
 * implements it. Parameters live in {@code manager}; every trainable array has requiresGradient set.
 */
public final class MiniMindForCausalLM implements AutoCloseable {

    /** Builds the model with MiniMind's initialisation (section 1.12), deterministic for a given seed. */
    public MiniMindForCausalLM(MiniMindConfig config, NDManager manager, long seed) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public MiniMindConfig config() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * The state dict in MiniMind's key order (section 1.3). {@code model.embed_tokens.weight} and
     * {@code lm_head.weight} map to the same array.
     */
    public LinkedHashMap<String, NDArray> stateDict() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The unique trainable arrays (the tied embedding once), in state-dict order. */
    public List<NDArray> parameters() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Copies {@code tensors} into the parameters. Strict: any missing key, unexpected key or shape mismatch
     * throws IllegalArgumentException naming every offending key.
     */
    public void load(LinkedHashMap<String, NDArray> tensors) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Training/eval flag (dropout, MoE aux loss are train-only). */
    public void setTraining(boolean training) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Forward pass. {@code inputIds} (B, T) int64; {@code cache} null for training, else updated in place
     * with the new keys/values. Returns logits (B, T, V) float32 and the MoE aux loss (scalar; 0 for dense).
     */
    public Output forward(NDArray inputIds, KvCache cache) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
    }

    /** Logits (B, T, V) and the summed MoE auxiliary loss (scalar). */
    public record Output(NDArray logits, NDArray auxLoss) {
    }
}
