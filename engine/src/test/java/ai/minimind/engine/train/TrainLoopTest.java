package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loop's rules on a least-squares problem with a 3-element weight (no model needed). */
class TrainLoopTest {
    private static final int ROWS = 21;

    /** Rows of (x[3], y) with y = x . (1, -2, 0.5) + noise. */
    private static final class Regression implements BatchSource<NDArray[]> {
        final float[][] x = new float[ROWS][3];
        final float[] y = new float[ROWS];

        Regression() {
            Random random = new Random(7);
            for (int i = 0; i < ROWS; i++) {
                for (int j = 0; j < 3; j++) {
                    x[i][j] = (float) random.nextGaussian();
                }
                y[i] = x[i][0] - 2 * x[i][1] + 0.5f * x[i][2] + (float) (0.1 * random.nextGaussian());
            }
        }

        @Override
        public int size() {
            return ROWS;
        }

        @Override
        public NDArray[] load(int[] indices, NDManager manager) {
            float[] xs = new float[indices.length * 3];
            float[] ys = new float[indices.length];
            for (int r = 0; r < indices.length; r++) {
                System.arraycopy(x[indices[r]], 0, xs, r * 3, 3);
                ys[r] = y[indices[r]];
            }
            return new NDArray[] {manager.create(xs, new Shape(indices.length, 3)), manager.create(ys)};
        }
    }

    private final Regression data = new Regression();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final TrainLog log = new TrainLog(new PrintStream(printed, true, StandardCharsets.UTF_8));

    private static Objective<NDArray[]> squaredError(NDArray w) {
        return batch -> batch[0].matMul(w.reshape(3, 1)).squeeze(-1).sub(batch[1]).square().mean();
    }

    /** The state a checkpoint would hold, copied to Java arrays. */
    private record Snapshot(int epoch, int step, float[] weights, long optimizerSteps, Map<String, float[]> moments,
                            float[] pendingGradient) {
    }

    private static Snapshot snapshot(int epoch, int step, NDArray w, AdamW optimizer) {
        Map<String, float[]> moments = new LinkedHashMap<>();
        optimizer.state().forEach((k, v) -> moments.put(k, v.toFloatArray()));
        return new Snapshot(epoch, step, w.toFloatArray(), optimizer.stepCount(), moments,
                w.getGradient().toFloatArray());
    }

    private List<StepReport> train(LoopSettings settings, NDManager manager, Snapshot from, int stopAfterSave,
                                   List<Snapshot> saves) {
        NDArray w = manager.create(from == null ? new float[3] : from.weights());
        w.setRequiresGradient(true);
        LinkedHashMap<String, NDArray> params = new LinkedHashMap<>(Map.of("w", w));
        List<StepReport> reports = new ArrayList<>();
        try (AdamW optimizer = new AdamW(params, AdamWConfig.pytorchDefaults())) {
            ResumePoint start = ResumePoint.START;
            if (from != null) {
                Map<String, NDArray> state = new LinkedHashMap<>();
                from.moments().forEach((k, v) -> state.put(k, manager.create(v)));
                optimizer.load(state, from.optimizerSteps());
                start = new ResumePoint(from.epoch(), from.step(), List.of(manager.create(from.pendingGradient())));
            }
            new TrainLoop<>(settings, data, squaredError(w), optimizer,
                    (epoch, step, opt) -> saves.add(snapshot(epoch, step, w, opt)), log)
                    .optListener(report -> {
                        reports.add(report);
                        return !(report.saved() && saves.size() == stopAfterSave);
                    })
                    .run(start);
        }
        return reports;
    }

