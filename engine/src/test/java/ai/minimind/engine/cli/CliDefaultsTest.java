package ai.minimind.engine.cli;

import ai.minimind.engine.train.TrainConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults the parsed options carry when no flag is given: {@code train pretrain} and {@code train sft} against
 * spec 5.1's tables, {@code eval} against eval_llm.py's (spec 9.2).
 */
class CliDefaultsTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    private static TrainConfig parsedTrain(String type) {
        CommandLine line = TrainMain.commandLine(Path.of("."), SILENT, SILENT);
        line.parseArgs(type);
        SupervisedCommand command = line.getSubcommands().get(type).getCommand();
        return command.options.toConfig();
    }

    @Test
    void train_pretrain_defaults_are_train_pretrain_py_s() {
        TrainConfig c = parsedTrain("pretrain");
        assertThat(c.saveWeight()).isEqualTo("pretrain");
        assertThat(c.epochs()).isEqualTo(1);
        assertThat(c.batchSize()).isEqualTo(32);
        assertThat(c.learningRate()).isEqualTo(5e-4);
        assertThat(c.accumulationSteps()).isEqualTo(8);
        assertThat(c.dataPath()).isEqualTo("../dataset/pretrain_hq.jsonl");
        assertThat(c.fromWeight()).isEqualTo("none");
        assertThat(c.wandbProject()).isEqualTo("MiniMind-Pretrain");
        assertCommonDefaults(c);
    }

    @Test
    void train_sft_defaults_are_train_full_sft_py_s() {
        TrainConfig c = parsedTrain("sft");
        assertThat(c.saveWeight()).isEqualTo("full_sft");
        assertThat(c.epochs()).isEqualTo(2);
        assertThat(c.batchSize()).isEqualTo(16);
        assertThat(c.learningRate()).isEqualTo(5e-7);
        assertThat(c.accumulationSteps()).isEqualTo(1);
        assertThat(c.dataPath()).isEqualTo("../dataset/sft_mini_512.jsonl");
        assertThat(c.fromWeight()).isEqualTo("pretrain");
        assertThat(c.wandbProject()).isEqualTo("MiniMind-Full-SFT");
        assertCommonDefaults(c);
    }

    private static void assertCommonDefaults(TrainConfig c) {
        assertThat(c.saveDir()).isEqualTo("../out");
        assertThat(c.device()).as("cuda:0 if available else cpu, decided at run time").isNull();
        assertThat(c.dtype()).isEqualTo("bfloat16");
        assertThat(c.numWorkers()).isEqualTo(1);
        assertThat(c.gradClip()).isEqualTo(1.0);
        assertThat(c.logInterval()).isEqualTo(100);
        assertThat(c.saveInterval()).isEqualTo(100);
        assertThat(c.hiddenSize()).isEqualTo(512);
        assertThat(c.numHiddenLayers()).isEqualTo(8);
        assertThat(c.maxSeqLen()).isEqualTo(512);
        assertThat(c.useMoe()).isFalse();
        assertThat(c.fromResume()).isFalse();
        assertThat(c.useWandb()).isFalse();
        assertThat(c.tokenizerPath()).isEqualTo("../model");
    }

    @Test
    void a_flag_overrides_only_its_own_default() {
        CommandLine line = TrainMain.commandLine(Path.of("."), SILENT, SILENT);
        line.parseArgs("sft", "--epochs", "5", "--epochs=3", "--use_moe", "1");
        TrainConfig c = ((SupervisedCommand) line.getSubcommands().get("sft").getCommand()).options.toConfig();
        assertThat(c.epochs()).isEqualTo(3);
        assertThat(c.useMoe()).isTrue();
        assertThat(c.batchSize()).isEqualTo(16);
    }

    @Test
    void eval_defaults_are_eval_llm_py_s() {
        CommandLine line = EvalMain.commandLine(Path.of("."), new ByteArrayInputStream(new byte[0]), SILENT, SILENT);
        line.parseArgs();
        EvalMain eval = line.getCommand();
        assertThat(eval.loadFrom).isEqualTo("model");
        assertThat(eval.saveDir).isEqualTo("out");
        assertThat(eval.weight).isEqualTo("full_sft");
        assertThat(eval.loraWeight).isEqualTo("None");
        assertThat(eval.hiddenSize).isEqualTo(512);
        assertThat(eval.numHiddenLayers).isEqualTo(8);
        assertThat(eval.useMoe).isZero();
        assertThat(eval.inferenceRopeScaling).isFalse();
        assertThat(eval.maxNewTokens).isEqualTo(8192);
        assertThat(eval.temperature).isEqualTo(0.85f);
        assertThat(eval.topP).isEqualTo(0.85f);
        assertThat(eval.historys).isZero();
        assertThat(eval.device).isNull();
    }
}
