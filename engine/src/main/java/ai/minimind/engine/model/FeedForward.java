package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import java.util.Map;

/** SwiGLU feed-forward (spec 1.8): {@code down(silu(gate x) * up x)}, bias-free; also one MoE expert. */
final class FeedForward {
    private final NDArray gate_proj;
    private final NDArray down_proj;
    private final NDArray up_proj;

    /** {@code prefix} is e.g. {@code model.layers.0.mlp.} or {@code model.layers.0.mlp.experts.1.}. */
    FeedForward(String prefix, Map<String, NDArray> params) {
        this.gate_proj = params.get(prefix + "gate_proj.weight");
        this.down_proj = params.get(prefix + "down_proj.weight");
        this.up_proj = params.get(prefix + "up_proj.weight");
    }

    /** x (..., H) to (..., H). */
    NDArray forward(NDArray x) {
        NDArray gate = Linear.apply(x, gate_proj);            // (..., I)
        NDArray silu = gate.mul(Activation.sigmoid(gate));     // (..., I), silu(z) = z * sigmoid(z)
        NDArray up = Linear.apply(x, up_proj);                 // (..., I)
        return Linear.apply(silu.mul(up), down_proj);          // (..., H)
    }
}
