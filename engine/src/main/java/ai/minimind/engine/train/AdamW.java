package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's AdamW (single-tensor path), step for step, over named float32 parameters:
 * <pre>
 *   p   = p * (1 - lr*wd)                         decoupled weight decay, every parameter
 *   m   = lerp(m, g, 1 - b1)                       = m + (1 - b1) * (g - m)
 *   v   = v * b2 + (1 - b2) * g * g
 *   p   = p - (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * Runs outside autograd and updates every array in place. Every scalar is a short-lived NDArray in an
 * {@link NDScope} rather than a {@code Number} overload (djl-pitfalls.md trap 1 is about autograd, but keeping the
 * whole train package free of scalar overloads makes the rule greppable).
 */
public final class AdamW implements AutoCloseable {
    static final String EXP_AVG = "optimizer.exp_avg.";
    static final String EXP_AVG_SQ = "optimizer.exp_avg_sq.";

    private final AdamWConfig config;
    private final LinkedHashMap<String, NDArray> params;
    private final NDManager stateManager;
    private final Map<String, NDArray> expAvg = new LinkedHashMap<>();
    private final Map<String, NDArray> expAvgSq = new LinkedHashMap<>();
    private long stepCount;

    /** {@code params}: unique trainable arrays by name (a tied weight appears once). */
    public AdamW(LinkedHashMap<String, NDArray> params, AdamWConfig config) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("AdamW needs at least one parameter");
        }
        this.config = config;
        this.params = new LinkedHashMap<>(params);
        this.stateManager = params.values().iterator().next().getManager().newSubManager();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            expAvg.put(e.getKey(), stateManager.zeros(e.getValue().getShape(), e.getValue().getDataType()));
            expAvgSq.put(e.getKey(), stateManager.zeros(e.getValue().getShape(), e.getValue().getDataType()));
        }
    }

    /** The parameters this optimizer updates, in order. */
    public List<NDArray> parameters() {
        return new ArrayList<>(params.values());
    }

    /** Number of updates applied so far (PyTorch's per-parameter {@code step}). */
    public long stepCount() {
        return stepCount;
    }

    /** Applies one update with learning rate {@code lr} using each parameter's current gradient. */
    public void step(double lr) {
        stepCount++;
        double bias1 = 1 - Math.pow(config.beta1(), stepCount);
        double bias2Sqrt = Math.sqrt(1 - Math.pow(config.beta2(), stepCount));
        try (NDScope ignored = new NDScope()) {
            NDManager scalars = stateManager;
            NDArray decay = scalars.create((float) (1 - lr * config.weightDecay()));
            NDArray oneMinusBeta1 = scalars.create((float) (1 - config.beta1()));
            NDArray beta2 = scalars.create((float) config.beta2());
            NDArray oneMinusBeta2 = scalars.create((float) (1 - config.beta2()));
            NDArray bias2 = scalars.create((float) bias2Sqrt);
            NDArray eps = scalars.create((float) config.eps());
            NDArray negStepSize = scalars.create((float) (-lr / bias1));
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray p = e.getValue();
                NDArray g = p.getGradient();
                NDArray m = expAvg.get(e.getKey());
                NDArray v = expAvgSq.get(e.getKey());
                p.muli(decay);
                m.addi(g.sub(m).muli(oneMinusBeta1));
                v.muli(beta2).addi(g.mul(g).muli(oneMinusBeta2));
                NDArray denom = v.sqrt().divi(bias2).addi(eps);
                p.addi(m.div(denom).muli(negStepSize));
            }
        }
    }

    /** The moments as named tensors: {@code optimizer.exp_avg.<param>} and {@code optimizer.exp_avg_sq.<param>}. */
    public LinkedHashMap<String, NDArray> state() {
        LinkedHashMap<String, NDArray> state = new LinkedHashMap<>();
        expAvg.forEach((name, m) -> state.put(EXP_AVG + name, m));
        expAvgSq.forEach((name, v) -> state.put(EXP_AVG_SQ + name, v));
        return state;
    }

    /**
     * Restores moments and step count saved by {@link #state()}. Strict: a missing moment or a shape mismatch throws
     * naming the tensor.
     */
    public void load(Map<String, NDArray> state, long steps) {
        List<String> problems = new ArrayList<>();
        copyInto(state, EXP_AVG, expAvg, problems);
        copyInto(state, EXP_AVG_SQ, expAvgSq, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("optimizer state does not match the parameters: " + problems);
        }
        this.stepCount = steps;
    }

    private static void copyInto(Map<String, NDArray> state, String prefix, Map<String, NDArray> target,
                                 List<String> problems) {
        for (Map.Entry<String, NDArray> e : target.entrySet()) {
            NDArray saved = state.get(prefix + e.getKey());
            if (saved == null) {
                problems.add("missing " + prefix + e.getKey());
            } else if (!saved.getShape().equals(e.getValue().getShape())) {
                problems.add(prefix + e.getKey() + " has shape " + saved.getShape() + ", expected "
                        + e.getValue().getShape());
            } else {
                e.getValue().set(saved.toType(e.getValue().getDataType(), false).toByteBuffer());
            }
        }
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
