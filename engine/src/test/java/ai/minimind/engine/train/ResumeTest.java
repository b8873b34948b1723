package ai.minimind.engine.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop after a checkpoint, resume with {@code --from_resume 1}: the same step numbers, learning rates and losses as
 * an uninterrupted run, bit for bit (no batch repeated, none skipped; optimizer state restored from the files).
 */
class ResumeTest {
    private static final int STEPS = 10;

    private static TinyRun tiny(Path root, int accumulation) throws IOException {
        TinyRun run = new TinyRun(root);
        run.batchSize = 4;
        run.maxSeqLen = 64;
        run.saveInterval = 4;
        run.logInterval = 1;
        run.accumulationSteps = accumulation;
        return run;
    }

    private static List<String> trace(List<StepReport> reports) {
        List<String> lines = new ArrayList<>();
        reports.forEach(r -> lines.add(r.epoch() + ":" + r.step() + " loss=" + r.loss() + " lr=" + r.lr()));
        return lines;
    }

    private static void assertResumeMatches(Path root, int accumulation) throws IOException {
        List<StepReport> whole = tiny(root.resolve("whole"), accumulation).run(SupervisedTask.PRETRAIN, STEPS);

        TinyRun first = tiny(root.resolve("split"), accumulation);
        first.trainer(SupervisedTask.PRETRAIN, r -> !(r.saved() && r.step() == 8)).run();
        TinyRun second = tiny(root.resolve("split"), accumulation);
        second.fromResume = true;
        second.run(SupervisedTask.PRETRAIN, STEPS - first.reports.size());

        List<StepReport> joined = new ArrayList<>(first.reports);
        joined.addAll(second.reports);
        assertThat(first.reports).hasSize(8);
        assertThat(second.reports.get(0).step()).isEqualTo(9);
        assertThat(trace(joined)).containsExactlyElementsOf(trace(whole));
        assertThat(second.output()).contains("跳过前8个step，从step 9开始");
        assertThat(second.output().lines().filter(l -> l.startsWith("Epoch:")).map(ResumeTest::withoutEta))
                .containsExactly(withoutEta(TrainLog.stepLine(0, 1, 9, 75, whole.get(8).loss(), whole.get(8).lr(), 0)),
                        withoutEta(TrainLog.stepLine(0, 1, 10, 75, whole.get(9).loss(), whole.get(9).lr(), 0)));
    }

    private static String withoutEta(String line) {
        return line.replaceAll("epoch_Time:.*", "");
    }

    @Test
    void resumed_run_repeats_the_uninterrupted_steps_and_losses(@TempDir Path root) throws IOException {
        assertResumeMatches(root, 1);
    }

    @Test
    void pending_accumulated_gradients_survive_the_interruption(@TempDir Path root) throws IOException {
        // updates at steps 3, 7, 11: the save at step 8 holds one micro-batch of gradients not yet applied
        assertResumeMatches(root, 4);
    }
}
