package ai.minimind.server.process;

import ai.minimind.server.testing.FakeTrainer;
import ai.minimind.server.testing.JavaCommand;
import ai.minimind.server.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The FakeTrainer as the HTTP-level tests drive it: MiniMind flags only, no script. */
class FakeTrainerTest {
    @TempDir
    Path dir;

    @Test
    void without_a_script_it_prints_minimind_lines_and_runs_until_stopped() throws Exception {
        var command = JavaCommand.of(FakeTrainer.class, "full_sft", "--data_path", dir.resolve("none.jsonl")
                .toString(), "--epochs", "1", "--batch_size", "16", "--use_wandb");
        try (TestJob job = TestJob.launch(dir, command)) {
            Poll.until("three epoch lines", () -> job.logText().contains("Epoch:[1/1](3/10)"));

            assertThat(job.logText()).startsWith("fake_trainer train_type=full_sft").containsPattern(
                    "Epoch:\\[1/1]\\(1/10\\) loss:\\d+\\.\\d{6} lr:\\d+\\.\\d{12} epoch_Time:\\d+min:");
            assertThat(ProcessControl.isAlive(job.id())).isTrue();
            assertThat(ProcessControl.stopTree(job.id(), ProcessControlTest.AMPLE_GRACE)).isTrue();
            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(null, 15));
        }
    }
}
