package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * MiniMind's supervised loss (spec 5.2): token cross-entropy averaged over the masked-in targets of the whole batch
 * (token-weighted, not per sample), plus the MoE auxiliary loss.
 * <pre>
 *   ce[b,t] = -log softmax(logits[b,t])[y[b,t]]
 *   loss    = sum(ce * mask) / sum(mask) + aux
 * </pre>
 * Only NDArray-by-NDArray operations, so it is safe inside autograd (djl-pitfalls.md trap 1).
 */
public final class MaskedCrossEntropy {
    private MaskedCrossEntropy() {
    }

    /**
     * @param logits (B, T, V) float32
     * @param targets (B, T) int64
     * @param lossMask (B, T) float32, 1 where the target is trained
     * @param auxLoss scalar MoE load-balance loss (0 for a dense model)
     */
    public static NDArray loss(NDArray logits, NDArray targets, NDArray lossMask, NDArray auxLoss) {
        NDArray logProbs = logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).squeeze(-1); // (B, T)
        NDArray maskedSum = logProbs.mul(lossMask).sum().neg();                                    // ()
        return maskedSum.div(lossMask.sum()).add(auxLoss);                                          // ()
    }
}
