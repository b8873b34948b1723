package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Weights that the save dtype cannot hold are found before anything is written. */
class WeightCheckTest {
    private static LinkedHashMap<String, NDArray> dict(NDManager manager, float[]... tensors) {
        LinkedHashMap<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < tensors.length; i++) {
            out.put("w" + i, manager.create(tensors[i]));
        }
        return out;
    }

    @Test
    void finite_weights_within_float16_range_pass_including_its_largest_value() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThat(WeightCheck.problem(dict(manager, new float[] {0f, -1.5f}, new float[] {65504f, -65504f}),
                    DataType.FLOAT16)).isEmpty();
        }
    }

    @Test
    void nan_and_infinities_are_named_by_key() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThat(WeightCheck.problem(dict(manager, new float[] {1f}, new float[] {2f, Float.NaN}),
                    DataType.FLOAT32)).contains("w1 holds NaN");
            assertThat(WeightCheck.problem(dict(manager, new float[] {Float.NEGATIVE_INFINITY}), DataType.FLOAT32))
                    .hasValueSatisfying(p -> assertThat(p).startsWith("w0 holds |x| = Infinity"));
        }
    }

    @Test
    void values_beyond_float16_fail_for_float16_but_not_for_float32() {
        try (NDManager manager = NDManager.newBaseManager()) {
            LinkedHashMap<String, NDArray> big = dict(manager, new float[] {1f}, new float[] {3f, -70000f});
            assertThat(WeightCheck.problem(big, DataType.FLOAT16))
                    .contains("w1 holds |x| = 70000.0, beyond float16's largest finite value 65504.0");
            assertThat(WeightCheck.problem(big, DataType.FLOAT32)).isEmpty();
            assertThatThrownBy(() -> WeightCheck.problem(big, DataType.INT8))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_tied_array_is_checked_once_under_its_first_key() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray tied = manager.create(new float[] {Float.NaN});
            LinkedHashMap<String, NDArray> dict = new LinkedHashMap<>();
            dict.put("model.embed_tokens.weight", tied);
            dict.put("lm_head.weight", tied);
            assertThat(WeightCheck.problem(dict, DataType.FLOAT16)).contains("model.embed_tokens.weight holds NaN");
        }
    }
}
