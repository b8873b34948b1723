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
        return slice(manager, frequencies(headDim, theta), start, t);
    }

    /** As above with precomputed frequencies ({@link #frequencies(MiniMindConfig)}), hd = 2 * freqs.length. */
    static Slice slice(NDManager manager, float[] freqs, int start, int t) {
        int half = freqs.length;
        int headDim = 2 * half;
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

    /**
     * The model's frequencies: {@link #frequencies(int, double)}, then MiniMind's YaRN-like rescaling when
     * {@code rope_scaling} is set and {@code max_position_embeddings / original_max > 1} (spec 1.6): with
     * {@code c} the first j whose wavelength {@code 2 pi / f_j} exceeds original_max (hd/2 if none),
     * {@code p_j = j / max(hd/2 - 1, 1)}, {@code b_j = beta_slow + (beta_fast - beta_slow) p_j}, f_j is multiplied by
     * {@code (b_j factor - b_j + 1) / (b_j factor)} for j < c and by {@code 1 / factor} otherwise. Float32 throughout,
     * as torch computes it.
     */
    static float[] frequencies(MiniMindConfig config) {
        float[] freqs = frequencies(config.headDim(), config.ropeTheta());
        RopeScaling scaling = config.ropeScaling();
        if (scaling == null
                || (double) config.maxPositionEmbeddings() / scaling.originalMaxPositionEmbeddings() <= 1.0) {
            return freqs;
        }
        int half = freqs.length;
        int corrDim = half;
        for (int j = 0; j < half; j++) {
            if ((float) (2 * Math.PI) / freqs[j] > scaling.originalMaxPositionEmbeddings()) {
                corrDim = j;
                break;
            }
        }
        float factor = scaling.factor();
        for (int j = 0; j < half; j++) {
            float power = (float) j / Math.max(half - 1, 1);
            float beta = scaling.betaSlow() + (scaling.betaFast() - scaling.betaSlow()) * power;
            float scale = j < corrDim ? (beta * factor - beta + 1) / (beta * factor) : 1f / factor;
            freqs[j] = freqs[j] * scale;
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
