package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whether weights can be saved in a dtype without turning into garbage: a NaN or infinite value, or one beyond the
 * dtype's largest finite value (float16 holds at most 65504; above it the cast writes infinity), makes the file
 * useless, and writing it would replace the last good weights. A loss can still be finite at the step whose
 * update blew the weights up, so the loss check alone does not catch this.
 */
public final class WeightCheck {
    /** The largest finite float16. */
    public static final float FLOAT16_MAX = 65504f;

    private WeightCheck() {
    }

    /** The first offending tensor, described, or empty when every tensor fits {@code saveType}. */
    public static Optional<String> problem(Map<String, NDArray> stateDict, DataType saveType) {
        float limit = limitOf(saveType);
        Map<NDArray, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<String, NDArray> e : stateDict.entrySet()) {
            NDArray array = e.getValue();
            if (seen.put(array, Boolean.TRUE) != null || array.size() == 0) {
                continue;   // the tied embedding is checked once
            }
            try (NDArray nan = array.isNaN().any(); NDArray abs = array.abs(); NDArray max = abs.max()) {
                if (nan.getBoolean()) {
                    return Optional.of(e.getKey() + " holds NaN");
                }
                float largest = max.getFloat();
                if (!(largest <= limit)) {
                    return Optional.of(e.getKey() + " holds |x| = " + largest + ", beyond " + nameOf(saveType)
                            + "'s largest finite value " + limit);
                }
            }
        }
        return Optional.empty();
    }

    private static String nameOf(DataType saveType) {
        return saveType == DataType.FLOAT16 ? "float16" : "float32";
    }

    private static float limitOf(DataType saveType) {
        if (saveType == DataType.FLOAT16) {
            return FLOAT16_MAX;
        }
        if (saveType == DataType.FLOAT32) {
            return Float.MAX_VALUE;
        }
        throw new IllegalArgumentException("weights are saved as float16 or float32, not " + saveType);
    }
}
