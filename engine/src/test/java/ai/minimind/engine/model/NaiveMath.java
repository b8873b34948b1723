package ai.minimind.engine.model;

import java.util.Random;

/** Plain-Java reference implementations on float[] (row-major), written straight from the spec's formulas. */
final class NaiveMath {
    private NaiveMath() {
    }

    static float[] random(Random random, int n, float scale) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (random.nextFloat() * 2 - 1) * scale;
        }
        return out;
    }

    /** y = W x for W (out, in) row-major. */
    static float[] linear(float[] w, int out, int in, float[] x) {
        float[] y = new float[out];
        for (int o = 0; o < out; o++) {
            double s = 0;
            for (int i = 0; i < in; i++) {
                s += w[o * in + i] * x[i];
            }
            y[o] = (float) s;
        }
        return y;
    }

    static float[] rmsNorm(float[] x, float[] w, float eps) {
        double ms = 0;
        for (float v : x) {
            ms += v * v;
        }
        double inv = 1 / Math.sqrt(ms / x.length + eps);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] * inv * w[i]);
        }
        return y;
    }

    /** Rotate-half RoPE on one head vector at absolute position pos. */
    static float[] rope(float[] x, int pos, double theta) {
        int hd = x.length;
        int half = hd / 2;
        float[] y = new float[hd];
        for (int j = 0; j < half; j++) {
            double angle = pos * Math.pow(theta, -2.0 * j / hd);
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            y[j] = (float) (x[j] * c - x[j + half] * s);
            y[j + half] = (float) (x[j + half] * c + x[j] * s);
        }
        return y;
    }

    static float silu(float z) {
        return (float) (z / (1 + Math.exp(-z)));
    }

    static float[] swiglu(float[] gate, float[] up, float[] down, int h, int inter, float[] x) {
        float[] g = linear(gate, inter, h, x);
        float[] u = linear(up, inter, h, x);
        float[] a = new float[inter];
        for (int i = 0; i < inter; i++) {
            a[i] = silu(g[i]) * u[i];
        }
        return linear(down, h, inter, a);
    }

    static float[] softmax(float[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - max);
            sum += e[i];
        }
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (e[i] / sum);
        }
        return y;
    }

    static float[] slice(float[] x, int from, int len) {
        float[] y = new float[len];
        System.arraycopy(x, from, y, 0, len);
        return y;
    }
}
