package ai.minimind.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table against the training spec's default tables (5.1 supervised, 8.1 RL). */
class TrainTypesTest {

    private static Object def(String type, String param) {
        return TrainTypes.find(type).orElseThrow().param(param).orElseThrow().defaultValue();
    }

    @Test
    void has_the_seven_types_with_minimind_script_names() {
        assertThat(TrainTypes.all().keySet()).containsExactly("pretrain", "sft", "lora", "dpo", "ppo", "grpo", "spo");
        assertThat(TrainTypes.all().values()).extracting(TrainType::script).containsExactly("train_pretrain.py",
                "train_full_sft.py", "train_lora.py", "train_dpo.py", "train_ppo.py", "train_grpo.py", "train_spo.py");
    }

    @ParameterizedTest
    @CsvSource({
            "pretrain, pretrain,      1,  32, 5e-4, 8, 100, 100,  512, ../dataset/pretrain_hq.jsonl,   none",
            "sft,      full_sft,      2,  16, 5e-7, 1, 100, 100,  512, ../dataset/sft_mini_512.jsonl,  pretrain",
            "lora,     lora_identity, 50, 32, 1e-4, 1, 10,  1,    512, ../dataset/lora_identity.jsonl, full_sft",
            "dpo,      dpo,           1,  4,  4e-8, 1, 100, 100, 1024, ../dataset/dpo.jsonl,           full_sft"})
    void supervised_defaults_match_spec_5_1(String type, String save, int epochs, int batch, double lr, int accum,
                                            int logEvery, int saveEvery, int seq, String data, String from) {
        assertThat(def(type, type.equals("lora") ? "lora_name" : "save_weight")).isEqualTo(save);
        assertThat(def(type, "epochs")).isEqualTo(epochs);
        assertThat(def(type, "batch_size")).isEqualTo(batch);
        assertThat(def(type, "learning_rate")).isEqualTo(lr);
        assertThat(def(type, "accumulation_steps")).isEqualTo(accum);
        assertThat(def(type, "log_interval")).isEqualTo(logEvery);
        assertThat(def(type, "save_interval")).isEqualTo(saveEvery);
        assertThat(def(type, "max_seq_len")).isEqualTo(seq);
        assertThat(def(type, "data_path")).isEqualTo(data);
        assertThat(def(type, "from_weight")).isEqualTo(from);
        assertThat(def(type, "hidden_size")).isEqualTo(512);
        assertThat(def(type, "num_hidden_layers")).isEqualTo(8);
        assertThat(def(type, "grad_clip")).isEqualTo(1.0);
        assertThat(def(type, "save_dir")).isEqualTo(type.equals("lora") ? "../out/lora" : "../out");
    }

    @ParameterizedTest
    @CsvSource({"ppo, ppo_actor, 8e-8, 1", "grpo, grpo, 8e-8, 1", "spo, spo, 1e-7, 4"})
    void rl_defaults_match_spec_8_1(String type, String save, double lr, int accum) {
        assertThat(def(type, "save_weight")).isEqualTo(save);
        assertThat(def(type, "learning_rate")).isEqualTo(lr);
        assertThat(def(type, "accumulation_steps")).isEqualTo(accum);
        assertThat(def(type, "batch_size")).isEqualTo(2);
        assertThat(def(type, "log_interval")).isEqualTo(1);
        assertThat(def(type, "save_interval")).isEqualTo(10);
        assertThat(def(type, "max_seq_len")).isEqualTo(66);
        assertThat(def(type, "max_gen_len")).isEqualTo(1536);
        assertThat(def(type, "reasoning")).isEqualTo(1);
        assertThat(def(type, "data_path")).isEqualTo("../dataset/rlaif-mini.jsonl");
        assertThat(def(type, "reward_model_path")).isEqualTo("../../internlm2-1_8b-reward");
        assertThat(TrainTypes.find(type).orElseThrow().acceptsFromWeight()).isFalse();
    }

    @Test
    void algorithm_specific_parameters_are_where_the_scripts_have_them() {
        assertThat(def("ppo", "clip_epsilon")).isEqualTo(0.1);
        assertThat(def("ppo", "vf_coef")).isEqualTo(0.5);
        assertThat(def("ppo", "kl_coef")).isEqualTo(0.02);
        assertThat(def("ppo", "update_old_actor_freq")).isEqualTo(4);
        assertThat(def("ppo", "critic_learning_rate")).isEqualTo(8e-8);
        assertThat(def("grpo", "num_generations")).isEqualTo(8);
        assertThat(def("grpo", "beta")).isEqualTo(0.02);
        assertThat(def("spo", "beta")).isEqualTo(0.02);
        assertThat(def("dpo", "beta")).isEqualTo(0.1);
        assertThat(TrainTypes.find("sft").orElseThrow().param("beta")).isEmpty();
    }

    @Test
    void every_type_has_the_web_form_fields_with_group_and_help() {
        for (TrainType type : TrainTypes.all().values()) {
            assertThat(type.params()).extracting(ParamSpec::name).contains("device", "dtype", "gpu_num",
                    "train_monitor", "accumulation_steps", "grad_clip", "num_workers", "use_moe", "from_resume",
                    "use_wandb");
            assertThat(type.params()).allSatisfy(p -> {
                assertThat(p.group()).isIn(List.of("basic", "model", "data", "type", "advanced"));
                assertThat(p.help()).isNotBlank();
                assertThat(p.helpZh()).as("Chinese help of %s (help-zh.json)", p.name()).isNotBlank();
            });
        }
    }

    @Test
    void path_parameters_are_marked() {
        Map<String, ParamSpec> sft = new java.util.HashMap<>();
        TrainTypes.find("sft").orElseThrow().params().forEach(p -> sft.put(p.name(), p));
        assertThat(sft.get("data_path").isPath()).isTrue();
        assertThat(sft.get("save_dir").pathKind()).isEqualTo(PathKind.OUTPUT);
        assertThat(sft.get("from_weight").pathKind()).isEqualTo(PathKind.NAME_OR_INPUT);
        assertThat(sft.get("epochs").isPath()).isFalse();
    }
}
