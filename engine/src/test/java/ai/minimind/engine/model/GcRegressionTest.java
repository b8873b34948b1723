package ai.minimind.engine.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifetime regression (djl-pitfalls.md traps 1 and 2): a GC with allocation churn between forward and backward
 * must not change any gradient. A freed scalar or input buffer would show up as different gradients.
 */
class GcRegressionTest {

    @Test
    void gc_between_forward_and_backward_leaves_gradients_unchanged() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.moe(), root, 21)) {
            long[] ids = TrainingSmokeTest.randomIds(new Random(8), 2 * 9, TinyConfigs.moe().vocabSize());
            List<float[]> quiet = gradients(model, root, ids, false);
            List<float[]> churned = gradients(model, root, ids, true);
            assertThat(churned).hasSameSizeAs(quiet);
            for (int i = 0; i < quiet.size(); i++) {
                assertThat(churned.get(i)).as("gradient of parameter %d", i).containsExactly(quiet.get(i));
            }
        }
    }

    private static List<float[]> gradients(MiniMindForCausalLM model, NDManager root, long[] ids, boolean gc) {
        try (NDManager step = root.newSubManager()) {
            NDArray batch = step.create(ids, new Shape(2, 9));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                MiniMindForCausalLM.Output out = model.forward(batch.get(":, :8").duplicate(), null);
                NDArray targets = batch.get(":, 1:").duplicate().expandDims(-1);            // (B, T, 1)
                NDArray loss = out.logits().logSoftmax(-1).gather(targets, -1).mean().neg()
                        .add(out.auxLoss());                                                // ()
                if (gc) {
                    churnAndCollect();
                }
                collector.backward(loss);
            }
            List<float[]> grads = new ArrayList<>();
            for (NDArray p : model.parameters()) {
                NDArray g = p.getGradient();
                grads.add(g.toFloatArray());
                g.subi(g);
            }
            return grads;
        }
    }

    private static void churnAndCollect() {
        for (int round = 0; round < 3; round++) {
            byte[][] junk = new byte[2000][];
            for (int j = 0; j < junk.length; j++) {
                junk[j] = new byte[1024];
            }
            System.gc();
        }
    }
}
