package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.tensor.Consts;

import java.util.List;
import java.util.Map;

/**
 * Grouped-query causal self-attention (spec 1.7): q has nh heads, k and v have nkv heads, each kv head repeated
 * consecutively n_rep times; scores {@code q k^T / sqrt(hd)} plus an additive causal mask, softmax, times v.
 */
final class Attention {
    private final MiniMindConfig config;
    private final int layer;
    private final Projection q_proj;
    private final Projection k_proj;
    private final Projection v_proj;
    private final Projection o_proj;
    private final NDArray scale;

    Attention(MiniMindConfig config, int layer, Map<String, NDArray> params, Consts consts) {
        this.config = config;
        this.layer = layer;
        String p = ParameterLayout.layerPrefix(layer) + "self_attn.";
        this.q_proj = new Projection(p + "q_proj", params.get(p + "q_proj.weight"));
        this.k_proj = new Projection(p + "k_proj", params.get(p + "k_proj.weight"));
        this.v_proj = new Projection(p + "v_proj", params.get(p + "v_proj.weight"));
        this.o_proj = new Projection(p + "o_proj", params.get(p + "o_proj.weight"));
        this.scale = consts.of((float) (1.0 / Math.sqrt(config.headDim())));
    }

    /**
     * x (B, T, H); mask additive, (T, S) or (B|1, 1, T, S), or null; cache null or updated in place.
     * Returns (B, T, H).
     */
    NDArray forward(NDArray x, Rope.Slice rope, NDArray mask, KvCache cache) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int nh = config.numAttentionHeads();
        int nkv = config.numKeyValueHeads();
        int hd = config.headDim();
        NDArray q = q_proj.forward(x).reshape(b, t, nh, hd);           // (B, T, nh, hd)
        NDArray k = k_proj.forward(x).reshape(b, t, nkv, hd);          // (B, T, nkv, hd)
        NDArray v = v_proj.forward(x).reshape(b, t, nkv, hd);          // (B, T, nkv, hd)
        q = Rope.apply(q, rope);                                       // (B, T, nh, hd)
        k = Rope.apply(k, rope);                                       // (B, T, nkv, hd)
        if (cache != null) {
            NDArray[] full = cache.append(layer, k, v);
            k = full[0];                                               // (B, S, nkv, hd), S = past + T
            v = full[1];                                               // (B, S, nkv, hd)
        }
        NDArray qh = q.transpose(0, 2, 1, 3);                          // (B, nh, T, hd)
        NDArray kh = repeatKv(k, x).transpose(0, 2, 3, 1);             // (B, nh, hd, S)
        NDArray vh = repeatKv(v, x).transpose(0, 2, 1, 3);             // (B, nh, S, hd)
        NDArray scores = qh.matMul(kh).mul(scale);                     // (B, nh, T, S)
        if (mask != null) {
            scores = scores.add(mask);                                 // (B, nh, T, S), mask broadcast
        }
        NDArray probs = scores.softmax(-1);                            // (B, nh, T, S)
        NDArray out = probs.matMul(vh)                                 // (B, nh, T, hd)
                .transpose(0, 2, 1, 3)                                 // (B, T, nh, hd)
                .reshape(b, t, (long) nh * hd);                        // (B, T, nh*hd)
        return o_proj.forward(out);                                    // (B, T, H)
    }

    List<Projection> projections() {
        return List.of(q_proj, k_proj, v_proj, o_proj);
    }

    /**
     * Repeats each kv head n_rep times consecutively: kv head g serves query heads g*n_rep .. g*n_rep+n_rep-1
     * (torch's {@code x[:, :, :, None, :].expand(...).reshape(...)}). Results go to the step's manager.
     */
    private NDArray repeatKv(NDArray kv, NDArray stepAnchor) {
        Shape s = kv.getShape();
        long b = s.get(0);
        long len = s.get(1);
        long nkv = s.get(2);
        long hd = s.get(3);
        int nRep = config.nRep();
        // A cached kv lives in the cache's manager: move the first view to the step's manager, so every
        // array derived from it is freed with the step.
        NDArray unsqueezed = kv.expandDims(3);                          // (B, S, nkv, 1, hd)
        unsqueezed.attach(stepAnchor.getManager());
        return unsqueezed.broadcast(b, len, nkv, nRep, hd)              // (B, S, nkv, n_rep, hd)
                .reshape(b, len, nkv * nRep, hd);                       // (B, S, nh, hd)
    }
}
