package ai.minimind.engine.generate;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SamplerTest {
    private static final float[] LOGITS = {
        (float) Math.log(0.5), (float) Math.log(0.3), (float) Math.log(0.2), (float) Math.log(1e-9)};

    @Test
    void temperature_zero_is_greedy() {
        Sampler sampler = new Sampler(new GenerationConfig(0f, 50, 1f, 1, 1));
        assertThat(sampler.next(new float[] {0.1f, 3f, -1f, 2.9f})).isEqualTo(1);
    }

    @Test
    void samples_follow_the_softmax_probabilities() {
        Sampler sampler = new Sampler(new GenerationConfig(1f, 0, 1f, 1, 3));
        int[] counts = draw(sampler, 20000);
        assertThat(counts[0] / 20000.0).isCloseTo(0.5, within(0.02));
        assertThat(counts[1] / 20000.0).isCloseTo(0.3, within(0.02));
        assertThat(counts[2] / 20000.0).isCloseTo(0.2, within(0.02));
    }

    @Test
    void top_k_keeps_only_the_k_largest() {
        int[] counts = draw(new Sampler(new GenerationConfig(1f, 2, 1f, 1, 4)), 5000);
        assertThat(counts[2]).isZero();
        assertThat(counts[3]).isZero();
        assertThat(counts[0] / 5000.0).isCloseTo(0.5 / 0.8, within(0.03));
    }

    @Test
    void top_p_drops_the_tail_whose_mass_is_at_most_one_minus_p() {
        // ascending cumulative mass: 1e-9, 0.2, 0.5, 1.0; with p = 0.75 tokens at or below 0.25 go: {3, 2}
        int[] counts = draw(new Sampler(new GenerationConfig(1f, 0, 0.75f, 1, 5)), 5000);
        assertThat(counts[2]).isZero();
        assertThat(counts[3]).isZero();
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isPositive();
    }

    @Test
    void tiny_top_p_keeps_the_most_likely_token() {
        Set<Integer> seen = new HashSet<>();
        Sampler sampler = new Sampler(new GenerationConfig(1f, 0, 0.01f, 1, 6));
        for (int i = 0; i < 200; i++) {
            seen.add(sampler.next(LOGITS));
        }
        assertThat(seen).containsExactly(0);
    }

    @Test
    void invalid_settings_are_rejected_with_the_field_name() {
        assertThatThrownBy(() -> new GenerationConfig(1f, -1, 1f, 1, 0)).hasMessageContaining("top_k");
        assertThatThrownBy(() -> new GenerationConfig(1f, 50, 0f, 1, 0)).hasMessageContaining("top_p");
        assertThatThrownBy(() -> new GenerationConfig(1f, 50, 1f, -1, 0)).hasMessageContaining("max_new_tokens");
    }

    private static int[] draw(Sampler sampler, int n) {
        int[] counts = new int[LOGITS.length];
        for (int i = 0; i < n; i++) {
            counts[sampler.next(LOGITS)]++;
        }
        return counts;
    }
}
