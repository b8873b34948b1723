package ai.minimind.engine.generate;

import ai.djl.ndarray.NDManager;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.model.TinyConfigs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchGeneratorTest {
    private static final int[] SHORT = {1, 40, 41};
    private static final int[] LONG = {1, 17, 33, 5, 80};

    @Test
    void left_padded_greedy_batch_matches_single_prompt_generation() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(withEos(TinyConfigs.dense(), -1), root, 5)) {
            int[][] prompts = {{0, 0, 1, 40, 41}, LONG};
            int[][] mask = {{0, 0, 1, 1, 1}, {1, 1, 1, 1, 1}};
            int[][] out = BatchGenerator.generate(model, prompts, mask, GenerationConfig.greedy(6), 1);
            assertThat(out[0]).startsWith(prompts[0]).hasSize(11);
            assertThat(Arrays.copyOfRange(out[0], 5, 11)).containsExactly(single(model, SHORT, 6));
            assertThat(Arrays.copyOfRange(out[1], 5, 11)).containsExactly(single(model, LONG, 6));
        }
    }

    @Test
    void return_sequences_are_interleaved_and_finished_rows_are_padded() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM probe = new MiniMindForCausalLM(withEos(TinyConfigs.dense(), -1), root, 5)) {
            int[] freeShort = single(probe, SHORT, 4);
            int[] freeLong = single(probe, LONG, 4);
            // EOS := the short prompt's first greedy token; the long row runs until it emits that token or the budget
            int eos = freeShort[0];
            try (MiniMindForCausalLM model = new MiniMindForCausalLM(withEos(TinyConfigs.dense(), eos), root, 5)) {
                int[][] out = BatchGenerator.generate(model, new int[][] {{0, 0, 1, 40, 41}, LONG},
                        new int[][] {{0, 0, 1, 1, 1}, {1, 1, 1, 1, 1}}, GenerationConfig.greedy(4), 2);
                assertThat(out).hasNumberOfRows(4);
                assertThat(out[0]).isEqualTo(out[1]);
                assertThat(out[2]).isEqualTo(out[3]);
                int longStop = indexOf(freeLong, eos);
                int steps = longStop < 0 ? 4 : longStop + 1;
                assertThat(out[0]).hasSize(5 + steps);
                assertThat(Arrays.copyOfRange(out[0], 5, 5 + steps)).startsWith(eos).containsOnly(eos, 0)
                        .satisfies(tail -> assertThat(Arrays.copyOfRange(tail, 1, tail.length)).containsOnly(0));
            }
        }
    }

    @Test
    void ragged_prompts_are_rejected_with_the_row() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.dense(), root, 5)) {
            assertThatThrownBy(() -> BatchGenerator.generate(model, new int[][] {SHORT, LONG}, null,
                    GenerationConfig.greedy(2), 1)).hasMessageContaining("row 1");
        }
    }

    private static int[] single(MiniMindForCausalLM model, int[] prompt, int n) {
        return Generator.generate(model, prompt, GenerationConfig.greedy(n), t -> { });
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static MiniMindConfig withEos(MiniMindConfig c, int eos) {
        return new MiniMindConfig(c.dropout(), c.bosTokenId(), eos, c.hiddenSize(), c.intermediateSize(),
                c.maxPositionEmbeddings(), c.numAttentionHeads(), c.numHiddenLayers(), c.numKeyValueHeads(),
                c.vocabSize(), c.rmsNormEps(), c.ropeTheta(), c.useMoe(), c.numExpertsPerTok(), c.nRoutedExperts(),
                c.nSharedExperts(), c.auxLossAlpha(), c.seqAux(), c.normTopkProb());
    }
}
