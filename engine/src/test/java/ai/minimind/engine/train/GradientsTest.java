package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GradientsTest {

    @Test
    void global_norm_clipping_matches_a_plain_java_reference() {
        float[] g0 = {3f, -4f};
        float[] g1 = {12f};
        double norm = Math.sqrt(9 + 16 + 144);  // 13
        double coefficient = 1.0 / (norm + 1e-6);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> params = new ArrayList<>(TinyParams.create(manager, new float[2], new float[1]).values());
            TinyParams.addGradients(params, g0, g1);
            assertThat(Gradients.clipGlobalNorm(params, 1.0)).isCloseTo(norm, within(1e-6));
            assertThat(TinyParams.gradient(params.get(0))[0]).isCloseTo((float) (3 * coefficient), within(1e-7f));
            assertThat(TinyParams.gradient(params.get(0))[1]).isCloseTo((float) (-4 * coefficient), within(1e-7f));
            assertThat(TinyParams.gradient(params.get(1))[0]).isCloseTo((float) (12 * coefficient), within(1e-7f));
            assertThat(Gradients.globalNorm(params)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void gradients_below_the_limit_are_left_alone() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> params = new ArrayList<>(TinyParams.create(manager, new float[2]).values());
            TinyParams.addGradients(params, new float[] {0.3f, 0.4f});
            assertThat(Gradients.clipGlobalNorm(params, 1.0)).isCloseTo(0.5, within(1e-7));
            assertThat(TinyParams.gradient(params.get(0))).containsExactly(0.3f, 0.4f);
        }
    }

    @Test
    void gradients_accumulate_across_backward_calls_until_zeroed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> params = new ArrayList<>(TinyParams.create(manager, new float[2]).values());
            TinyParams.addGradients(params, new float[] {1f, 2f});
            TinyParams.addGradients(params, new float[] {0.5f, -1f});
            assertThat(TinyParams.gradient(params.get(0))).containsExactly(1.5f, 1f);
            Gradients.zero(params);
            assertThat(TinyParams.gradient(params.get(0))).containsExactly(0f, 0f);
        }
    }

    @Test
    void a_nan_gradient_gives_a_nan_norm_and_zeroing_clears_it() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<NDArray> params = new ArrayList<>(TinyParams.create(manager, new float[2]).values());
            TinyParams.addGradients(params, new float[] {Float.NaN, 1f});
            assertThat(Gradients.clipGlobalNorm(params, 1.0)).isNaN();
            Gradients.zero(params);
            assertThat(TinyParams.gradient(params.get(0))).containsExactly(0f, 0f);
        }
    }
}
