package ai.minimind.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.minimind.server.api.ApiException;
import ai.minimind.server.config.Backend;
import ai.minimind.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandBuilderTest {
    private static final Path CHECKOUT = Path.of("/opt/minimind");

    private static ServerConfig config(Backend backend) {
        return new ServerConfig("127.0.0.1", 0, Path.of("/d"), Path.of("/ds"), Path.of("/tok"), backend,
                Path.of("/home/mm"), CHECKOUT, "/usr/bin/python3", Duration.ofSeconds(1),
                List.of("/home/mm/bin/minimind", "train"), false, 0, Optional.empty());
    }

    private static List<String> argv(Backend backend, String type, Map<String, ?> raw) {
        TrainType t = TrainTypes.find(type).orElseThrow();
        return new CommandBuilder(config(backend)).build(t, ParamValidator.validate(t, raw));
    }

    private static Map<String, Object> form(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void builtin_runs_the_engine_with_only_the_given_flags_as_numbers() {
        assertThat(argv(Backend.BUILTIN, "sft", form("epochs", "2", "learning_rate", "5e-7", "use_moe", "1",
                "data_path", "../dataset/sft.jsonl", "hidden_size", 64.0)))
                .containsExactly("/home/mm/bin/minimind", "train", "sft", "--epochs", "2", "--learning_rate",
                        "0.0000005", "--hidden_size", "64", "--use_moe", "1", "--data_path", "../dataset/sft.jsonl");
    }

    @Test
    void nothing_given_means_no_flags_so_script_defaults_apply() {
        assertThat(argv(Backend.BUILTIN, "pretrain", Map.of())).containsExactly("/home/mm/bin/minimind", "train",
                "pretrain");
        assertThat(argv(Backend.BUILTIN, "pretrain", form("epochs", "", "batch_size", null)))
                .containsExactly("/home/mm/bin/minimind", "train", "pretrain");
    }

    @Test
    void python_runs_the_checkout_script_and_passes_from_resume_as_0_or_1() {
        assertThat(argv(Backend.PYTHON, "lora", form("from_resume", "0", "device", "cuda:0", "gpu_num", "1")))
                .containsExactly("/usr/bin/python3", "/opt/minimind/trainer/train_lora.py", "--from_resume", "0",
                        "--device", "cuda:0");
        assertThat(argv(Backend.PYTHON, "sft", form("from_resume", true))).containsSubsequence("--from_resume", "1");
    }

    @Test
    void python_uses_torchrun_above_one_gpu_without_gpu_num_or_device() {
        assertThat(argv(Backend.PYTHON, "pretrain", form("gpu_num", "4", "device", "cuda:0", "epochs", 1)))
                .containsExactly("torchrun", "--nproc_per_node", "4", "/opt/minimind/trainer/train_pretrain.py",
                        "--epochs", "1");
    }

    @Test
    void monitor_wandb_adds_use_wandb_and_the_project_swanlab_only_the_flag() {
        assertThat(argv(Backend.PYTHON, "dpo", form("train_monitor", "wandb")))
                .endsWith("--use_wandb", "--wandb_project", "minimind_training").doesNotContain("--train_monitor");
        assertThat(argv(Backend.PYTHON, "dpo", form("train_monitor", "swanlab")))
                .endsWith("/opt/minimind/trainer/train_dpo.py", "--use_wandb");
        assertThat(argv(Backend.PYTHON, "dpo", form("train_monitor", "none")))
                .endsWith("/opt/minimind/trainer/train_dpo.py");
        assertThat(argv(Backend.BUILTIN, "dpo", form("use_wandb", "0"))).endsWith("dpo");
    }

    @Test
    void from_weight_from_the_original_form_is_never_passed_to_rl_scripts() {
        assertThat(argv(Backend.PYTHON, "ppo", form("from_weight", "full_sft", "reasoning", "0")))
                .containsExactly("/usr/bin/python3", "/opt/minimind/trainer/train_ppo.py", "--reasoning", "0",
                        "--reward_model_path", "/opt/internlm2-1_8b-reward");
        assertThat(argv(Backend.PYTHON, "grpo", form("from_weight", "full_sft"))).doesNotContain("--from_weight");
        assertThat(argv(Backend.PYTHON, "sft", form("from_weight", "pretrain"))).endsWith("--from_weight",
                "pretrain");
    }

    @Test
    void invalid_values_name_the_field() {
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("epochs", "two")))
                .isInstanceOf(ApiException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("batch_size", 0))).hasMessageContaining("batch_size");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("epochs", 1.5))).hasMessageContaining("epochs");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("learning_rate", "NaN")))
                .hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("use_moe", "2"))).hasMessageContaining("use_moe");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("beta", 0.1))).hasMessageContaining("'beta'");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("dtype", "int4"))).hasMessageContaining("dtype");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("save_weight", "../x")))
                .hasMessageContaining("save_weight");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("device", "cuda:0; rm -rf /")))
                .hasMessageContaining("device");
        assertThatThrownBy(() -> argv(Backend.BUILTIN, "sft", form("train_monitor", "tensorboard")))
                .hasMessageContaining("train_monitor");
    }

    @Test
    void floats_print_without_exponent_noise() {
        assertThat(CommandBuilder.format(5e-4)).isEqualTo("0.0005");
        assertThat(CommandBuilder.format(1.0)).isEqualTo("1.0");
        assertThat(CommandBuilder.format(1e-7)).isEqualTo("0.0000001");
        assertThat(CommandBuilder.format(5L)).isEqualTo("5");
    }

    @Test
    void python_rl_jobs_find_the_default_reward_model_beside_the_checkout() {
        // The script's ../../internlm2-1_8b-reward is relative to trainer/, but jobs run from the client's work/.
        assertThat(argv(Backend.PYTHON, "ppo", Map.of()))
                .containsSubsequence("--reward_model_path", "/opt/internlm2-1_8b-reward");
        assertThat(argv(Backend.PYTHON, "grpo", form("reward_model_path", "../../internlm2-1_8b-reward")))
                .containsSubsequence("--reward_model_path", "/opt/internlm2-1_8b-reward");
        assertThat(argv(Backend.PYTHON, "spo", form("reward_model_path", "../out/rm")))
                .containsSubsequence("--reward_model_path", "../out/rm");
        assertThat(argv(Backend.PYTHON, "sft", Map.of())).doesNotContain("--reward_model_path");
        assertThat(argv(Backend.BUILTIN, "ppo", Map.of())).doesNotContain("--reward_model_path");
    }
}
