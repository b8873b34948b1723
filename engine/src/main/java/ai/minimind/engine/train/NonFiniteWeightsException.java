package ai.minimind.engine.train;

/**
 * A save step found weights that are not finite in the save dtype ({@link WeightCheck}): training stops before any
 * file of that step is written, so the previous weights and resume files stay as they were.
 */
public final class NonFiniteWeightsException extends RuntimeException {
    private final int epoch;
    private final int step;

    public NonFiniteWeightsException(int epoch, int step, String problem) {
        super("refusing to save the weights of epoch " + (epoch + 1) + " step " + step + ": " + problem
                + "; training stopped, the last saved weights are kept");
        this.epoch = epoch;
        this.step = step;
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
