package ai.minimind.engine.model;

import ai.djl.ndarray.types.Shape;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MiniMind's state-dict keys and shapes in insertion order (spec section 1.3), computed from the config alone, so
 * parameter counts need no allocation. {@code lm_head.weight} is listed last and is the embedding (tied).
 */
public final class ParameterLayout {
    public static final String EMBED = "model.embed_tokens.weight";
    public static final String LM_HEAD = "lm_head.weight";
    public static final String FINAL_NORM = "model.norm.weight";

    private ParameterLayout() {
    }

    /** Every state-dict key with its shape, both tied keys included. */
    public static Map<String, Shape> shapes(MiniMindConfig c) {
        long h = c.hiddenSize();
        LinkedHashMap<String, Shape> out = new LinkedHashMap<>();
        out.put(EMBED, new Shape(c.vocabSize(), h));
        for (int i = 0; i < c.numHiddenLayers(); i++) {
            String p = layerPrefix(i);
            out.put(p + "self_attn.q_proj.weight", new Shape((long) c.numAttentionHeads() * c.headDim(), h));
            out.put(p + "self_attn.k_proj.weight", new Shape(c.kvDim(), h));
            out.put(p + "self_attn.v_proj.weight", new Shape(c.kvDim(), h));
            out.put(p + "self_attn.o_proj.weight", new Shape(h, (long) c.numAttentionHeads() * c.headDim()));
            out.put(p + "input_layernorm.weight", new Shape(h));
            out.put(p + "post_attention_layernorm.weight", new Shape(h));
            if (c.useMoe()) {
                for (int e = 0; e < c.nRoutedExperts(); e++) {
                    putFeedForward(out, p + "mlp.experts." + e + ".", c);
                }
                out.put(p + "mlp.gate.weight", new Shape(c.nRoutedExperts(), h));
                for (int s = 0; s < c.nSharedExperts(); s++) {
                    putFeedForward(out, p + "mlp.shared_experts." + s + ".", c);
                }
            } else {
                putFeedForward(out, p + "mlp.", c);
            }
        }
        out.put(FINAL_NORM, new Shape(h));
        out.put(LM_HEAD, new Shape(c.vocabSize(), h));
        return Collections.unmodifiableMap(out);
    }

    /** Unique parameter count (the tied embedding once), as MiniMind reports it. */
    public static long parameterCount(MiniMindConfig c) {
        return shapes(c).entrySet().stream()
                .filter(e -> !e.getKey().equals(LM_HEAD))
                .mapToLong(e -> e.getValue().size())
                .sum();
    }

    public static String layerPrefix(int layer) {
        return "model.layers." + layer + ".";
    }

    private static void putFeedForward(Map<String, Shape> out, String prefix, MiniMindConfig c) {
        long h = c.hiddenSize();
        long inter = c.intermediateSize();
        out.put(prefix + "gate_proj.weight", new Shape(inter, h));
        out.put(prefix + "down_proj.weight", new Shape(h, inter));
        out.put(prefix + "up_proj.weight", new Shape(inter, h));
    }
}
