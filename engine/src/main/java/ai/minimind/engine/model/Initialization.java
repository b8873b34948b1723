package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * MiniMind's initialisation (spec 1.12): PyTorch defaults, since no custom init runs. Every 2-d weight (linears,
 * the MoE gate and the tied embedding, which holds the lm_head's init) is Kaiming-uniform with a=sqrt(5), i.e.
 * {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))} with fan_in = shape[1]; RMSNorm weights are 1. One seeded stream
 * fills the tensors in state-dict order, so a seed fixes every value.
 */
final class Initialization {
    private Initialization() {
    }

    /** Unique parameters by key in state-dict order (lm_head not included: it is the embedding). */
    static LinkedHashMap<String, NDArray> create(MiniMindConfig config, NDManager manager, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashMap<String, NDArray> params = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> entry : ParameterLayout.shapes(config).entrySet()) {
            if (entry.getKey().equals(ParameterLayout.LM_HEAD)) {
                continue;
            }
            Shape shape = entry.getValue();
            float[] data = shape.dimension() == 1 ? ones(shape) : kaimingUniform(shape, random);
            NDArray array = manager.create(data, shape);
            array.setRequiresGradient(true);
            params.put(entry.getKey(), array);
        }
        return params;
    }

    private static float[] ones(Shape shape) {
        float[] data = new float[Math.toIntExact(shape.size())];
        java.util.Arrays.fill(data, 1f);
        return data;
    }

    private static float[] kaimingUniform(Shape shape, SplittableRandom random) {
        double bound = 1.0 / Math.sqrt(shape.get(1));
        float[] data = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return data;
    }
}
