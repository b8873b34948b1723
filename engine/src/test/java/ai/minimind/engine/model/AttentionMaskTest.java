package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Left padding with an attention mask (RL prompts): RoPE scores depend only on relative positions, so with the
 * pads masked out the real tokens' logits equal those of the unpadded sequence.
 */
class AttentionMaskTest {

    @Test
    void masked_left_padding_reproduces_the_unpadded_logits() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.dense(), root, 13)) {
            NDArray plain = root.create(new long[] {1, 40, 41, 42}, new Shape(1, 4));
            NDArray padded = root.create(new long[] {0, 0, 1, 40, 41, 42}, new Shape(1, 6));
            NDArray mask = root.create(new long[] {0, 0, 1, 1, 1, 1}, new Shape(1, 6));
            float[] want = model.forward(plain, null).logits().toFloatArray();
            float[] masked = model.forward(padded, mask, null, 4).logits().toFloatArray();
            float[] unmasked = model.forward(padded, null, null, 4).logits().toFloatArray();
            for (int i = 0; i < want.length; i++) {
                assertThat(masked[i]).isCloseTo(want[i], within(1e-4f));
            }
            assertThat(maxAbsDiff(unmasked, want)).isGreaterThan(1e-3f);
        }
    }

    @Test
    void mask_of_the_wrong_length_is_rejected() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.dense(), root, 13)) {
            NDArray ids = root.create(new long[] {1, 40, 41}, new Shape(1, 3));
            NDArray mask = root.create(new long[] {1, 1}, new Shape(1, 2));
            assertThatThrownBy(() -> model.forward(ids, mask, null, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attention_mask");
        }
    }

    @Test
    void out_of_vocabulary_ids_are_rejected_with_the_range() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.dense(), root, 13)) {
            NDArray ids = root.create(new long[] {1, 97}, new Shape(1, 2));
            assertThatThrownBy(() -> model.forward(ids, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 97)");
        }
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
