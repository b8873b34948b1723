package ai.minimind.engine.model;

/**
 * Naive causal GQA attention over float[]: per batch row, project, rotate, and for query head qh use kv head
 * qh / n_rep (consecutive repetition); softmax over keys 0..i.
 */
final class NaiveAttention {
    private NaiveAttention() {
    }

    static float[] forward(float[] x, int b, int t, int h, int nh, int nkv, float[] wq, float[] wk, float[] wv,
                           float[] wo) {
        int hd = h / nh;
        int nRep = nh / nkv;
        float[] out = new float[b * t * h];
        for (int batch = 0; batch < b; batch++) {
            float[][] q = new float[t][];
            float[][] k = new float[t][];
            float[][] v = new float[t][];
            for (int pos = 0; pos < t; pos++) {
                float[] xi = NaiveMath.slice(x, (batch * t + pos) * h, h);
                q[pos] = rotateHeads(NaiveMath.linear(wq, nh * hd, h, xi), nh, hd, pos);
                k[pos] = rotateHeads(NaiveMath.linear(wk, nkv * hd, h, xi), nkv, hd, pos);
                v[pos] = NaiveMath.linear(wv, nkv * hd, h, xi);
            }
            for (int pos = 0; pos < t; pos++) {
                float[] merged = new float[nh * hd];
                for (int head = 0; head < nh; head++) {
                    int kvHead = head / nRep;
                    float[] scores = new float[pos + 1];
                    for (int key = 0; key <= pos; key++) {
                        double s = 0;
                        for (int d = 0; d < hd; d++) {
                            s += q[pos][head * hd + d] * k[key][kvHead * hd + d];
                        }
                        scores[key] = (float) (s / Math.sqrt(hd));
                    }
                    float[] probs = NaiveMath.softmax(scores);
                    for (int key = 0; key <= pos; key++) {
                        for (int d = 0; d < hd; d++) {
                            merged[head * hd + d] += probs[key] * v[key][kvHead * hd + d];
                        }
                    }
                }
                System.arraycopy(NaiveMath.linear(wo, h, nh * hd, merged), 0, out, (batch * t + pos) * h, h);
            }
        }
        return out;
    }

    private static float[] rotateHeads(float[] x, int heads, int hd, int pos) {
        float[] y = new float[x.length];
        for (int head = 0; head < heads; head++) {
            float[] r = NaiveMath.rope(NaiveMath.slice(x, head * hd, hd), pos, 1e6);
            System.arraycopy(r, 0, y, head * hd, hd);
        }
        return y;
    }
}
