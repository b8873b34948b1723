package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/** Additive attention masks (0 where attention is allowed, -inf where it is not), built from arange comparisons. */
public final class Masks {
    private Masks() {
    }

    /** Plain causal mask (T, T): query i may see keys 0..i. */
    public static NDArray causal(NDManager manager, int t) {
        return causal(manager, t, 0);
    }

    /**
     * Causal mask (T, past + T) for T new queries after {@code past} cached keys: query i sits at absolute
     * position past + i and may see keys 0..past+i. MiniMind sizes its mask (T, T), which is only right
     * without a cache or for T == 1; this form is correct for both and for chunked prefill as well.
     */
    public static NDArray causal(NDManager manager, int t, int past) {
        if (t <= 0 || past < 0) {
            throw new IllegalArgumentException("causal mask needs t > 0 and past >= 0: t=" + t + ", past=" + past);
        }
        NDArray rows = manager.arange(past, past + t).reshape(t, 1);            // (T, 1) query positions
        NDArray cols = manager.arange(0, past + t).reshape(1, past + t);        // (1, S) key positions
        NDArray future = cols.gt(rows);                                          // (T, S) bool, key after query
        NDArray negInf = manager.full(future.getShape(), Float.NEGATIVE_INFINITY); // (T, S)
        NDArray zeros = manager.zeros(future.getShape(), DataType.FLOAT32);      // (T, S)
        return NDArrays.where(future, negInf, zeros);  // (T, S); shapes equal, so no broadcast needed
    }
}
