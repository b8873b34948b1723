package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import java.util.List;
import java.util.Map;

/** SwiGLU feed-forward (spec 1.8): {@code down(silu(gate x) * up x)}, bias-free; also one MoE expert. */
final class FeedForward {
    private final Projection gate_proj;
    private final Projection down_proj;
    private final Projection up_proj;

    /** {@code prefix} is e.g. {@code model.layers.0.mlp.} or {@code model.layers.0.mlp.experts.1.}. */
    FeedForward(String prefix, Map<String, NDArray> params) {
        this.gate_proj = new Projection(prefix + "gate_proj", params.get(prefix + "gate_proj.weight"));
        this.down_proj = new Projection(prefix + "down_proj", params.get(prefix + "down_proj.weight"));
        this.up_proj = new Projection(prefix + "up_proj", params.get(prefix + "up_proj.weight"));
    }

    /** x (..., H) to (..., H). */
    NDArray forward(NDArray x) {
        NDArray gate = gate_proj.forward(x);                  // (..., I)
        NDArray silu = gate.mul(Activation.sigmoid(gate));    // (..., I), silu(z) = z * sigmoid(z)
        NDArray up = up_proj.forward(x);                      // (..., I)
        return down_proj.forward(silu.mul(up));               // (..., H)
    }

    /** In state-dict order: gate, down, up. */
    List<Projection> projections() {
        return List.of(gate_proj, down_proj, up_proj);
    }
}
