package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.minimind.engine.tensor.SafeTensors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    void weights_that_overflow_float16_are_never_saved_and_the_run_stops_naming_the_step(@TempDir Path elsewhere)
            throws IOException {
        TinyRun run = new TinyRun(elsewhere);
        run.learningRate = 1e30;   // step 1's loss is finite, but its update leaves |w| ~ 1e30: inf in float16
        run.saveInterval = 1;
        assertThatThrownBy(() -> run.run(SupervisedTask.PRETRAIN, 0))
                .isInstanceOfSatisfying(NonFiniteException.class, e -> assertThat(e.step()).isEqualTo(1))
                .hasMessageStartingWith("refusing to save the weights of epoch 1 step 1: ")
                .hasMessageContaining("beyond float16's largest finite value 65504");
        assertThat(run.reports).isEmpty();                       // the failing step never completed
        assertThat(run.out("pretrain_64.safetensors")).doesNotExist();
        assertThat(run.checkpoints("pretrain_64_resume.json")).doesNotExist();
    }

    @Test
    void a_blow_up_after_good_saves_keeps_exactly_the_last_good_files(@TempDir Path elsewhere) throws IOException {
        TinyRun good = new TinyRun(elsewhere);
        good.saveInterval = 1;
        good.run(SupervisedTask.PRETRAIN, 3);
        byte[] weights = Files.readAllBytes(good.out("pretrain_64.safetensors"));
        byte[] copy = Files.readAllBytes(good.checkpoints("pretrain_64.safetensors"));
        byte[] resume = Files.readAllBytes(good.checkpoints("pretrain_64_resume.safetensors"));
        String resumeJson = Files.readString(good.checkpoints("pretrain_64_resume.json"));
        assertThat(resumeJson).contains("\"step\" : 3");
        assertAllFiniteInFloat16(good.out("pretrain_64.safetensors"));

        TinyRun blowUp = new TinyRun(elsewhere);   // same folders: resumes after step 3
        blowUp.fromResume = true;
        blowUp.saveInterval = 1;
        blowUp.learningRate = 1e30;
        assertThatThrownBy(() -> blowUp.run(SupervisedTask.PRETRAIN, 0))
                .isInstanceOf(NonFiniteException.class)
                .hasMessageStartingWith("refusing to save the weights of epoch 1 step 4: ");
        assertThat(blowUp.output()).contains("resumed from");
        assertThat(Files.readAllBytes(blowUp.out("pretrain_64.safetensors"))).isEqualTo(weights);
        assertThat(Files.readAllBytes(blowUp.checkpoints("pretrain_64.safetensors"))).isEqualTo(copy);
        assertThat(Files.readAllBytes(blowUp.checkpoints("pretrain_64_resume.safetensors"))).isEqualTo(resume);
        assertThat(blowUp.checkpoints("pretrain_64_resume.json")).hasContent(resumeJson);
    }

    @Test
    void samples_dropped_by_truncation_are_counted_in_the_trainers_log(@TempDir Path elsewhere) throws IOException {
        Path data = elsewhere.resolve("sft_some_too_long.jsonl");
        String fits = "{\"conversations\": [{\"role\": \"user\", \"content\": \"hi\"}, "
                + "{\"role\": \"assistant\", \"content\": \"hello\"}]}\n";
        String tooLong = "{\"conversations\": [{\"role\": \"user\", \"content\": \"" + "word ".repeat(100)
                + "\"}, {\"role\": \"assistant\", \"content\": \"ok\"}]}\n";
        Files.writeString(data, fits.repeat(3) + tooLong + fits + tooLong);
        TinyRun sft = new TinyRun(elsewhere).sft();
        sft.fromWeight = "none";
        sft.maxSeqLen = 64;
        sft.data = data.toString();
        sft.run(SupervisedTask.SFT, 1);
        assertThat(sft.output().lines())
                .contains("Dropped 2 of 6 samples with no supervised token within max_seq_len=64");
        assertThat(sft.reports.get(0).iters()).isEqualTo(1);   // 4 samples left, batch 8
    }

    private static void assertAllFiniteInFloat16(Path file) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            LinkedHashMap<String, NDArray> tensors = SafeTensors.read(file, manager);
            assertThat(tensors).isNotEmpty();
            assertThat(WeightCheck.problem(tensors, DataType.FLOAT16)).isEmpty();
            for (NDArray t : tensors.values()) {
                for (float v : t.toFloatArray()) {
                    assertThat(Float.isFinite(v) && Math.abs(v) <= 65504f).isTrue();
                }
            }
        }
    }
}
