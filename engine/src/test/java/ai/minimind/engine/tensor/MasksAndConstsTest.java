package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasksAndConstsTest {
    private static final float NEG = Float.NEGATIVE_INFINITY;

    @Test
    void causal_mask_blocks_only_future_keys() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThat(Masks.causal(manager, 3).toFloatArray()).containsExactly(
                    0, NEG, NEG,
                    0, 0, NEG,
                    0, 0, 0);
        }
    }

    @Test
    void causal_mask_after_a_cache_offsets_the_queries() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] mask = Masks.causal(manager, 2, 2).toFloatArray();  // queries at positions 2 and 3
            assertThat(mask).containsExactly(
                    0, 0, 0, NEG,
                    0, 0, 0, 0);
        }
    }

    @Test
    void causal_mask_rejects_empty_length() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> Masks.causal(manager, 0)).hasMessageContaining("t=0");
        }
    }

    @Test
    void consts_returns_one_long_lived_array_per_value() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Consts consts = new Consts(manager);
            assertThat(consts.of(0.5f)).isSameAs(consts.of(0.5f));
            assertThat(consts.of(0.5f).getFloat()).isEqualTo(0.5f);
            assertThat(consts.of(2f)).isNotSameAs(consts.of(0.5f));
            assertThat(consts.of(2f).getShape().dimension()).isZero();
        }
    }
}
