package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.tensor.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Save, reload into a differently initialised model: logits agree bit for bit. */
class CheckpointRoundTripTest {
    private static final MiniMindConfig TINY = MiniMindConfig.of(64, 2, false);

    private static float[] logits(MiniMindForCausalLM model, NDManager manager) {
        long[] ids = new Random(3).longs(2 * 9, 0, 6400).toArray();
        try (NDManager step = manager.newSubManager()) {
            return model.forward(step.create(ids, new Shape(2, 9)), null).logits().toFloatArray();
        }
    }

    @Test
    void resume_and_weight_files_reload_to_identical_logits(@TempDir Path dir) throws IOException {
        CheckpointPaths paths = CheckpointPaths.of(dir.resolve("out"), dir.resolve("checkpoints"), "pretrain", 64,
                false);
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM saved = new MiniMindForCausalLM(TINY, manager, 1);
             MiniMindForCausalLM fromResume = new MiniMindForCausalLM(TINY, manager, 2);
             MiniMindForCausalLM fromWeights = new MiniMindForCausalLM(TINY, manager, 3);
             MiniMindForCausalLM rounded = new MiniMindForCausalLM(TINY, manager, 4);
             AdamW optimizer = new AdamW(SupervisedTrainer.uniqueParameters(saved), AdamWConfig.pytorchDefaults())) {
            float[] expected = logits(saved, manager);
            assertThat(logits(fromResume, manager)).isNotEqualTo(expected);

            Checkpoints.saveWeights(saved.stateDict(), paths);
            Checkpoints.saveResume(saved.stateDict(), optimizer, new LinkedHashMap<>(),
                    new ResumeState(0, 7, 1, 3, 64, 2, false, null), paths);

            Checkpoints.Loaded loaded = Checkpoints.loadResume(paths, manager).orElseThrow();
            fromResume.load(loaded.model());
            assertThat(loaded.state().step()).isEqualTo(7);
            assertThat(logits(fromResume, manager)).containsExactly(expected);

            // fp16 weights: equal to the fp32 model rounded to fp16, bit for bit, and both tied keys are written
            LinkedHashMap<String, NDArray> half = SafeTensors.read(paths.weights(), manager);
            assertThat(half).containsKeys("model.embed_tokens.weight", "lm_head.weight");
            fromWeights.load(half);
            LinkedHashMap<String, NDArray> roundedState = new LinkedHashMap<>();
            saved.stateDict().forEach((k, v) -> roundedState.put(k,
                    v.toType(DataType.FLOAT16, true).toType(DataType.FLOAT32, true)));
            rounded.load(roundedState);
            assertThat(logits(fromWeights, manager)).containsExactly(logits(rounded, manager));
            assertThat(Files.readAllBytes(paths.checkpointWeights())).isEqualTo(Files.readAllBytes(paths.weights()));
        }
    }

    @Test
    void a_torn_resume_pair_is_detected(@TempDir Path dir) throws IOException {
        CheckpointPaths paths = CheckpointPaths.of(dir, dir, "pretrain", 64, false);
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(TINY, manager, 1);
             AdamW optimizer = new AdamW(SupervisedTrainer.uniqueParameters(model), AdamWConfig.pytorchDefaults())) {
            Checkpoints.saveResume(model.stateDict(), optimizer, new LinkedHashMap<>(),
                    new ResumeState(0, 7, 1, 3, 64, 2, false, null), paths);
            Files.writeString(paths.resumeJson(), Files.readString(paths.resumeJson()).replace("7", "9"));
            assertThatThrownBy(() -> Checkpoints.loadResume(paths, manager))
                    .hasMessageContaining("resume checkpoint is inconsistent")
                    .hasMessageContaining(paths.resumeJson().toString());
        }
    }
}
