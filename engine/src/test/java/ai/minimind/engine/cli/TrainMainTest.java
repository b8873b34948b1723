package ai.minimind.engine.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.minimind.engine.data.SharedData;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.tensor.SafeTensors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bin/minimind train}: MiniMind's flags, exit codes, and what reaches stdout and stderr. */
class TrainMainTest {
    static final String LOG_LINE = "Epoch:\\[\\d+/\\d+]\\(\\d+/\\d+\\) loss:\\d+\\.\\d{6} lr:\\d+\\.\\d{12} "
            + "epoch_Time:-?\\d+\\.\\dmin:";
    @TempDir
    static Path root;
    static Path workDir;
    static CliRun pretrain;

    /** Twelve short pretrain rows: three steps of four. */
    static Path tinyPretrainData(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lines.add("{\"text\": \"<|im_start|>第" + i + "个问题：你好吗？我很好，谢谢。<|im_end|>\"}");
        }
        return Files.write(dir.resolve("tiny_pretrain.jsonl"), lines, StandardCharsets.UTF_8);
    }

    static String[] tiny(String type, Path data, String... more) {
        List<String> args = new ArrayList<>(List.of(type, "--hidden_size", "64", "--num_hidden_layers", "2",
                "--max_seq_len", "64", "--batch_size", "4", "--device", "cpu", "--log_interval", "1",
                "--learning_rate", "1e-3", "--data_path", data.toString(),
                "--tokenizer_path", SharedData.tokenizerDir().toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @BeforeAll
    static void pretrain_through_the_command_line() throws IOException {
        workDir = Files.createDirectories(root.resolve("trainer"));
        pretrain = CliRun.train(workDir, tiny("pretrain", tinyPretrainData(root), "--accumulation_steps", "1"));
    }

    @Test
    void a_run_exits_zero_prints_minimind_lines_and_writes_the_weights() {
        assertThat(pretrain.code()).as(pretrain.err()).isZero();
        List<String> steps = pretrain.out().lines().filter(l -> l.startsWith("Epoch:")).toList();
        assertThat(steps).hasSize(3).allMatch(l -> l.matches(LOG_LINE));
        assertThat(steps.get(0)).startsWith("Epoch:[1/1](1/3) loss:");
        assertThat(pretrain.out()).contains("所加载Model可训练参数：0.504 百万");
        assertThat(root.resolve("out/pretrain_64.safetensors")).isRegularFile();
        assertThat(root.resolve("checkpoints/pretrain_64_resume.json")).isRegularFile();
    }

    @Test
    void an_unknown_flag_is_a_usage_error_naming_it() {
        CliRun run = CliRun.train(workDir, "pretrain", "--bogus_flag", "3");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--bogus_flag");
    }

    @Test
    void a_bad_value_is_a_usage_error_naming_the_flag() {
        assertThat(CliRun.train(workDir, "sft", "--use_moe", "2").err()).contains("--use_moe must be 0 or 1");
        CliRun zero = CliRun.train(workDir, "sft", "--batch_size", "0");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("batch_size must be positive");
        assertThat(CliRun.train(workDir, "pretrain", "--epochs", "two").code()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lora", "dpo", "ppo", "grpo", "spo"})
    void later_trainers_say_they_are_not_implemented(String type) {
        CliRun run = CliRun.train(workDir, type, "--beta", "0.1", "--epochs", "1");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'" + type + "' is not yet implemented in the builtin engine");
    }

    @Test
    void help_shows_each_trainers_own_defaults() {
        CliRun pretrainHelp = CliRun.train(workDir, "pretrain", "--help");
        CliRun sftHelp = CliRun.train(workDir, "sft", "--help");
        assertThat(pretrainHelp.code()).isZero();
        assertThat(pretrainHelp.out()).contains("--learning_rate", "5e-4", "../dataset/pretrain_hq.jsonl");
        assertThat(sftHelp.out()).contains("5e-7", "../dataset/sft_mini_512.jsonl", "full_sft");
        assertThat(CliRun.train(workDir).code()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_json", "blank_line", "missing_text", "empty_file", "bad_utf8"})
    void bad_data_fails_with_the_data_error_before_any_training(String kind) throws IOException {
        Path file = root.resolve(kind + ".jsonl");
        String good = "{\"text\": \"<|im_start|>你好<|im_end|>\"}\n";
        switch (kind) {
            case "invalid_json" -> Files.writeString(file, good + "{\"text\": \"unterminated\n");
            case "blank_line" -> Files.writeString(file, good + "\n" + good);
            case "missing_text" -> Files.writeString(file, good + "{\"conversations\": []}\n");
            case "empty_file" -> Files.writeString(file, "");
            default -> Files.write(file, concat(good.getBytes(StandardCharsets.UTF_8),
                    new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'}));
        }
        CliRun run = CliRun.train(workDir, tiny("pretrain", file));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(file.toString());
        if (!kind.equals("empty_file")) {
            assertThat(run.err()).contains(file + ":2:");
        }
        assertThat(run.out()).doesNotContain("Epoch:");
    }

    @Test
    void a_missing_data_file_or_a_folder_is_named_with_what_is_wrong() throws IOException {
        Path missing = root.resolve("nope.jsonl");
        CliRun run = CliRun.train(workDir, tiny("sft", missing));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("error: " + missing + ": no such data file (check --data_path)");
        CliRun folder = CliRun.train(workDir, tiny("pretrain", root));
        assertThat(folder.code()).as(folder.err()).isEqualTo(1);
        assertThat(folder.err()).contains("error: " + root + ": is a folder, not a .jsonl data file");
    }

    @Test
    void an_at_sign_argument_is_a_plain_string_never_the_contents_of_that_file() throws IOException {
        // picocli's @file expansion would splice another file (another client's log) into the arguments.
        Path secret = Files.writeString(root.resolve("secret.txt"), "--epochs 3 SECRET-CONTENT-42\n");
        CliRun run = CliRun.train(workDir, tiny("sft", Path.of("@" + secret)));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("@" + secret + ": no such data file");
        assertThat(run.err() + run.out()).doesNotContain("SECRET-CONTENT-42");
    }

    @Test
    void a_lone_surrogate_fails_naming_file_and_line_before_any_training() throws IOException {
        Path file = Files.writeString(root.resolve("lone_surrogate.jsonl"),
                "{\"text\": \"<|im_start|>你好<|im_end|>\"}\n{\"text\": \"a\\ud800b\"}\n");
        CliRun run = CliRun.train(workDir, tiny("pretrain", file));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("error: " + file + ":2: ").contains("lone UTF-16 surrogate \\ud800");
        assertThat(run.out()).doesNotContain("Epoch:");
    }

    @Test
    void an_sft_conversation_without_an_assistant_turn_fails_naming_file_and_line() throws IOException {
        String good = "{\"conversations\": [{\"role\": \"user\", \"content\": \"你好\"}, "
                + "{\"role\": \"assistant\", \"content\": \"你好！\"}]}\n";
        Path file = Files.writeString(root.resolve("no_assistant.jsonl"), good + good
                + "{\"conversations\": [{\"role\": \"system\", \"content\": \"s\"}, "
                + "{\"role\": \"user\", \"content\": \"只有问题\"}]}\n");
        CliRun run = CliRun.train(workDir, tiny("sft", file, "--from_weight", "none"));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("error: " + file + ":3: ").contains("no assistant turn");
        assertThat(run.out()).doesNotContain("Epoch:");
    }

    @Test
    void a_from_weight_file_with_other_keys_fails_naming_the_file_and_the_keys(@TempDir Path other)
            throws IOException {
        Path trainer = Files.createDirectories(other.resolve("trainer"));
        Path file = other.resolve("out/pretrain_64.safetensors");
        writeWeights(file, MiniMindConfig.of(64, 1, false), null);   // one layer; the run wants two
        CliRun run = CliRun.train(trainer, tiny("sft", tinySftData(other)));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("error: --from_weight pretrain: " + file + ": ")
                .contains("missing=[model.layers.1.self_attn.q_proj.weight");
        assertThat(run.out()).doesNotContain("Epoch:");
    }

    @Test
    void a_from_weight_file_with_a_wrong_shape_fails_naming_the_key(@TempDir Path other) throws IOException {
        Path trainer = Files.createDirectories(other.resolve("trainer"));
        Path file = other.resolve("out/pretrain_64.safetensors");
        writeWeights(file, MiniMindConfig.of(64, 2, false), "model.norm.weight");
        CliRun run = CliRun.train(trainer, tiny("sft", tinySftData(other)));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains(file.toString()).contains("missing=[], unexpected=[]")
                .contains("shape mismatch=[model.norm.weight expected (64) got (32)]");
    }

    @Test
    void weights_blown_up_by_an_update_are_not_saved_and_the_run_exits_one() throws IOException {
        Path trainer = Files.createDirectories(root.resolve("blow_up/trainer"));
        CliRun run = CliRun.train(trainer, tiny("pretrain", tinyPretrainData(root), "--learning_rate", "1e30",
                "--accumulation_steps", "1", "--save_interval", "1"));
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: refusing to save the weights of epoch 1 step 1: ");
        assertThat(root.resolve("blow_up/out/pretrain_64.safetensors")).doesNotExist();
    }

    /** Eight SFT rows: two steps of four, so step 1 (= iters - 1) saves. */
    static Path tinySftData(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add("{\"conversations\": [{\"role\": \"user\", \"content\": \"第" + i + "个问题\"}, "
                    + "{\"role\": \"assistant\", \"content\": \"我很好，谢谢。\"}]}");
        }
        return Files.write(dir.resolve("tiny_sft.jsonl"), lines, StandardCharsets.UTF_8);
    }

    /** A fresh model's fp16 state dict, with {@code halved} (if given) cut to half its first dimension. */
    private static void writeWeights(Path file, MiniMindConfig config, String halved) throws IOException {
        Files.createDirectories(file.getParent());
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(config, manager, 7)) {
            LinkedHashMap<String, NDArray> dict = model.stateDict();
            if (halved != null) {
                NDArray full = dict.get(halved);
                dict.put(halved, full.get("0:{}", full.getShape().get(0) / 2));
            }
            SafeTensors.write(file, dict, DataType.FLOAT16);
        }
    }

    @Test
    void train_tokenizer_delegates_to_the_bpe_trainer() throws IOException {
        Path out = root.resolve("tokenizer_out");
        CliRun run = CliRun.train(workDir, "tokenizer", "--data_path", tinyPretrainData(root).toString(),
                "--vocab_size", "300", "--save_dir", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(out.resolve("tokenizer.json")).isRegularFile();
        assertThat(CliRun.train(workDir, "tokenizer", "--data_path", root.resolve("absent.jsonl").toString(),
                "--save_dir", out.toString()).code()).isEqualTo(1);
    }

    @Test
    void the_launcher_entry_point_exits_with_the_code_in_a_child_jvm() throws Exception {
        Path missing = root.resolve("no_such_file.jsonl");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                TrainMain.class.getName(), "sft", "--data_path", missing.toString(),
                "--tokenizer_path", SharedData.tokenizerDir().toString(), "--device", "cpu")
                .directory(workDir.toFile())
                .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isEqualTo(1);
        assertThat(err).contains(missing.toString());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
