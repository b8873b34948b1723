package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * RMSNorm (spec 1.5): {@code y = w * x / sqrt(mean(x^2) + eps)} over the last axis. The engine runs in float32
 * throughout, so MiniMind's "normalise in float32, cast back" is the identity cast here.
 */
final class RmsNorm {
    private RmsNorm() {
    }

    /** {@code eps} is a long-lived scalar array (see Consts). */
    static NDArray apply(NDArray x, NDArray weight, NDArray eps) {
        NDArray meanSquare = x.square().mean(new int[] {-1}, true);  // (..., 1)
        NDArray rms = meanSquare.add(eps).sqrt();                     // (..., 1)
        NDArray normed = x.div(rms);                                  // (..., H)
        return normed.mul(weight);                                    // (..., H)
    }
}
