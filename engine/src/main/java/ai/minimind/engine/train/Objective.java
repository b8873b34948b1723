package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * The differentiable part of a trainer: runs inside the gradient collector and returns the scalar loss of one
 * micro-batch (undivided by the accumulation steps; the loop does that). Pretrain and SFT use
 * {@link MaskedCrossEntropy}; LoRA, DPO and the RL trainers plug in their own.
 */
@FunctionalInterface
public interface Objective<B> {
    NDArray loss(B batch);
}
