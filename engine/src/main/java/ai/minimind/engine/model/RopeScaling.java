package ai.minimind.engine.model;

/**
 * MiniMind's {@code rope_scaling} (spec 1.1 and 1.6): its own simplified YaRN variant, used only when
 * {@code inference_rope_scaling} is on (inference scripts; never during training). {@link #MINIMIND} is the value
 * MiniMind derives: {@code {beta_fast: 4, beta_slow: 1, factor: 4, original_max_position_embeddings: 2048,
 * type: "yarn"}}.
 */
public record RopeScaling(float betaFast, float betaSlow, float factor, int originalMaxPositionEmbeddings,
                          String type) {
    public static final RopeScaling MINIMIND = new RopeScaling(4f, 1f, 4f, 2048, "yarn");

    public RopeScaling {
        if (!"yarn".equals(type)) {
            throw new IllegalArgumentException("rope_scaling.type must be \"yarn\" (the only one MiniMind has), got "
                    + (type == null ? "null" : "\"" + type + "\""));
        }
        if (!(factor >= 1f) || originalMaxPositionEmbeddings <= 0) {
            throw new IllegalArgumentException("rope_scaling needs factor >= 1 and original_max_position_embeddings"
                    + " > 0: factor=" + factor + ", original_max_position_embeddings="
                    + originalMaxPositionEmbeddings);
        }
    }
}
