package ai.minimind.engine.train;

/** The loss (or the gradient norm) of a step is NaN or infinite: training stops before anything is saved. */
public final class NonFiniteLossException extends RuntimeException {
    private final int epoch;
    private final int step;

    public NonFiniteLossException(int epoch, int step, String what, double value) {
        super(what + " is " + value + " at epoch " + (epoch + 1) + " step " + step
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
