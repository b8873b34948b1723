package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.minimind.engine.tensor.Consts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One pre-norm block (spec 1.4 step 4): {@code h += Attn(norm_in(h)); h += FFN(norm_post(h))}. */
final class DecoderLayer {
    private final Attention self_attn;
    private final NDArray input_layernorm;
    private final NDArray post_attention_layernorm;
    private final FeedForward mlp;
    private final MoeFeedForward moe;
    private final NDArray eps;

    DecoderLayer(MiniMindConfig config, int layer, Map<String, NDArray> params, Consts consts) {
        String p = ParameterLayout.layerPrefix(layer);
        this.self_attn = new Attention(config, layer, params, consts);
        this.input_layernorm = params.get(p + "input_layernorm.weight");
        this.post_attention_layernorm = params.get(p + "post_attention_layernorm.weight");
        this.mlp = config.useMoe() ? null : new FeedForward(p + "mlp.", params);
        this.moe = config.useMoe() ? new MoeFeedForward(config, layer, params, consts) : null;
        this.eps = consts.of(config.rmsNormEps());
    }

    /** Hidden state after the block and this layer's MoE aux loss (null for dense or eval). */
    record Result(NDArray hidden, NDArray auxLoss) {
    }

    List<Projection> projections() {
        List<Projection> out = new ArrayList<>(self_attn.projections());
        out.addAll(moe == null ? mlp.projections() : moe.projections());
        return out;
    }

    /** h (B, T, H). */
    Result forward(NDArray h, Rope.Slice rope, NDArray mask, KvCache cache, boolean training) {
        NDArray attn = self_attn.forward(RmsNorm.apply(h, input_layernorm, eps), rope, mask, cache); // (B, T, H)
        NDArray afterAttn = h.add(attn);                                                             // (B, T, H)
        NDArray normed = RmsNorm.apply(afterAttn, post_attention_layernorm, eps);                    // (B, T, H)
        if (moe == null) {
            return new Result(afterAttn.add(mlp.forward(normed)), null);                             // (B, T, H)
        }
        MoeFeedForward.Result routed = moe.forward(normed, training);
        return new Result(afterAttn.add(routed.output()), routed.auxLoss());                         // (B, T, H)
    }
}
