package ai.minimind.engine.cli;

import ai.minimind.engine.train.TrainConfig;
import picocli.CommandLine.Option;

/**
 * MiniMind's supervised trainer flags (spec 5.1), names exactly as argparse spells them; defaults come from the
 * subcommand's {@link TrainerDefaults}.
 */
final class SupervisedOptions {
    @Option(names = "--save_dir", description = "output folder for the weights (default: ${DEFAULT-VALUE})")
    String saveDir;
    @Option(names = "--save_weight", description = "weight name prefix (default: ${DEFAULT-VALUE})")
    String saveWeight;
    @Option(names = "--epochs", description = "default: ${DEFAULT-VALUE}")
    int epochs;
    @Option(names = "--batch_size", description = "default: ${DEFAULT-VALUE}")
    int batchSize;
    @Option(names = "--learning_rate", description = "peak-schedule lr0 (default: ${DEFAULT-VALUE})")
    double learningRate;
    @Option(names = "--device", description = "cpu, cuda or cuda:N (default: cuda:0 if available, else cpu)")
    String device;
    @Option(names = "--dtype", description = "bfloat16 or float16; CPU always trains in float32"
            + " (default: ${DEFAULT-VALUE})")
    String dtype;
    @Option(names = "--num_workers", description = "accepted for compatibility (default: ${DEFAULT-VALUE})")
    int numWorkers;
    @Option(names = "--accumulation_steps", description = "default: ${DEFAULT-VALUE}")
    int accumulationSteps;
    @Option(names = "--grad_clip", description = "global-norm clip; <= 0 disables (default: ${DEFAULT-VALUE})")
    double gradClip;
    @Option(names = "--log_interval", description = "default: ${DEFAULT-VALUE}")
    int logInterval;
    @Option(names = "--save_interval", description = "default: ${DEFAULT-VALUE}")
    int saveInterval;
    @Option(names = "--hidden_size", description = "default: ${DEFAULT-VALUE}")
    int hiddenSize;
    @Option(names = "--num_hidden_layers", description = "default: ${DEFAULT-VALUE}")
    int numHiddenLayers;
    @Option(names = "--max_seq_len", description = "default: ${DEFAULT-VALUE}")
    int maxSeqLen;
    @Option(names = "--use_moe", description = "0 or 1 (default: ${DEFAULT-VALUE})")
    int useMoe;
    @Option(names = "--data_path", description = "JSONL training data (default: ${DEFAULT-VALUE})")
    String dataPath;
    @Option(names = "--from_weight", description = "start from ../out/<name>_<H>.safetensors, or none"
            + " (default: ${DEFAULT-VALUE})")
    String fromWeight;
    @Option(names = "--from_resume", description = "0 or 1: continue from ../checkpoints (default: ${DEFAULT-VALUE})")
    int fromResume;
    @Option(names = "--use_wandb", description = "accepted; tracking is not available in the builtin engine")
    boolean useWandb;
    @Option(names = "--wandb_project", description = "default: ${DEFAULT-VALUE}")
    String wandbProject;
    @Option(names = "--tokenizer_path", description = "folder holding tokenizer.json (default: ${DEFAULT-VALUE})")
    String tokenizerPath;

    /** The validated configuration; a bad value throws IllegalArgumentException naming the flag. */
    TrainConfig toConfig() {
        return new TrainConfig(saveDir, saveWeight, epochs, batchSize, learningRate, device, dtype, numWorkers,
                accumulationSteps, gradClip, logInterval, saveInterval, hiddenSize, numHiddenLayers, maxSeqLen,
                zeroOrOne("use_moe", useMoe), dataPath, fromWeight, zeroOrOne("from_resume", fromResume), useWandb,
                wandbProject, tokenizerPath);
    }

    private static boolean zeroOrOne(String flag, int value) {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("--" + flag + " must be 0 or 1, got " + value);
        }
        return value == 1;
    }
}
