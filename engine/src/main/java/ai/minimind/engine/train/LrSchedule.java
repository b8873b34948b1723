package ai.minimind.engine.train;

/**
 * MiniMind's supervised learning-rate schedule (spec 4.5), set before every micro-batch:
 * {@code lr(s) = lr0/10 + 0.5*lr0*(1 + cos(pi*s/S))} with {@code s = epoch*iters + step} and
 * {@code S = epochs*iters}. The floor is additive, so the first step runs at about 1.1*lr0 and the last at 0.1*lr0.
 */
public final class LrSchedule {
    private LrSchedule() {
    }

    /** The learning rate for global micro-batch {@code s} of {@code total}. */
    public static double cosine(double lr0, long s, long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("total steps must be positive: " + total);
        }
        return lr0 / 10 + 0.5 * lr0 * (1 + Math.cos(Math.PI * s / total));
    }
}
