package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    static void load(MiniMindConfig config, Map<String, NDArray> params, LinkedHashMap<String, NDArray> tensors) {
        Map<String, Shape> expected = ParameterLayout.shapes(config);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            String key = e.getKey();
            NDArray given = tensors.get(key);
            if (given == null) {
                if (!isTied(key) || !hasTiedPartner(tensors)) {
                    missing.add(key);
                }
            } else if (!given.getShape().equals(e.getValue())) {
                mismatched.add(key + " expected " + e.getValue() + " got " + given.getShape());
            }
        }
        for (String key : tensors.keySet()) {
            if (!expected.containsKey(key)) {
                unexpected.add(key);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            throw new IllegalArgumentException("state dict does not match the model config (hidden_size="
                    + config.hiddenSize() + ", num_hidden_layers=" + config.numHiddenLayers() + ", use_moe="
                    + config.useMoe() + "): missing=" + missing + ", unexpected=" + unexpected
                    + ", shape mismatch=" + mismatched);
        }
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            copy(sourceFor(e.getKey(), tensors), e.getValue());
        }
    }

    private static NDArray sourceFor(String key, Map<String, NDArray> tensors) {
        if (key.equals(ParameterLayout.EMBED) && tensors.containsKey(ParameterLayout.LM_HEAD)) {
            return tensors.get(ParameterLayout.LM_HEAD);
        }
        return tensors.get(key);
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
