package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.tensor.Consts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each building block against a naive float[] implementation of the spec's formula (Jlama-style). */
class ReferenceMathTest {
    private static final float TOL = 2e-5f;
    private NDManager manager;
    private Consts consts;
    private final Random random = new Random(1234);

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        consts = new Consts(manager);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void rms_norm_matches_naive() {
        float[] x = NaiveMath.random(random, 3 * 16, 2f);
        float[] w = NaiveMath.random(random, 16, 1f);
        NDArray y = RmsNorm.apply(manager.create(x, new Shape(3, 16)), manager.create(w), consts.of(1e-5f));
        float[] got = y.toFloatArray();
        for (int row = 0; row < 3; row++) {
            float[] want = NaiveMath.rmsNorm(NaiveMath.slice(x, row * 16, 16), w, 1e-5f);
            assertClose(NaiveMath.slice(got, row * 16, 16), want);
        }
    }

    @Test
    void rope_rotates_half_split_pairs_at_absolute_positions() {
        int t = 5;
        int n = 3;
        int hd = 8;
        int start = 7;
        float[] x = NaiveMath.random(random, t * n * hd, 1f);
        Rope.Slice slice = Rope.slice(manager, hd, 1e6, start, t);
        float[] got = Rope.apply(manager.create(x, new Shape(1, t, n, hd)), slice).toFloatArray();
        for (int pos = 0; pos < t; pos++) {
            for (int head = 0; head < n; head++) {
                int off = (pos * n + head) * hd;
                float[] want = NaiveMath.rope(NaiveMath.slice(x, off, hd), start + pos, 1e6);
                assertClose(NaiveMath.slice(got, off, hd), want);
            }
        }
    }

    @Test
    void swiglu_matches_naive() {
        int h = 8;
        int inter = 12;
        Map<String, NDArray> params = new HashMap<>();
        float[] gate = put(params, "p.gate_proj.weight", inter, h);
        float[] down = put(params, "p.down_proj.weight", h, inter);
        float[] up = put(params, "p.up_proj.weight", inter, h);
        float[] x = NaiveMath.random(random, 2 * h, 1f);
        float[] got = new FeedForward("p.", params).forward(manager.create(x, new Shape(1, 2, h))).toFloatArray();
        for (int row = 0; row < 2; row++) {
            float[] want = NaiveMath.swiglu(gate, up, down, h, inter, NaiveMath.slice(x, row * h, h));
            assertClose(NaiveMath.slice(got, row * h, h), want);
        }
    }

    @Test
    void gqa_causal_attention_matches_naive() {
        MiniMindConfig config = new MiniMindConfig(0f, 1, 2, 16, 0, 64, 4, 1, 2, 10, 1e-5f, 1e6,
                false, 2, 4, 1, 0.1f, true, true);
        int b = 2;
        int t = 5;
        Map<String, NDArray> params = new HashMap<>();
        String p = "model.layers.0.self_attn.";
        float[] wq = put(params, p + "q_proj.weight", 16, 16);
        float[] wk = put(params, p + "k_proj.weight", 8, 16);
        float[] wv = put(params, p + "v_proj.weight", 8, 16);
        float[] wo = put(params, p + "o_proj.weight", 16, 16);
        float[] x = NaiveMath.random(random, b * t * 16, 1f);
        Attention attention = new Attention(config, 0, params, consts);
        NDArray out = attention.forward(manager.create(x, new Shape(b, t, 16)), Rope.slice(manager, 4, 1e6, 0, t),
                ai.minimind.engine.tensor.Masks.causal(manager, t), null);
        float[] want = NaiveAttention.forward(x, b, t, 16, 4, 2, wq, wk, wv, wo);
        assertClose(out.toFloatArray(), want);
    }

    private float[] put(Map<String, NDArray> params, String key, int rows, int cols) {
        float[] w = NaiveMath.random(random, rows * cols, 0.5f);
        params.put(key, manager.create(w, new Shape(rows, cols)));
        return w;
    }

    static void assertClose(float[] got, float[] want) {
        assertThat(got).hasSameSizeAs(want);
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as("element %d", i).isCloseTo(want[i], within(TOL + 1e-5f * Math.abs(want[i])));
        }
    }
}
