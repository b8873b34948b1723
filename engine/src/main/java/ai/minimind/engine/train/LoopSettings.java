package ai.minimind.engine.train;

/**
 * The knobs of {@link TrainLoop} (MiniMind's names in the comments). {@code gradClip <= 0} disables clipping.
 */
public record LoopSettings(
        int epochs,             // --epochs
        int batchSize,          // --batch_size
        double learningRate,    // --learning_rate (lr0 of the cosine schedule)
        int accumulationSteps,  // --accumulation_steps
        double gradClip,        // --grad_clip
        int logInterval,        // --log_interval
        int saveInterval) {     // --save_interval

    public LoopSettings {
        requirePositive("epochs", epochs);
        requirePositive("batch_size", batchSize);
        requirePositive("accumulation_steps", accumulationSteps);
        requirePositive("log_interval", logInterval);
        requirePositive("save_interval", saveInterval);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning_rate must be a positive number: " + learningRate);
        }
        if (Double.isNaN(gradClip)) {
            throw new IllegalArgumentException("grad_clip must be a number: " + gradClip);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
