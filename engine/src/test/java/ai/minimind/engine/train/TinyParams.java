package ai.minimind.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import java.util.LinkedHashMap;
import java.util.List;

/** Hand-made parameter arrays whose gradients are set to chosen values through a real backward pass. */
final class TinyParams {
    private TinyParams() {
    }

    static LinkedHashMap<String, NDArray> create(NDManager manager, float[]... values) {
        LinkedHashMap<String, NDArray> params = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            NDArray p = manager.create(values[i]);
            p.setRequiresGradient(true);
            params.put("p" + i, p);
        }
        return params;
    }

    /** Backward of {@code sum_i sum(p_i * g_i)}, which adds exactly {@code g_i} to each gradient. */
    static void addGradients(List<NDArray> params, float[]... grads) {
        NDManager manager = params.get(0).getManager();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (int i = 0; i < params.size(); i++) {
                NDArray term = params.get(i).mul(manager.create(grads[i])).sum();
                total = total == null ? term : total.add(term);
            }
            collector.backward(total);
        }
    }

    static float[] gradient(NDArray p) {
        return p.getGradient().toFloatArray();
    }
}
