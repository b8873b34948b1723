package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.tensor.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateDictTest {
    @TempDir
    Path dir;

    @Test
    void save_then_load_gives_bit_identical_logits() throws IOException {
        for (MiniMindConfig config : new MiniMindConfig[] {TinyConfigs.dense(), TinyConfigs.moe()}) {
            try (NDManager root = NDManager.newBaseManager();
                 MiniMindForCausalLM source = new MiniMindForCausalLM(config, root, 1);
                 MiniMindForCausalLM target = new MiniMindForCausalLM(config, root, 2)) {
                Path file = dir.resolve("w.safetensors");
                SafeTensors.write(file, source.stateDict(), DataType.FLOAT32);
                NDArray ids = root.create(new long[] {5, 9, 2, 40, 41, 0, 96}, new Shape(1, 7));
                assertThat(logits(target, ids)).isNotEqualTo(logits(source, ids));
                target.load(SafeTensors.read(file, root));
                assertThat(logits(target, ids)).containsExactly(logits(source, ids));
            }
        }
    }

    @Test
    void load_accepts_the_tied_pair_with_only_one_key_and_keeps_parameter_identity() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM source = new MiniMindForCausalLM(TinyConfigs.dense(), root, 1);
             MiniMindForCausalLM target = new MiniMindForCausalLM(TinyConfigs.dense(), root, 2)) {
            NDArray before = target.parameters().get(0);
            LinkedHashMap<String, NDArray> onlyHead = source.stateDict();
            onlyHead.remove("model.embed_tokens.weight");
            target.load(onlyHead);
            assertThat(target.parameters().get(0)).isSameAs(before);
            assertThat(before.hasGradient()).isTrue();
            assertThat(target.stateDict().get("lm_head.weight").toFloatArray())
                    .containsExactly(source.stateDict().get("model.embed_tokens.weight").toFloatArray());
        }
    }

    @Test
    void load_names_every_missing_unexpected_and_mismatched_key() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TinyConfigs.dense(), root, 1)) {
            LinkedHashMap<String, NDArray> bad = model.stateDict();
            bad.remove("model.norm.weight");
            bad.remove("model.embed_tokens.weight");
            bad.remove("lm_head.weight");
            bad.put("model.layers.0.self_attn.q_proj.lora.A.weight", root.zeros(new Shape(8, 64)));
            bad.put("model.layers.1.mlp.up_proj.weight", root.zeros(new Shape(3, 3)));
            assertThatThrownBy(() -> model.load(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing=[model.embed_tokens.weight, model.norm.weight, lm_head.weight]")
                    .hasMessageContaining("unexpected=[model.layers.0.self_attn.q_proj.lora.A.weight]")
                    .hasMessageContaining("model.layers.1.mlp.up_proj.weight expected (192, 64) got (3, 3)");
        }
    }

    @Test
    void load_widens_float16_tensors() {
        try (NDManager root = NDManager.newBaseManager();
             MiniMindForCausalLM source = new MiniMindForCausalLM(TinyConfigs.dense(), root, 1);
             MiniMindForCausalLM target = new MiniMindForCausalLM(TinyConfigs.dense(), root, 2)) {
            LinkedHashMap<String, NDArray> half = new LinkedHashMap<>();
            source.stateDict().forEach((k, v) -> half.put(k, v.toType(DataType.FLOAT16, true)));
            target.load(half);
            NDArray got = target.stateDict().get("model.layers.0.self_attn.q_proj.weight");
            assertThat(got.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(got.toFloatArray()).containsExactly(half.get("model.layers.0.self_attn.q_proj.weight")
                    .toType(DataType.FLOAT32, true).toFloatArray());
        }
    }

    private static float[] logits(MiniMindForCausalLM model, NDArray ids) {
        try (NDManager step = ids.getManager().newSubManager()) {
            NDArray input = ids.duplicate();
            input.attach(step);
            return model.forward(input, null).logits().toFloatArray();
        }
    }
}
