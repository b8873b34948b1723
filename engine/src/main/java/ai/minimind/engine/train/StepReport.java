package ai.minimind.engine.train;

/**
 * What one completed micro-batch did: position, undivided loss (MoE aux included), the learning rate it ran at,
 * whether the optimizer stepped and whether files were saved after it.
 */
public record StepReport(int epoch, int step, int iters, double loss, double lr, boolean updated, boolean saved,
                         long tokens) {
}
