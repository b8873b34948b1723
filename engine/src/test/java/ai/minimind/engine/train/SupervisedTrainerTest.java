package ai.minimind.engine.train;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pretrain then SFT on the shared samples with a tiny model, end to end through the files MiniMind writes. */
class SupervisedTrainerTest {
    @TempDir
    static Path root;
    private static TinyRun pretrain;

    @BeforeAll
    static void pretrain_once() throws IOException {
        pretrain = new TinyRun(root);
        pretrain.saveInterval = 10;
        pretrain.run(SupervisedTask.PRETRAIN, 30);
    }

    @Test
    void pretrain_lowers_the_loss_clearly_and_writes_minimind_files() {
        List<StepReport> reports = pretrain.reports;
        assertThat(reports).hasSize(30);
        assertThat(reports.get(29).iters()).isEqualTo(38);   // 300 rows, batch 8
        assertThat(TinyRun.meanLoss(reports, 25, 30)).isLessThan(TinyRun.meanLoss(reports, 0, 3) - 1.0);
        assertThat(pretrain.out("pretrain_64.safetensors")).isRegularFile();
        assertThat(pretrain.checkpoints("pretrain_64.safetensors")).isRegularFile();
        assertThat(pretrain.checkpoints("pretrain_64_resume.safetensors")).isRegularFile();
        assertThat(pretrain.checkpoints("pretrain_64_resume.json")).content().contains("\"step\" : 30");
        assertThat(pretrain.output()).contains("所加载Model可训练参数：").contains("CPU training runs in float32");
        assertThat(pretrain.output().lines().filter(l -> l.startsWith("Epoch:")))
                .hasSize(6)   // steps 5, 10, ..., 30 by log_interval 5
                .allMatch(l -> l.matches(TrainLogTest.LINE));
    }

    @Test
    void sft_from_the_pretrained_weights_lowers_its_loss() throws IOException {
        TinyRun sft = new TinyRun(root).sft();
        sft.learningRate = 2e-2;
        sft.saveInterval = 10;
        List<StepReport> reports = sft.run(SupervisedTask.SFT, 20);
        assertThat(sft.output()).contains("loaded weights from " + sft.out("pretrain_64.safetensors"));
        int n = reports.size();
        assertThat(n).isEqualTo(20);
        assertThat(TinyRun.meanLoss(reports, n - 5, n)).isLessThan(TinyRun.meanLoss(reports, 0, 5) - 0.3);
        assertThat(sft.out("full_sft_64.safetensors")).isRegularFile();
    }

    @Test
    void a_missing_from_weight_file_is_an_error_naming_the_path(@TempDir Path elsewhere) throws IOException {
        TinyRun sft = new TinyRun(elsewhere).sft();
        assertThatThrownBy(() -> sft.run(SupervisedTask.SFT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--from_weight pretrain: weight file not found")
                .hasMessageContaining(elsewhere.resolve("out/pretrain_64.safetensors").toString());
    }

    @Test
    void a_non_finite_loss_stops_the_run_and_keeps_the_last_saved_weights(@TempDir Path elsewhere)
            throws IOException {
        TinyRun run = new TinyRun(elsewhere);
        run.learningRate = 1e30;   // the first update blows the weights up; the second forward overflows
        run.saveInterval = 1;
        byte[][] saved = new byte[1][];
        SupervisedTrainer trainer = run.trainer(SupervisedTask.PRETRAIN, report -> {
            saved[0] = readQuietly(run.out("pretrain_64.safetensors"));
            return true;
        });
        assertThatThrownBy(trainer::run)
                .isInstanceOf(NonFiniteLossException.class)
                .hasMessageMatching("(loss|gradient norm) is (NaN|-?Infinity) at epoch 1 step \\d+.*");
        assertThat(run.reports).isNotEmpty();
        assertThat(Files.readAllBytes(run.out("pretrain_64.safetensors"))).isEqualTo(saved[0]);
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
