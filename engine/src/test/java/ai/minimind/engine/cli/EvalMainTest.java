package ai.minimind.engine.cli;

import ai.minimind.engine.data.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/minimind eval} against weights trained a moment before through {@code train pretrain}. */
class EvalMainTest {
    @TempDir
    static Path root;

    @BeforeAll
    static void train_tiny_weights() throws IOException {
        Path workDir = Files.createDirectories(root.resolve("trainer"));
        CliRun run = CliRun.train(workDir, TrainMainTest.tiny("pretrain", TrainMainTest.tinyPretrainData(root)));
        assertThat(run.code()).as(run.err()).isZero();
    }

    private static CliRun eval(String stdin, String... more) {
        String[] base = {"--weight", "pretrain", "--save_dir", "out", "--hidden_size", "64", "--num_hidden_layers",
            "2", "--tokenizer_path", SharedData.tokenizerDir().toString(), "--max_new_tokens", "6",
            "--temperature", "0"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.eval(root, stdin, args);
    }

    @Test
    void one_prompt_streams_one_answer_and_greedy_is_repeatable() {
        CliRun first = eval("", "--prompt", "你好");
        CliRun second = eval("", "--prompt", "你好");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).isNotBlank().endsWith("\n");
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void without_a_prompt_it_answers_each_line_of_stdin() {
        CliRun run = eval("你好\n介绍一下你自己\n");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().split("🤖️: ", -1)).hasSize(3);
        assertThat(run.out()).startsWith("👶: ");
    }

    @Test
    void missing_weights_are_an_error_naming_the_file() {
        CliRun run = eval("", "--weight", "full_sft", "--prompt", "hi");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(root.resolve("out/full_sft_64.safetensors").toString());
    }
}
