package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterCountTest {

    @Test
    void counts_match_the_spec_for_the_three_cli_configs() {
        assertThat(ParameterLayout.parameterCount(MiniMindConfig.of(512, 8, false))).isEqualTo(25_829_888L);
        assertThat(ParameterLayout.parameterCount(MiniMindConfig.of(768, 16, false))).isEqualTo(104_030_976L);
        assertThat(ParameterLayout.parameterCount(MiniMindConfig.of(512, 8, true))).isEqualTo(95_052_288L);
        assertThat(ParameterLayout.parameterCount(MiniMindConfig.of(640, 8, true))).isEqualTo(145_029_760L);
    }

    @Test
    void intermediate_size_follows_minimind_rule() {
        assertThat(MiniMindConfig.of(512, 8, false).intermediateSize()).isEqualTo(1408);
        assertThat(MiniMindConfig.of(768, 16, false).intermediateSize()).isEqualTo(2048);
        assertThat(MiniMindConfig.of(640, 8, true).intermediateSize()).isEqualTo(1728);
    }

    @Test
    void state_dict_keys_follow_minimind_order_with_both_tied_keys() {
        List<String> keys = List.copyOf(ParameterLayout.shapes(MiniMindConfig.of(512, 1, false)).keySet());
        assertThat(keys).containsExactly(
                "model.embed_tokens.weight",
                "model.layers.0.self_attn.q_proj.weight",
                "model.layers.0.self_attn.k_proj.weight",
                "model.layers.0.self_attn.v_proj.weight",
                "model.layers.0.self_attn.o_proj.weight",
                "model.layers.0.input_layernorm.weight",
                "model.layers.0.post_attention_layernorm.weight",
                "model.layers.0.mlp.gate_proj.weight",
                "model.layers.0.mlp.down_proj.weight",
                "model.layers.0.mlp.up_proj.weight",
                "model.norm.weight",
                "lm_head.weight");
    }

    @Test
    void moe_layer_keys_are_experts_then_gate_then_shared_experts() {
        List<String> keys = List.copyOf(ParameterLayout.shapes(MiniMindConfig.of(512, 1, true)).keySet());
        assertThat(keys.subList(7, keys.size() - 2)).containsExactly(
                "model.layers.0.mlp.experts.0.gate_proj.weight",
                "model.layers.0.mlp.experts.0.down_proj.weight",
                "model.layers.0.mlp.experts.0.up_proj.weight",
                "model.layers.0.mlp.experts.1.gate_proj.weight",
                "model.layers.0.mlp.experts.1.down_proj.weight",
                "model.layers.0.mlp.experts.1.up_proj.weight",
                "model.layers.0.mlp.experts.2.gate_proj.weight",
                "model.layers.0.mlp.experts.2.down_proj.weight",
                "model.layers.0.mlp.experts.2.up_proj.weight",
                "model.layers.0.mlp.experts.3.gate_proj.weight",
                "model.layers.0.mlp.experts.3.down_proj.weight",
                "model.layers.0.mlp.experts.3.up_proj.weight",
                "model.layers.0.mlp.gate.weight",
                "model.layers.0.mlp.shared_experts.0.gate_proj.weight",
                "model.layers.0.mlp.shared_experts.0.down_proj.weight",
                "model.layers.0.mlp.shared_experts.0.up_proj.weight");
    }

    @Test
    void allocated_small_model_has_the_counted_parameters_and_tied_head() {
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(MiniMindConfig.of(512, 8, false), manager, 42)) {
            long allocated = model.parameters().stream().mapToLong(a -> a.getShape().size()).sum();
            assertThat(allocated).isEqualTo(25_829_888L);
            assertThat(model.stateDict().get("lm_head.weight"))
                    .isSameAs(model.stateDict().get("model.embed_tokens.weight"));
            assertThat(model.parameters()).allMatch(NDArray::hasGradient);
        }
    }

    @Test
    void initialisation_is_uniform_within_one_over_sqrt_fan_in_and_norms_are_one() {
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.dense(), manager, 7)) {
            float bound = (float) (1 / Math.sqrt(64));
            NDArray embed = model.stateDict().get("model.embed_tokens.weight");
            assertThat(embed.abs().max().getFloat()).isLessThanOrEqualTo(bound).isGreaterThan(bound * 0.9f);
            NDArray down = model.stateDict().get("model.layers.0.mlp.down_proj.weight");
            float downBound = (float) (1 / Math.sqrt(TinyConfigs.dense().intermediateSize()));
            assertThat(down.abs().max().getFloat()).isLessThanOrEqualTo(downBound).isGreaterThan(downBound * 0.9f);
            assertThat(model.stateDict().get("model.norm.weight").toFloatArray()).containsOnly(1f);
        }
    }

    @Test
    void same_seed_gives_same_weights_and_other_seed_differs() {
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM a = new MiniMindForCausalLM(TinyConfigs.dense(), manager, 3);
             MiniMindForCausalLM b = new MiniMindForCausalLM(TinyConfigs.dense(), manager, 3);
             MiniMindForCausalLM c = new MiniMindForCausalLM(TinyConfigs.dense(), manager, 4)) {
            String key = "model.layers.1.self_attn.k_proj.weight";
            assertThat(a.stateDict().get(key).toFloatArray()).containsExactly(b.stateDict().get(key).toFloatArray());
            assertThat(a.stateDict().get(key).toFloatArray()).isNotEqualTo(c.stateDict().get(key).toFloatArray());
        }
    }
}
