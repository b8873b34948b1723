package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.minimind.engine.tensor.Consts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mixture-of-experts feed-forward (spec 1.9). Per token: {@code scores = softmax(x G^T)}, top-k experts,
 * weights renormalised to sum 1 (if k > 1 and norm_topk_prob), output {@code sum_k w_k Expert_k(x) +
 * sum_s Shared_s(x)}. Dense math: every expert runs on every token and unchosen experts get weight 0, which is
 * the same function as MiniMind's routed paths (its float16 training buffer is not reproduced).
 */
final class MoeFeedForward {
    private final MiniMindConfig config;
    private final NDArray gate;
    private final List<FeedForward> experts = new ArrayList<>();
    private final List<FeedForward> sharedExperts = new ArrayList<>();
    private final Consts consts;

    MoeFeedForward(MiniMindConfig config, int layer, Map<String, NDArray> params, Consts consts) {
        this.config = config;
        this.consts = consts;
        String p = ParameterLayout.layerPrefix(layer) + "mlp.";
        this.gate = params.get(p + "gate.weight");
        for (int e = 0; e < config.nRoutedExperts(); e++) {
            experts.add(new FeedForward(p + "experts." + e + ".", params));
        }
        for (int s = 0; s < config.nSharedExperts(); s++) {
            sharedExperts.add(new FeedForward(p + "shared_experts." + s + ".", params));
        }
    }

    /** Experts' projections, then the shared experts' (the gate is a raw parameter, not a Linear). */
    List<Projection> projections() {
        List<Projection> out = new ArrayList<>();
        experts.forEach(e -> out.addAll(e.projections()));
        sharedExperts.forEach(e -> out.addAll(e.projections()));
        return out;
    }

    /** Output and the layer's auxiliary load-balance loss (null unless training with alpha > 0). */
    record Result(NDArray output, NDArray auxLoss) {
    }

    /** x (B, T, H). */
    Result forward(NDArray x, boolean training) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int k = config.numExpertsPerTok();
        int nExperts = config.nRoutedExperts();
        NDArray scores = Linear.apply(x, gate).softmax(-1);                        // (B, T, E)
        NDArray topIdx = scores.topK(k, -1, true, false).get(1);                  // (B, T, k) int64
        NDArray chosen = topIdx.oneHot(nExperts, DataType.FLOAT32).sum(new int[] {2}); // (B, T, E) 0/1
        NDArray weights = scores.mul(chosen);                                     // (B, T, E), 0 if unchosen
        if (k > 1 && config.normTopkProb()) {
            NDArray denom = weights.sum(new int[] {-1}, true).add(consts.of(1e-20f)); // (B, T, 1)
            weights = weights.div(denom);                                         // (B, T, E)
        }
        NDArray out = null;
        for (int e = 0; e < nExperts; e++) {
            NDArray w = weights.get("..., {}:{}", e, e + 1);                      // (B, T, 1)
            NDArray y = experts.get(e).forward(x).mul(w);                         // (B, T, H)
            out = out == null ? y : out.add(y);                                   // (B, T, H)
        }
        for (FeedForward shared : sharedExperts) {
            out = out.add(shared.forward(x));                                     // (B, T, H)
        }
        NDArray aux = training && config.auxLossAlpha() > 0 ? auxLoss(scores, chosen, b, t) : null;
        return new Result(out, aux);
    }

    /**
     * Load-balance loss. seq_aux: {@code c[b,e] = count[b,e] / (T*k/E)}, {@code P[b,e] = mean_t scores},
     * {@code alpha * mean_b sum_e c*P}. Otherwise {@code alpha * sum_e (E * frac_selected_e) * mean_scores_e}.
     * The counts carry no gradient (MiniMind builds them with scatter_add of ones).
     */
    private NDArray auxLoss(NDArray scores, NDArray chosen, long b, long t) {
        int k = config.numExpertsPerTok();
        int nExperts = config.nRoutedExperts();
        NDArray alpha = consts.of(config.auxLossAlpha());
        if (config.seqAux()) {
            NDArray c = chosen.sum(new int[] {1}).mul(consts.of((float) nExperts / (t * k)));  // (B, E)
            NDArray p = scores.mean(new int[] {1});                                          // (B, E)
            return c.mul(p).sum(new int[] {1}).mean().mul(alpha);                            // ()
        }
        NDArray chosenFlat = chosen.reshape(b * t, nExperts);                                    // (N, E)
        NDArray fi = chosenFlat.sum(new int[] {0}).mul(consts.of((float) nExperts / (b * t * k))); // (E)
        NDArray pi = scores.reshape(b * t, nExperts).mean(new int[] {0});                          // (E)
        return pi.mul(fi).sum().mul(alpha);                                                       // ()
    }
}
