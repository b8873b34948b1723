package ai.minimind.engine.train;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The small JSON half of a resume checkpoint: 0-based {@code epoch}, the 1-based {@code step} just completed, the
 * world size that trained it, the optimizer's update count, and the model shape it belongs to (checked on load).
 * The same epoch/step/optimizer_step are stored in the tensor half, so a torn pair is detected.
 */
public record ResumeState(
        @JsonProperty("epoch") int epoch,
        @JsonProperty("step") int step,
        @JsonProperty("world_size") int worldSize,
        @JsonProperty("optimizer_step") long optimizerStep,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("num_hidden_layers") int numHiddenLayers,
        @JsonProperty("use_moe") boolean useMoe,
        @JsonProperty("wandb_id") String wandbId) {
}
