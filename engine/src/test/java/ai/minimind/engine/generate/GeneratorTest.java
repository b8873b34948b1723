package ai.minimind.engine.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.model.KvCache;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.model.TinyConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeneratorTest {
    private static final int[] PROMPT = {1, 17, 33, 5, 80, 41};
    private NDManager root;

    @BeforeEach
    void open() {
        root = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        root.close();
    }

    @Test
    void cached_greedy_generation_equals_uncached_recomputation() {
        for (MiniMindConfig config : new MiniMindConfig[] {TinyConfigs.dense(), TinyConfigs.moe()}) {
            try (MiniMindForCausalLM model = new MiniMindForCausalLM(noEos(config), root, 5)) {
                model.setTraining(false);
                int[] cached = Generator.generate(model, PROMPT, GenerationConfig.greedy(8), t -> { });
                assertThat(cached).containsExactly(uncachedGreedy(model, PROMPT, 8));
            }
        }
    }

    @Test
    void chunked_prefill_on_a_cache_gives_the_full_forward_logits() {
        try (MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.dense(), root, 6);
             KvCache cache = new KvCache(root)) {
            float[] full = lastLogits(model, PROMPT, null);
            lastLogits(model, Arrays.copyOfRange(PROMPT, 0, 4), cache);
            float[] chunked = lastLogits(model, Arrays.copyOfRange(PROMPT, 4, PROMPT.length), cache);
            assertThat(cache.length()).isEqualTo(PROMPT.length);
            assertThat(cache.keys(0).getShape()).isEqualTo(new Shape(1, PROMPT.length, 2, 16));
            for (int i = 0; i < full.length; i++) {
                assertThat(chunked[i]).isCloseTo(full[i], within(1e-4f));
            }
        }
    }

    @Test
    void stops_after_eos_and_includes_it() {
        try (MiniMindForCausalLM probe = new MiniMindForCausalLM(noEos(TinyConfigs.dense()), root, 7)) {
            int[] free = Generator.generate(probe, PROMPT, GenerationConfig.greedy(5), t -> { });
            MiniMindConfig eosIsSecond = withEos(TinyConfigs.dense(), free[1]);
            try (MiniMindForCausalLM model = new MiniMindForCausalLM(eosIsSecond, root, 7)) {
                int[] stopped = Generator.generate(model, PROMPT, GenerationConfig.greedy(5), t -> { });
                int firstEos = free[0] == free[1] ? 1 : 2;
                assertThat(stopped).containsExactly(Arrays.copyOf(free, firstEos));
            }
        }
    }

    @Test
    void sampling_is_reproducible_for_a_seed_streams_every_token_and_respects_the_budget() {
        try (MiniMindForCausalLM model = new MiniMindForCausalLM(noEos(TinyConfigs.dense()), root, 8)) {
            GenerationConfig config = new GenerationConfig(1.5f, 50, 0.95f, 12, 42);
            List<Integer> streamed = new ArrayList<>();
            int[] first = Generator.generate(model, PROMPT, config, streamed::add);
            int[] second = Generator.generate(model, PROMPT, config, t -> { });
            int[] otherSeed = Generator.generate(model, PROMPT, new GenerationConfig(1.5f, 50, 0.95f, 12, 43),
                    t -> { });
            assertThat(first).hasSize(12).containsExactly(second);
            assertThat(otherSeed).isNotEqualTo(first);
            assertThat(streamed).containsExactly(Arrays.stream(first).boxed().toArray(Integer[]::new));
        }
    }

    @Test
    void generation_stops_at_max_position_embeddings() {
        MiniMindConfig base = noEos(TinyConfigs.dense());
        MiniMindConfig shortContext = new MiniMindConfig(0f, 1, base.eosTokenId(), 64, 0, 10, 4, 2, 2, 97, 1e-5f,
                1e6, false, 2, 4, 1, 0.1f, true, true);
        try (MiniMindForCausalLM model = new MiniMindForCausalLM(shortContext, root, 9)) {
            assertThat(Generator.generate(model, PROMPT, GenerationConfig.greedy(50), t -> { })).hasSize(4);
        }
    }

    private int[] uncachedGreedy(MiniMindForCausalLM model, int[] prompt, int maxNew) {
        int[] seq = prompt.clone();
        int[] out = new int[maxNew];
        for (int i = 0; i < maxNew; i++) {
            out[i] = Sampler.argmax(lastLogits(model, seq, null));
            seq = Arrays.copyOf(seq, seq.length + 1);
            seq[seq.length - 1] = out[i];
        }
        return out;
    }

    private float[] lastLogits(MiniMindForCausalLM model, int[] ids, KvCache cache) {
        try (NDManager step = root.newSubManager()) {
            NDArray input = step.create(Arrays.stream(ids).asLongStream().toArray(), new Shape(1, ids.length));
            NDArray logits = model.forward(input, cache).logits();                  // (1, T, V)
            return logits.get(0, ids.length - 1).toFloatArray();
        }
    }

    /** EOS moved out of the vocabulary, so generation runs for the whole budget. */
    private static MiniMindConfig noEos(MiniMindConfig c) {
        return withEos(c, -1);
    }

    private static MiniMindConfig withEos(MiniMindConfig c, int eos) {
        return new MiniMindConfig(c.dropout(), c.bosTokenId(), eos, c.hiddenSize(), c.intermediateSize(),
                c.maxPositionEmbeddings(), c.numAttentionHeads(), c.numHiddenLayers(), c.numKeyValueHeads(),
                c.vocabSize(), c.rmsNormEps(), c.ropeTheta(), c.useMoe(), c.numExpertsPerTok(), c.nRoutedExperts(),
                c.nSharedExperts(), c.auxLossAlpha(), c.seqAux(), c.normTopkProb());
    }
}
