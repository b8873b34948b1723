package ai.minimind.engine.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LoraTest {
    /** hidden 32 with 4 q / 4 kv heads makes q, k, v, o square; FFN stays rectangular. */
    private static final MiniMindConfig SQUARE_KV = new MiniMindConfig(0f, 1, 2, 32, 0, 64, 4, 1, 4, 50, 1e-5f,
            1e6, false, 2, 4, 1, 0.1f, true, true);

    @Test
    void cli_model_gets_rank8_adapters_on_q_and_o_only() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(MiniMindConfig.of(512, 8, false), root, 1)) {
            model.applyLora(8, 42);
            LinkedHashMap<String, NDArray> adapters = model.loraStateDict();
            assertThat(adapters.values().stream().mapToLong(a -> a.getShape().size()).sum()).isEqualTo(131_072L);
            assertThat(adapters.keySet()).hasSize(32).allMatch(k -> k.matches(
                    "model\\.layers\\.\\d\\.self_attn\\.(q_proj|o_proj)\\.lora\\.[AB]\\.weight"));
            assertThat(adapters.get("model.layers.0.self_attn.q_proj.lora.A.weight").getShape())
                    .isEqualTo(new Shape(8, 512));
            assertThat(adapters.get("model.layers.0.self_attn.q_proj.lora.B.weight").getShape())
                    .isEqualTo(new Shape(512, 8));
            List<String> keys = List.copyOf(model.stateDict().keySet());
            int q = keys.indexOf("model.layers.0.self_attn.q_proj.weight");
            assertThat(keys.subList(q, q + 3)).containsExactly("model.layers.0.self_attn.q_proj.weight",
                    "model.layers.0.self_attn.q_proj.lora.A.weight", "model.layers.0.self_attn.q_proj.lora.B.weight");
        }
    }

    @Test
    void adapter_output_equals_the_merged_weight_w_plus_b_times_a() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM adapted = new MiniMindForCausalLM(SQUARE_KV, root, 3);
             MiniMindForCausalLM merged = new MiniMindForCausalLM(SQUARE_KV, root, 4)) {
            NDArray ids = root.create(new long[] {1, 7, 9, 30, 2}, new Shape(1, 5));
            float[] base = adapted.forward(ids, null).logits().toFloatArray();
            adapted.applyLora(4, 5);
            assertThat(adapted.forward(ids, null).logits().toFloatArray()).containsExactly(base);  // B = 0
            adapted.loraStateDict().forEach((k, v) -> {
                if (k.endsWith("B.weight")) {
                    v.set(root.randomUniform(-0.1f, 0.1f, v.getShape()).toFloatArray());
                }
            });
            LinkedHashMap<String, NDArray> mergedWeights = new LinkedHashMap<>();
            adapted.stateDict().forEach((k, v) -> {
                if (!k.contains(".lora.")) {
                    mergedWeights.put(k, v);
                }
            });
            adapted.loraStateDict().forEach((k, v) -> {
                if (k.endsWith("A.weight")) {
                    String module = k.substring(0, k.length() - ".lora.A.weight".length());
                    NDArray b = adapted.loraStateDict().get(module + ".lora.B.weight");
                    mergedWeights.put(module + ".weight", mergedWeights.get(module + ".weight").add(b.matMul(v)));
                }
            });
            assertThat(mergedWeights.keySet()).noneMatch(k -> k.contains("lora"));
            merged.load(mergedWeights);
            float[] want = merged.forward(ids, null).logits().toFloatArray();
            float[] got = adapted.forward(ids, null).logits().toFloatArray();
            assertThat(got).isNotEqualTo(base);
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).isCloseTo(want[i], within(1e-4f));
            }
        }
    }

    @Test
    void frozen_base_leaves_gradients_only_on_adapters() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(SQUARE_KV, root, 3)) {
            model.applyLora(4, 5);
            model.setBaseTrainable(false);
            try (NDManager step = root.newSubManager();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray ids = step.create(new long[] {1, 7, 9, 30, 2}, new Shape(1, 5));
                collector.backward(model.forward(ids, null).logits().logSoftmax(-1).mean());
            }
            assertThat(model.stateDict().get("model.norm.weight").hasGradient()).isFalse();
            assertThat(model.loraStateDict()).allSatisfy((k, v) -> assertThat(v.hasGradient()).isTrue());
            NDArray bGrad = model.loraStateDict().get("model.layers.0.self_attn.q_proj.lora.B.weight").getGradient();
            assertThat(bGrad.abs().sum().getFloat()).isGreaterThan(0f);
        }
    }

    @Test
    void adapters_round_trip_through_load_lora_and_the_full_state_dict() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM source = new MiniMindForCausalLM(SQUARE_KV, root, 3);
             MiniMindForCausalLM target = new MiniMindForCausalLM(SQUARE_KV, root, 3)) {
            source.applyLora(4, 5);
            target.applyLora(4, 6);
            target.loadLora(source.loraStateDict());
            String key = "model.layers.0.self_attn.v_proj.lora.A.weight";
            assertThat(target.loraStateDict().get(key).toFloatArray())
                    .containsExactly(source.loraStateDict().get(key).toFloatArray());
            target.load(source.stateDict());
            LinkedHashMap<String, NDArray> partial = source.loraStateDict();
            partial.remove(key);
            assertThatThrownBy(() -> target.loadLora(partial)).hasMessageContaining("missing=[" + key + "]");
            assertThatThrownBy(() -> target.applyLora(4, 1)).hasMessageContaining("already applied");
        }
    }
}
