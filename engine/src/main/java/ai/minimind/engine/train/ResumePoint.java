package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * Where a run starts: 0-based {@code epoch} and the last completed 1-based {@code step} in it (0 = from the start of
 * the epoch), plus the gradients accumulated since the last optimizer update, aligned with the optimizer's
 * parameters (empty when none were pending).
 */
public record ResumePoint(int epoch, int step, List<NDArray> pendingGradients) {
    public static final ResumePoint START = new ResumePoint(0, 0, List.of());

    public ResumePoint {
        if (epoch < 0 || step < 0) {
            throw new IllegalArgumentException("resume point must not be negative: epoch=" + epoch + " step=" + step);
        }
        pendingGradients = List.copyOf(pendingGradients);
    }
}
