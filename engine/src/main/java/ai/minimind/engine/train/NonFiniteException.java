package ai.minimind.engine.train;

/**
 * Training diverged: a step's loss or gradient norm is NaN or infinite ({@link TrainLoop}), or a save step found
 * weights that are not finite in the save dtype ({@link WeightCheck}). Either way training stops before anything of
 * that step is applied or written, so the previous weights and resume files stay as they were.
 */
public final class NonFiniteException extends RuntimeException {
    private static final String KEPT = "; training stopped, the last saved weights are kept";
    private final int epoch;
    private final int step;

    private NonFiniteException(int epoch, int step, String message) {
        super(message + KEPT);
        this.epoch = epoch;
        this.step = step;
    }

    /** {@code what} (loss, gradient norm) is {@code value} at that step. */
    public static NonFiniteException of(int epoch, int step, String what, double value) {
        return new NonFiniteException(epoch, step,
                what + " is " + value + " at epoch " + (epoch + 1) + " step " + step);
    }

    /** The weights about to be saved at that step hold {@code problem}. */
    public static NonFiniteException weights(int epoch, int step, String problem) {
        return new NonFiniteException(epoch, step,
                "refusing to save the weights of epoch " + (epoch + 1) + " step " + step + ": " + problem);
    }

    /** 0-based epoch of the failing step. */
    public int epoch() {
        return epoch;
    }

    /** 1-based step within the epoch. */
    public int step() {
        return step;
    }
}
