package ai.minimind.engine.train;

/**
 * Observes every completed step; returning {@code false} stops the run cleanly after that step (used by tests that
 * interrupt and resume, and by callers that want a step budget).
 */
@FunctionalInterface
public interface StepListener {
    StepListener NONE = report -> true;

    boolean onStep(StepReport report);
}