    @Test
    void loss_falls_and_steps_follow_minimind_numbering() {
        LoopSettings settings = new LoopSettings(3, 4, 0.3, 1, 1.0, 2, 100);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<StepReport> reports = train(settings, manager, null, -1, new ArrayList<>());
            assertThat(reports).hasSize(3 * 6);
            assertThat(reports.get(0).step()).isEqualTo(1);
            assertThat(reports.get(0).lr()).isEqualTo(LrSchedule.cosine(0.3, 1, 18));
            assertThat(reports.get(17).lr()).isEqualTo(LrSchedule.cosine(0.3, 2 * 6 + 6, 18));
            double firstEpoch = reports.subList(0, 6).stream().mapToDouble(StepReport::loss).average().orElseThrow();
            double lastEpoch = reports.subList(12, 18).stream().mapToDouble(StepReport::loss).average().orElseThrow();
            assertThat(lastEpoch).isLessThan(firstEpoch / 4);
            // saves only at step == iters - 1 with save_interval 100
            assertThat(reports.stream().filter(StepReport::saved).map(StepReport::step)).containsOnly(5);
        }
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).allMatch(l -> l.matches(TrainLogTest.LINE));
        // steps 2, 4, 6 by the interval and 5 (= iters - 1) by the end rule, per epoch
        assertThat(lines).hasSize(3 * 4).anyMatch(l -> l.startsWith("Epoch:[3/3](5/6)"));
    }

    @Test
    void accumulation_updates_when_step_plus_one_divides_and_leftovers_carry_over() {
        LoopSettings settings = new LoopSettings(2, 4, 0.05, 4, 1.0, 100, 100);
        try (NDManager manager = NDManager.newBaseManager()) {
            List<StepReport> reports = train(settings, manager, null, -1, new ArrayList<>());
            assertThat(reports.stream().filter(StepReport::updated).map(r -> r.epoch() + ":" + r.step()))
                    .containsExactly("0:3", "1:3");
        }
    }

    @Test
    void stopping_after_a_checkpoint_and_resuming_repeats_no_batch_and_skips_none() {
        for (int accumulation : new int[] {1, 3}) {
            LoopSettings settings = new LoopSettings(2, 4, 0.05, accumulation, 1.0, 100, 4);
            try (NDManager manager = NDManager.newBaseManager()) {
                List<StepReport> whole = train(settings, manager, null, -1, new ArrayList<>());
                List<Snapshot> saves = new ArrayList<>();
                List<StepReport> before = train(settings, manager, null, 2, saves);
                List<StepReport> after = train(settings, manager, saves.get(1), -1, new ArrayList<>());
                List<String> resumed = new ArrayList<>();
                before.forEach(r -> resumed.add(r.epoch() + ":" + r.step() + " " + r.loss() + " " + r.lr()));
                after.forEach(r -> resumed.add(r.epoch() + ":" + r.step() + " " + r.loss() + " " + r.lr()));
                assertThat(resumed).as("accumulation %d", accumulation)
                        .containsExactlyElementsOf(whole.stream()
                                .map(r -> r.epoch() + ":" + r.step() + " " + r.loss() + " " + r.lr()).toList());
                assertThat(saves.get(1).step()).isEqualTo(5);
            }
        }
    }

    @Test
    void a_non_finite_loss_stops_before_backward_and_before_saving() {
        LoopSettings settings = new LoopSettings(1, 4, 0.05, 1, 1.0, 1, 1);
        List<Integer> savedSteps = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray w = manager.create(new float[3]);
            w.setRequiresGradient(true);
            NDArray nan = manager.create(Float.NaN);
            int[] calls = {0};
            Objective<NDArray[]> poisoned = batch -> ++calls[0] == 3
                    ? squaredError(w).loss(batch).mul(nan)
                    : squaredError(w).loss(batch);
            try (AdamW optimizer = new AdamW(new LinkedHashMap<>(Map.of("w", w)), AdamWConfig.pytorchDefaults())) {
                TrainLoop<NDArray[]> loop = new TrainLoop<>(settings, data, poisoned, optimizer,
                        (epoch, step, opt) -> savedSteps.add(step), log);
                assertThatThrownBy(() -> loop.run(ResumePoint.START))
                        .isInstanceOf(NonFiniteException.class)
                        .hasMessageContaining("loss is NaN at epoch 1 step 3");
                assertThat(optimizer.stepCount()).isEqualTo(2);
            }
        }
        assertThat(savedSteps).containsExactly(1, 2);
    }
}
