package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

import java.util.List;

/**
 * Gradient bookkeeping DJL leaves to us: the global L2 norm, PyTorch-style global-norm clipping
 * ({@code clip_grad_norm_}: scale every gradient by {@code min(1, max_norm / (norm + 1e-6))}), and zeroing.
 * Gradients accumulate across {@code backward()} calls until {@link #zero} (djl-pitfalls.md traps 6, 7).
 */
public final class Gradients {
    private static final NDIndex ALL = new NDIndex("...");

    private Gradients() {
    }

    /** sqrt of the sum of squares of every gradient element (NaN or infinite if any element is). */
    public static double globalNorm(List<NDArray> params) {
        double sumOfSquares = 0;
        try (NDScope ignored = new NDScope()) {
            for (NDArray p : params) {
                sumOfSquares += p.getGradient().square().sum().toType(DataType.FLOAT64, false)
                        .getDouble();
            }
        }
        return Math.sqrt(sumOfSquares);
    }

    /**
     * Scales the gradients in place so their global norm is at most {@code maxNorm}; returns the norm before
     * clipping. A non-finite norm leaves the gradients untouched (the caller decides what to do).
     */
    public static double clipGlobalNorm(List<NDArray> params, double maxNorm) {
        double norm = globalNorm(params);
        double coefficient = maxNorm / (norm + 1e-6);
        if (Double.isFinite(norm) && coefficient < 1) {
            try (NDScope ignored = new NDScope()) {
                NDArray scale = params.get(0).getManager().create((float) coefficient);
                for (NDArray p : params) {
                    p.getGradient().muli(scale);
                }
            }
        }
        return norm;
    }

    /** Sets every gradient to zero (a fill, so NaN gradients are cleared too). */
    public static void zero(List<NDArray> params) {
        try (NDScope ignored = new NDScope()) {
            for (NDArray p : params) {
                p.getGradient().set(ALL, 0f);
            }
        }
    }
}
