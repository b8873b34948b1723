package ai.minimind.engine.train;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointPathsTest {

    @Test
    void names_follow_minimind_with_safetensors_files() {
        CheckpointPaths paths = CheckpointPaths.of(Path.of("../out"), Path.of("../checkpoints"), "pretrain", 512,
                false);
        assertThat(paths.weights()).isEqualTo(Path.of("../out/pretrain_512.safetensors"));
        assertThat(paths.checkpointWeights()).isEqualTo(Path.of("../checkpoints/pretrain_512.safetensors"));
        assertThat(paths.resumeTensors()).isEqualTo(Path.of("../checkpoints/pretrain_512_resume.safetensors"));
        assertThat(paths.resumeJson()).isEqualTo(Path.of("../checkpoints/pretrain_512_resume.json"));
    }

    @Test
    void moe_models_get_the_suffix_and_from_weight_reads_out() {
        assertThat(CheckpointPaths.stem("full_sft", 640, true)).isEqualTo("full_sft_640_moe");
        assertThat(CheckpointPaths.fromWeight(Path.of("/w/out"), "pretrain", 768, false))
                .isEqualTo(Path.of("/w/out/pretrain_768.safetensors"));
    }
}
