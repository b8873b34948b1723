package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The whole dense model against a naive float[] forward written from spec 1.4 (embedding to tied lm_head). */
class NaiveModelTest {
    private static final MiniMindConfig CONFIG = new MiniMindConfig(0f, 1, 2, 16, 24, 64, 4, 2, 2, 20, 1e-5f, 1e6,
            false, 2, 4, 1, 0.1f, true, true);

    @Test
    void model_logits_match_a_naive_forward() {
        long[] ids = {1, 5, 19, 0, 7, 7};
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(CONFIG, root, 17)) {
            float[] got = model.forward(root.create(ids, new Shape(1, ids.length)), null).logits().toFloatArray();
            ReferenceMathTest.assertClose(got, naiveLogits(model.stateDict(), ids));
        }
    }

    private static float[] naiveLogits(Map<String, NDArray> w, long[] ids) {
        int h = CONFIG.hiddenSize();
        int t = ids.length;
        float[] embed = w.get("model.embed_tokens.weight").toFloatArray();
        float[][] hidden = new float[t][];
        for (int pos = 0; pos < t; pos++) {
            hidden[pos] = NaiveMath.slice(embed, (int) ids[pos] * h, h);
        }
        for (int layer = 0; layer < CONFIG.numHiddenLayers(); layer++) {
            String p = "model.layers." + layer + ".";
            float[] normedAll = new float[t * h];
            for (int pos = 0; pos < t; pos++) {
                float[] n = NaiveMath.rmsNorm(hidden[pos], get(w, p + "input_layernorm.weight"), 1e-5f);
                System.arraycopy(n, 0, normedAll, pos * h, h);
            }
            float[] attn = NaiveAttention.forward(normedAll, 1, t, h, 4, 2, get(w, p + "self_attn.q_proj.weight"),
                    get(w, p + "self_attn.k_proj.weight"), get(w, p + "self_attn.v_proj.weight"),
                    get(w, p + "self_attn.o_proj.weight"));
            for (int pos = 0; pos < t; pos++) {
                add(hidden[pos], NaiveMath.slice(attn, pos * h, h));
                float[] n = NaiveMath.rmsNorm(hidden[pos], get(w, p + "post_attention_layernorm.weight"), 1e-5f);
                add(hidden[pos], NaiveMath.swiglu(get(w, p + "mlp.gate_proj.weight"), get(w, p + "mlp.up_proj.weight"),
                        get(w, p + "mlp.down_proj.weight"), h, CONFIG.intermediateSize(), n));
            }
        }
        int vocab = CONFIG.vocabSize();
        float[] logits = new float[t * vocab];
        for (int pos = 0; pos < t; pos++) {
            float[] n = NaiveMath.rmsNorm(hidden[pos], get(w, "model.norm.weight"), 1e-5f);
            System.arraycopy(NaiveMath.linear(get(w, "lm_head.weight"), vocab, h, n), 0, logits, pos * vocab, vocab);
        }
        return logits;
    }

    private static float[] get(Map<String, NDArray> w, String key) {
        return w.get(key).toFloatArray();
    }

    private static void add(float[] into, float[] x) {
        for (int i = 0; i < into.length; i++) {
            into[i] += x[i];
        }
    }
}
