package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AdamWTest {

    /** PyTorch's single-tensor AdamW written out in plain Java doubles. */
    private static final class Reference {
        final double[] p;
        final double[] m;
        final double[] v;
        int t;

        Reference(float[] init) {
            p = new double[init.length];
            for (int i = 0; i < init.length; i++) {
                p[i] = init[i];
            }
            m = new double[init.length];
            v = new double[init.length];
        }

        void step(float[] g, double lr) {
            t++;
            double bc1 = 1 - Math.pow(0.9, t);
            double bc2 = 1 - Math.pow(0.999, t);
            for (int i = 0; i < p.length; i++) {
                p[i] *= 1 - lr * 0.01;
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                p[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + 1e-8);
            }
        }
    }

    @Test
    void three_updates_match_a_plain_java_reference() {
        float[] init = {0.5f, -1.25f, 2f, 0.001f};
        float[][] grads = {{0.1f, -0.2f, 3f, 0f}, {-0.05f, 0.4f, 2f, 1e-4f}, {0.2f, 0.2f, -1f, -3f}};
        double[] lrs = {1e-2, 5e-3, 2e-2};
        Reference reference = new Reference(init);
        try (NDManager manager = NDManager.newBaseManager()) {
            LinkedHashMap<String, NDArray> params = TinyParams.create(manager, init);
            try (AdamW adamW = new AdamW(params, AdamWConfig.pytorchDefaults())) {
                for (int s = 0; s < 3; s++) {
                    TinyParams.addGradients(adamW.parameters(), grads[s]);
                    adamW.step(lrs[s]);
                    Gradients.zero(adamW.parameters());
                    reference.step(grads[s], lrs[s]);
                }
                float[] actual = params.get("p0").toFloatArray();
                for (int i = 0; i < init.length; i++) {
                    assertThat((double) actual[i]).as("p[%d]", i).isCloseTo(reference.p[i], within(1e-6));
                }
                float[] m = adamW.state().get(AdamW.EXP_AVG + "p0").toFloatArray();
                float[] v = adamW.state().get(AdamW.EXP_AVG_SQ + "p0").toFloatArray();
                for (int i = 0; i < init.length; i++) {
                    assertThat((double) m[i]).isCloseTo(reference.m[i], within(1e-6));
                    assertThat((double) v[i]).isCloseTo(reference.v[i], within(1e-6));
                }
                assertThat(adamW.stepCount()).isEqualTo(3);
            }
        }
    }

    @Test
    void weight_decay_alone_shrinks_parameters_with_zero_gradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LinkedHashMap<String, NDArray> params = TinyParams.create(manager, new float[] {2f, -4f});
            try (AdamW adamW = new AdamW(params, AdamWConfig.pytorchDefaults())) {
                TinyParams.addGradients(adamW.parameters(), new float[] {0f, 0f});
                adamW.step(0.5);
                assertThat(params.get("p0").toFloatArray()).containsExactly(2f * 0.995f, -4f * 0.995f);
            }
        }
    }

    @Test
    void restored_state_continues_exactly_like_the_original() {
        float[] init = {1f, 2f, 3f};
        try (NDManager manager = NDManager.newBaseManager()) {
            LinkedHashMap<String, NDArray> a = TinyParams.create(manager, init);
            LinkedHashMap<String, NDArray> b = TinyParams.create(manager, init);
            try (AdamW first = new AdamW(a, AdamWConfig.pytorchDefaults());
                 AdamW second = new AdamW(b, AdamWConfig.pytorchDefaults())) {
                TinyParams.addGradients(first.parameters(), new float[] {0.3f, -0.1f, 0.7f});
                first.step(1e-2);
                Gradients.zero(first.parameters());
                b.get("p0").set(a.get("p0").toFloatArray());
                second.load(first.state(), first.stepCount());
                for (AdamW opt : List.of(first, second)) {
                    TinyParams.addGradients(opt.parameters(), new float[] {-0.2f, 0.5f, 0.1f});
                    opt.step(2e-2);
                }
                assertThat(b.get("p0").toFloatArray()).containsExactly(a.get("p0").toFloatArray());
            }
        }
    }

    @Test
    void loading_state_for_other_parameters_names_the_mismatch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            try (AdamW small = new AdamW(TinyParams.create(manager, new float[] {1f}), AdamWConfig.pytorchDefaults());
                 AdamW large = new AdamW(TinyParams.create(manager, new float[] {1f, 2f}),
                         AdamWConfig.pytorchDefaults())) {
                assertThatThrownBy(() -> large.load(small.state(), 1))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("optimizer.exp_avg.p0 has shape (1), expected (2)");
            }
        }
    }
}
