package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.tensor.Consts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** MoE routing and the aux loss against MiniMind's per-token inference path written naively. */
class MoeReferenceTest {
    private static final int H = 8;
    private static final int I = 12;
    private static final int E = 4;
    private static final int B = 2;
    private static final int T = 6;
    private NDManager manager;
    private final Random random = new Random(99);
    private final Map<String, NDArray> params = new HashMap<>();
    private final Map<String, float[]> raw = new HashMap<>();

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void routed_output_is_the_renormalised_top2_mix_plus_shared_expert() {
        MiniMindConfig config = config(true);
        buildParams();
        float[] x = NaiveMath.random(random, B * T * H, 1f);
        MoeFeedForward moe = new MoeFeedForward(config, 0, params, new Consts(manager));
        float[] got = moe.forward(manager.create(x, new Shape(B, T, H)), false).output().toFloatArray();
        for (int token = 0; token < B * T; token++) {
            float[] want = naiveToken(NaiveMath.slice(x, token * H, H));
            ReferenceMathTest.assertClose(NaiveMath.slice(got, token * H, H), want);
        }
    }

    @Test
    void seq_aux_loss_matches_the_formula_and_is_absent_in_eval() {
        MiniMindConfig config = config(true);
        buildParams();
        float[] x = NaiveMath.random(random, B * T * H, 1f);
        MoeFeedForward moe = new MoeFeedForward(config, 0, params, new Consts(manager));
        NDArray input = manager.create(x, new Shape(B, T, H));
        assertThat(moe.forward(input, false).auxLoss()).isNull();
        float got = moe.forward(input, true).auxLoss().getFloat();
        double want = 0;
        for (int b = 0; b < B; b++) {
            double[] count = new double[E];
            double[] meanScore = new double[E];
            for (int t = 0; t < T; t++) {
                float[] scores = scores(NaiveMath.slice(x, (b * T + t) * H, H));
                for (int e : top2(scores)) {
                    count[e]++;
                }
                for (int e = 0; e < E; e++) {
                    meanScore[e] += scores[e] / T;
                }
            }
            for (int e = 0; e < E; e++) {
                want += count[e] / (T * 2.0 / E) * meanScore[e] / B;
            }
        }
        assertThat(got).isCloseTo((float) (0.1 * want), within(1e-6f));
    }

    @Test
    void token_level_aux_loss_matches_the_formula_when_seq_aux_is_off() {
        buildParams();
        float[] x = NaiveMath.random(random, B * T * H, 1f);
        MoeFeedForward moe = new MoeFeedForward(config(false), 0, params, new Consts(manager));
        float got = moe.forward(manager.create(x, new Shape(B, T, H)), true).auxLoss().getFloat();
        double[] count = new double[E];
        double[] meanScore = new double[E];
        for (int token = 0; token < B * T; token++) {
            float[] scores = scores(NaiveMath.slice(x, token * H, H));
            for (int e : top2(scores)) {
                count[e]++;
            }
            for (int e = 0; e < E; e++) {
                meanScore[e] += scores[e] / (B * T);
            }
        }
        double want = 0;
        for (int e = 0; e < E; e++) {
            want += E * count[e] / (B * T * 2.0) * meanScore[e];
        }
        assertThat(got).isCloseTo((float) (0.1 * want), within(1e-6f));
    }

    private float[] naiveToken(float[] x) {
        float[] scores = scores(x);
        int[] top = top2(scores);
        float sum = scores[top[0]] + scores[top[1]];
        float[] out = naiveExpert("model.layers.0.mlp.shared_experts.0.", x);
        for (int e : top) {
            float[] y = naiveExpert("model.layers.0.mlp.experts." + e + ".", x);
            for (int i = 0; i < H; i++) {
                out[i] += scores[e] / (sum + 1e-20f) * y[i];
            }
        }
        return out;
    }

    private float[] scores(float[] x) {
        return NaiveMath.softmax(NaiveMath.linear(raw.get("model.layers.0.mlp.gate.weight"), E, H, x));
    }

    private static int[] top2(float[] scores) {
        return IntStream.range(0, E).boxed()
                .sorted(Comparator.comparingDouble((Integer e) -> scores[e]).reversed())
                .limit(2).mapToInt(Integer::intValue).toArray();
    }

    private float[] naiveExpert(String prefix, float[] x) {
        return NaiveMath.swiglu(raw.get(prefix + "gate_proj.weight"), raw.get(prefix + "up_proj.weight"),
                raw.get(prefix + "down_proj.weight"), H, I, x);
    }

    private void buildParams() {
        String p = "model.layers.0.mlp.";
        for (int e = 0; e < E; e++) {
            putExpert(p + "experts." + e + ".");
        }
        put(p + "gate.weight", E, H, 2f);
        putExpert(p + "shared_experts.0.");
    }

    private void putExpert(String prefix) {
        put(prefix + "gate_proj.weight", I, H, 0.5f);
        put(prefix + "down_proj.weight", H, I, 0.5f);
        put(prefix + "up_proj.weight", I, H, 0.5f);
    }

    private void put(String key, int rows, int cols, float scale) {
        float[] w = NaiveMath.random(random, rows * cols, scale);
        raw.put(key, w);
        params.put(key, manager.create(w, new Shape(rows, cols)));
    }

    private static MiniMindConfig config(boolean seqAux) {
        return new MiniMindConfig(0f, 1, 2, H, I, 64, 4, 1, 2, 10, 1e-5f, 1e6, true, 2, E, 1, 0.1f, seqAux, true);
    }
}
