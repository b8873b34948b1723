package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.tensor.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --use_moe 1} through the trainers: MoE files under the {@code _moe} names, reloaded by the next stage. */
class MoeTrainingTest {
    @TempDir
    Path root;

    @Test
    void moe_pretrain_writes_the_moe_file_lowers_the_loss_and_sft_reloads_it() throws IOException {
        TinyRun pretrain = new TinyRun(root);
        pretrain.useMoe = true;
        pretrain.saveInterval = 20;
        List<StepReport> reports = pretrain.run(SupervisedTask.PRETRAIN, 20);
        assertThat(TinyRun.meanLoss(reports, 15, 20)).isLessThan(TinyRun.meanLoss(reports, 0, 3) - 1.0);
        Path weights = pretrain.out("pretrain_64_moe.safetensors");
        assertThat(weights).isRegularFile();
        assertThat(pretrain.out("pretrain_64.safetensors")).doesNotExist();
        assertThat(pretrain.checkpoints("pretrain_64_moe_resume.json")).content().contains("\"use_moe\" : true");

        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(MiniMindConfig.of(64, 2, true), manager, 1)) {
            LinkedHashMap<String, NDArray> saved = SafeTensors.read(weights, manager);
            assertThat(saved).containsKeys("model.layers.1.mlp.gate.weight",
                    "model.layers.1.mlp.experts.3.up_proj.weight", "model.layers.1.mlp.shared_experts.0.down_proj.weight")
                    .doesNotContainKey("model.layers.1.mlp.up_proj.weight");
            model.load(saved);   // strict: every key and shape of the MoE model
        }

        TinyRun sft = new TinyRun(root).sft();
        sft.useMoe = true;
        sft.learningRate = 2e-2;
        sft.saveInterval = 15;
        List<StepReport> sftReports = sft.run(SupervisedTask.SFT, 15);
        assertThat(sft.output()).contains("loaded weights from " + weights);
        assertThat(TinyRun.meanLoss(sftReports, 10, 15)).isLessThan(TinyRun.meanLoss(sftReports, 0, 3) - 0.3);
        assertThat(sft.out("full_sft_64_moe.safetensors")).isRegularFile();
    }
}
