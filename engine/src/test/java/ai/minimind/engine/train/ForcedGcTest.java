package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.minimind.engine.data.Sample;
import ai.minimind.engine.data.TokenDataset;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * djl-pitfalls.md trap 1 as a regression test: a garbage collection between forward and backward must not change
 * what a training step does (a freed scalar tensor would corrupt the gradients).
 */
class ForcedGcTest {

    private static final class RandomRows implements TokenDataset {
        private final List<Sample> rows = new ArrayList<>();

        RandomRows() {
            Random random = new Random(9);
            for (int i = 0; i < 8; i++) {
                long[] ids = random.longs(33, 3, 6400).toArray();
                float[] mask = new float[32];
                for (int t = 0; t < 32; t++) {
                    mask[t] = random.nextInt(4) == 0 ? 0f : 1f;
                }
                rows.add(new Sample(Arrays.copyOf(ids, 32), Arrays.copyOfRange(ids, 1, 33),
                        mask));
            }
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public Sample get(int index) {
            return rows.get(index);
        }
    }

    private static List<float[]> trainTwoSteps(boolean collectGarbage) {
        LoopSettings settings = new LoopSettings(1, 4, 1e-3, 1, 1.0, 100, 100);
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(MiniMindConfig.of(64, 2, false), manager, 5);
             AdamW optimizer = new AdamW(SupervisedTrainer.uniqueParameters(model), AdamWConfig.pytorchDefaults())) {
            Objective<Batch> objective = batch -> {
                NDArray loss = SupervisedTrainer.loss(model, batch);
                if (collectGarbage) {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                    }
                }
                return loss;
            };
            new TrainLoop<>(settings, new TokenBatchSource(new RandomRows()), objective, optimizer,
                    (epoch, step, opt) -> { }, new TrainLog(new PrintStream(new ByteArrayOutputStream())))
                    .run(ResumePoint.START);
            return model.parameters().stream().map(NDArray::toFloatArray).toList();
        }
    }

    @Test
    void a_forced_gc_between_forward_and_backward_changes_nothing() {
        List<float[]> plain = trainTwoSteps(false);
        List<float[]> collected = trainTwoSteps(true);
        assertThat(collected).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(collected.get(i)).as("parameter %d", i).containsExactly(plain.get(i));
        }
    }
}
