package ai.minimind.engine.generate;

import java.util.Arrays;
import java.util.Random;

/**
 * Picks the next token from one row of logits the way HuggingFace's sampling does (spec 1.11): divide by the
 * temperature, keep the top-k logits (ties with the k-th kept), keep the smallest set of most likely tokens whose
 * probability reaches top-p, then draw from the softmax with a seeded RNG. Greedy is argmax.
 */
public final class Sampler {
    private final GenerationConfig config;
    private final Random random;

    public Sampler(GenerationConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
    }

    public int next(float[] logits) {
        if (config.isGreedy()) {
            return argmax(logits);
        }
        double[] scaled = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            scaled[i] = logits[i] / config.temperature();
        }
        if (config.topK() > 0 && config.topK() < scaled.length) {
            keepTopK(scaled, config.topK());
        }
        double[] probs = softmax(scaled);
        if (config.topP() < 1f) {
            keepTopP(probs, config.topP());
        }
        return draw(probs);
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    private static void keepTopK(double[] scaled, int k) {
        double[] sorted = scaled.clone();
        Arrays.sort(sorted);
        double kth = sorted[sorted.length - k];
        for (int i = 0; i < scaled.length; i++) {
            if (scaled[i] < kth) {
                scaled[i] = Double.NEGATIVE_INFINITY;
            }
        }
    }

    /**
     * HF's TopPLogitsWarper: sorting ascending, drop tokens while the cumulative probability stays at or below
     * 1 - top_p; the most likely token always survives. Dropped tokens get probability 0 (renormalised in draw).
     */
    private static void keepTopP(double[] probs, float topP) {
        Integer[] order = new Integer[probs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probs[a], probs[b]));
        double cumulative = 0;
        for (int rank = 0; rank < order.length - 1; rank++) {
            cumulative += probs[order[rank]];
            if (cumulative > 1.0 - topP) {
                break;
            }
            probs[order[rank]] = 0;
        }
    }

    private static double[] softmax(double[] scaled) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : scaled) {
            max = Math.max(max, v);
        }
        double[] probs = new double[scaled.length];
        double sum = 0;
        for (int i = 0; i < scaled.length; i++) {
            probs[i] = Math.exp(scaled[i] - max);
            sum += probs[i];
        }
        for (int i = 0; i < probs.length; i++) {
            probs[i] /= sum;
        }
        return probs;
    }

    private int draw(double[] probs) {
        double total = 0;
        for (double p : probs) {
            total += p;
        }
        double u = random.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] > 0) {
                last = i;
                u -= probs[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }
}
