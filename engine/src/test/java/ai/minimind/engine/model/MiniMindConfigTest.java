package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Spec 1.1: every field of MiniMind's config with its default, what is refused, and the derived rope scaling. */
class MiniMindConfigTest {
    @Test
    void defaults_are_minimind_s() {
        MiniMindConfig c = MiniMindConfig.defaults();
        assertThat(c.dropout()).isEqualTo(0f);
        assertThat(c.bosTokenId()).isEqualTo(1);
        assertThat(c.eosTokenId()).isEqualTo(2);
        assertThat(c.hiddenAct()).isEqualTo("silu");
        assertThat(c.hiddenSize()).isEqualTo(512);
        assertThat(c.intermediateSize()).isEqualTo(1408);   // None, derived: 64 * ceil(int(512*8/3) / 64)
        assertThat(c.maxPositionEmbeddings()).isEqualTo(32768);
        assertThat(c.numAttentionHeads()).isEqualTo(8);
        assertThat(c.numHiddenLayers()).isEqualTo(8);
        assertThat(c.numKeyValueHeads()).isEqualTo(2);
        assertThat(c.vocabSize()).isEqualTo(6400);
        assertThat(c.rmsNormEps()).isEqualTo(1e-5f);
        assertThat(c.ropeTheta()).isEqualTo(1_000_000.0);
        assertThat(c.inferenceRopeScaling()).isFalse();
        assertThat(c.ropeScaling()).isNull();
        assertThat(c.flashAttn()).isTrue();
        assertThat(c.useMoe()).isFalse();
        assertThat(c.numExpertsPerTok()).isEqualTo(2);
        assertThat(c.nRoutedExperts()).isEqualTo(4);
        assertThat(c.nSharedExperts()).isEqualTo(1);
        assertThat(c.scoringFunc()).isEqualTo("softmax");
        assertThat(c.auxLossAlpha()).isEqualTo(0.1f);
        assertThat(c.seqAux()).isTrue();
        assertThat(c.normTopkProb()).isTrue();
        assertThat(c.headDim()).isEqualTo(64);
        assertThat(c.nRep()).isEqualTo(4);
    }

    @Test
    void the_earlier_constructor_takes_the_new_fields_defaults() {
        MiniMindConfig old = new MiniMindConfig(0f, 1, 2, 512, 0, 32768, 8, 8, 2, 6400, 1e-5f, 1e6,
                false, 2, 4, 1, 0.1f, true, true);
        assertThat(old).isEqualTo(MiniMindConfig.defaults());
        assertThat(MiniMindConfig.defaults().withVocabSize(97).withHeads(4, 2).hiddenAct()).isEqualTo("silu");
    }

    @Test
    void inference_rope_scaling_derives_minimind_s_yarn_settings() {
        MiniMindConfig scaled = MiniMindConfig.defaults().withInferenceRopeScaling(true);
        assertThat(scaled.ropeScaling()).isEqualTo(new RopeScaling(4f, 1f, 4f, 2048, "yarn"));
        assertThat(scaled.withInferenceRopeScaling(false).ropeScaling()).isNull();
        assertThat(scaled.withVocabSize(97).ropeScaling()).isEqualTo(RopeScaling.MINIMIND);
    }

    @Test
    void unsupported_values_are_refused_with_the_field_name() {
        assertThatThrownBy(() -> withActAndScoring("gelu", "softmax", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hidden_act \"gelu\" is not supported");
        assertThatThrownBy(() -> withActAndScoring("silu", "sigmoid", true))
                .hasMessageContaining("scoring_func \"sigmoid\" is not supported");
        assertThat(withActAndScoring("silu", "sigmoid", false).scoringFunc()).isEqualTo("sigmoid");  // unused
        assertThatThrownBy(() -> new RopeScaling(4f, 1f, 4f, 2048, "linear"))
                .hasMessageContaining("rope_scaling.type must be \"yarn\"");
        assertThatThrownBy(() -> new MiniMindConfig(0f, 1, 2, "silu", 64, 0, 256, 4, 2, 2, 97, 1e-5f, 1e6, false,
                RopeScaling.MINIMIND, true, false, 2, 4, 1, "softmax", 0.1f, true, true))
                .hasMessageContaining("rope_scaling is derived from inference_rope_scaling");
    }

    @Test
    void scaled_frequencies_follow_spec_1_6() {
        int hd = 64;
        MiniMindConfig scaled = MiniMindConfig.defaults().withInferenceRopeScaling(true);
        float[] got = Rope.frequencies(scaled);
        float[] base = Rope.frequencies(hd, 1e6);
        // reference in double: c = first j whose wavelength exceeds 2048
        int c = hd / 2;
        for (int j = 0; j < hd / 2; j++) {
            if (2 * Math.PI / Math.pow(1e6, -2.0 * j / hd) > 2048) {
                c = j;
                break;
            }
        }
        assertThat(c).isBetween(1, hd / 2 - 1);   // both branches are exercised
        for (int j = 0; j < hd / 2; j++) {
            double beta = 1 + (4 - 1) * (double) j / (hd / 2 - 1);
            double scale = j < c ? (beta * 4 - beta + 1) / (beta * 4) : 0.25;
            assertThat((double) got[j]).as("j=%d", j).isCloseTo(base[j] * scale, within(1e-6 * base[j]));
        }
        assertThat(got[0]).isEqualTo(base[0]);   // beta 1: (4 - 1 + 1) / 4 = 1
        // no extrapolation needed when the table is no longer than the original context
        MiniMindConfig shortTable = new MiniMindConfig(0f, 1, 2, "silu", 512, 0, 2048, 8, 8, 2, 6400, 1e-5f, 1e6,
                true, null, true, false, 2, 4, 1, "softmax", 0.1f, true, true);
        assertThat(Rope.frequencies(shortTable)).containsExactly(base);
    }

    @Test
    void rope_scaling_changes_every_position_but_the_first() {
        // hd 16: wavelengths 6.3, 2e2, 6e3, ... so both branches of the rescaling apply
        MiniMindConfig plain = new MiniMindConfig(0f, 1, 2, 64, 0, 32768, 4, 2, 2, 97, 1e-5f, 1e6,
                false, 2, 4, 1, 0.1f, true, true);
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM a = new MiniMindForCausalLM(plain, manager, 3);
             MiniMindForCausalLM b = new MiniMindForCausalLM(plain.withInferenceRopeScaling(true), manager, 3)) {
            NDArray ids = manager.create(new long[] {1, 7, 9, 30, 2}, new Shape(1, 5));
            NDArray la = a.forward(ids, null).logits();
            NDArray lb = b.forward(ids, null).logits();
            assertThat(lb.get(0, 0).toFloatArray()).containsExactly(la.get(0, 0).toFloatArray());  // angle 0
            assertThat(lb.get(0, 4).toFloatArray()).isNotEqualTo(la.get(0, 4).toFloatArray());
        }
    }

    private static MiniMindConfig withActAndScoring(String act, String scoring, boolean moe) {
        return new MiniMindConfig(0f, 1, 2, act, 64, 0, 256, 4, 2, 2, 97, 1e-5f, 1e6, false, null, true, moe, 2, 4,
                1, scoring, 0.1f, true, true);
    }
}
