package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict state-dict loading: every problem (missing, unexpected, wrong shape) is collected and reported at once.
 * The tied pair may come with one or both keys; with both, {@code lm_head.weight} wins, as it does in PyTorch's
 * {@code load_state_dict} (it is copied last into the shared tensor).
 */
final class StateDictLoader {
    private StateDictLoader() {
    }

    /** {@code targets} is the model's state dict (tied arrays under both keys); {@code what} names it in errors. */
    static void load(String what, Map<String, NDArray> targets, Map<String, NDArray> tensors) {
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : targets.entrySet()) {
            String key = e.getKey();
            NDArray given = tensors.get(key);
            if (given == null) {
                if (!isTied(key) || !hasTiedPartner(tensors)) {
                    missing.add(key);
                }
            } else if (!given.getShape().equals(e.getValue().getShape())) {
                mismatched.add(key + " expected " + e.getValue().getShape() + " got " + given.getShape());
            }
        }
        for (String key : tensors.keySet()) {
            if (!targets.containsKey(key)) {
                unexpected.add(key);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            throw new IllegalArgumentException(what + ": missing=" + missing + ", unexpected=" + unexpected
                    + ", shape mismatch=" + mismatched);
        }
        Map<NDArray, Boolean> copied = new IdentityHashMap<>();
        for (Map.Entry<String, NDArray> e : targets.entrySet()) {
            if (copied.put(e.getValue(), Boolean.TRUE) == null) {
                copy(sourceFor(e.getKey(), tensors), e.getValue());
            }
        }
    }

    private static NDArray sourceFor(String key, Map<String, NDArray> tensors) {
        if (isTied(key) && tensors.containsKey(ParameterLayout.LM_HEAD)) {
            return tensors.get(ParameterLayout.LM_HEAD);
        }
        return isTied(key) ? tensors.get(ParameterLayout.EMBED) : tensors.get(key);
    }

    private static boolean isTied(String key) {
        return key.equals(ParameterLayout.EMBED) || key.equals(ParameterLayout.LM_HEAD);
    }

    private static boolean hasTiedPartner(Map<String, NDArray> tensors) {
        return tensors.containsKey(ParameterLayout.EMBED) || tensors.containsKey(ParameterLayout.LM_HEAD);
    }

    /** In-place copy (the parameter keeps its identity and requiresGradient flag), widened to float32. */
    private static void copy(NDArray source, NDArray target) {
        if (source.getDataType() == DataType.FLOAT32) {
            target.set(source.toFloatArray());
            return;
        }
        try (NDArray widened = source.toType(DataType.FLOAT32, true)) {
            target.set(widened.toFloatArray());
        }
    }
}
