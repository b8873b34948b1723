package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * One bias-free Linear module of the model ({@code module} is its state-dict name without {@code .weight}), with an
 * optional LoRA branch (spec 7.2): {@code y = x W^T + (x A^T) B^T}, no alpha/r scaling.
 */
final class Projection {
    private final String module;
    private final NDArray weight;
    private LoraAdapter lora;

    Projection(String module, NDArray weight) {
        if (weight == null) {
            throw new IllegalStateException("no parameter " + module + ".weight");
        }
        this.module = module;
        this.weight = weight;
    }

    NDArray forward(NDArray x) {
        NDArray y = Linear.apply(x, weight);                                     // (..., out)
        if (lora == null) {
            return y;
        }
        NDArray down = Linear.apply(x, lora.a());                                // (..., r)
        return y.add(Linear.apply(down, lora.b()));                              // (..., out)
    }

    String module() {
        return module;
    }

    NDArray weight() {
        return weight;
    }

    /** MiniMind adapts every square Linear (q_proj and o_proj at the CLI sizes). */
    boolean isSquare() {
        return weight.getShape().get(0) == weight.getShape().get(1);
    }

    LoraAdapter lora() {
        return lora;
    }

    void attach(LoraAdapter adapter) {
        if (lora != null) {
            throw new IllegalStateException("LoRA already applied to " + module);
        }
        this.lora = adapter;
    }
}
