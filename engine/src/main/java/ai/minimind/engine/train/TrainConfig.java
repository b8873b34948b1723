package ai.minimind.engine.train;

/**
 * Every command-line setting of a supervised MiniMind trainer (spec 5.1), MiniMind's names in the comments. Paths
 * are as given (relative ones resolve against the trainer's working directory, like MiniMind's {@code trainer/}).
 * {@code device} null means "cuda:0 if libtorch sees a GPU, else cpu".
 */
public record TrainConfig(
        String saveDir,            // --save_dir
        String saveWeight,         // --save_weight
        int epochs,                // --epochs
        int batchSize,             // --batch_size
        double learningRate,       // --learning_rate
        String device,             // --device
        String dtype,              // --dtype
        int numWorkers,            // --num_workers
        int accumulationSteps,     // --accumulation_steps
        double gradClip,           // --grad_clip
        int logInterval,           // --log_interval
        int saveInterval,          // --save_interval
        int hiddenSize,            // --hidden_size
        int numHiddenLayers,       // --num_hidden_layers
        int maxSeqLen,             // --max_seq_len
        boolean useMoe,            // --use_moe 0|1
        String dataPath,           // --data_path
        String fromWeight,         // --from_weight ("none" = random init)
        boolean fromResume,        // --from_resume 0|1
        boolean useWandb,          // --use_wandb
        String wandbProject,       // --wandb_project
        String tokenizerPath) {    // --tokenizer_path

    public TrainConfig {
        if (hiddenSize <= 0 || numHiddenLayers <= 0) {
            throw new IllegalArgumentException("hidden_size and num_hidden_layers must be positive: hidden_size="
                    + hiddenSize + " num_hidden_layers=" + numHiddenLayers);
        }
        if (maxSeqLen < 2) {
            throw new IllegalArgumentException("max_seq_len must be at least 2: " + maxSeqLen);
        }
        if (numWorkers < 0) {
            throw new IllegalArgumentException("num_workers must not be negative: " + numWorkers);
        }
        requireText("save_dir", saveDir);
        requireText("save_weight", saveWeight);
        requireText("data_path", dataPath);
        requireText("from_weight", fromWeight);
        requireText("tokenizer_path", tokenizerPath);
        loopSettings(epochs, batchSize, learningRate, accumulationSteps, gradClip, logInterval, saveInterval);
    }

    /** The loop's share of the settings. */
    public LoopSettings loopSettings() {
        return loopSettings(epochs, batchSize, learningRate, accumulationSteps, gradClip, logInterval, saveInterval);
    }

    private static LoopSettings loopSettings(int epochs, int batchSize, double learningRate, int accumulationSteps,
                                             double gradClip, int logInterval, int saveInterval) {
        return new LoopSettings(epochs, batchSize, learningRate, accumulationSteps, gradClip, logInterval,
                saveInterval);
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
