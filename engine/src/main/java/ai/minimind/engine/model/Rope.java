package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding, half-split "rotate-half" layout (spec 1.6): {@code x' = x*cos + rot(x)*sin} with
 * {@code rot([x1, x2]) = [-x2, x1]}; frequency {@code f_j = theta^(-2j/hd)}, each of the hd/2 values used for
 * both halves. Only the rows needed by one forward call are built (MiniMind precomputes 32768 of them).
 */
final class Rope {
    private Rope() {
    }

    /** cos and sin rows for absolute positions start .. start+T-1, each (T, hd). */
    record Slice(NDArray cos, NDArray sin) {
    }

    static Slice slice(NDManager manager, int headDim, double theta, int start, int t) {
        int half = headDim / 2;
        float[] freqs = frequencies(headDim, theta);
        float[] cos = new float[t * headDim];
        float[] sin = new float[t * headDim];
        for (int row = 0; row < t; row++) {
            float pos = start + row;
            for (int j = 0; j < half; j++) {
                // float32 product, as torch.outer(t.float(), freqs) computes it
                float angle = pos * freqs[j];
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[row * headDim + j] = c;
                cos[row * headDim + half + j] = c;
                sin[row * headDim + j] = s;
                sin[row * headDim + half + j] = s;
            }
        }
        Shape shape = new Shape(t, headDim);
        return new Slice(manager.create(cos, shape), manager.create(sin, shape));
    }

    /** {@code f_j = 1 / theta^(2j/hd)} in float32, j = 0 .. hd/2-1. */
    static float[] frequencies(int headDim, double theta) {
        float[] freqs = new float[headDim / 2];
        for (int j = 0; j < freqs.length; j++) {
            float exponent = (float) (2 * j) / headDim;
            freqs[j] = 1f / (float) Math.pow(theta, exponent);
        }
        return freqs;
    }

    /** Rotates x (B, T, n, hd) with a slice of T rows. */
    static NDArray apply(NDArray x, Slice slice) {
        long t = x.getShape().get(1);
        long hd = x.getShape().get(3);
        long half = hd / 2;
        NDArray cos = slice.cos().reshape(1, t, 1, hd);                   // (1, T, 1, hd)
        NDArray sin = slice.sin().reshape(1, t, 1, hd);                   // (1, T, 1, hd)
        NDArray x1 = x.get("..., :{}", half);                              // (B, T, n, hd/2)
        NDArray x2 = x.get("..., {}:", half);                              // (B, T, n, hd/2)
        NDArray rotated = x2.neg().concat(x1, -1);                         // (B, T, n, hd)
        return x.mul(cos).add(rotated.mul(sin));                           // (B, T, n, hd)
    }
}
