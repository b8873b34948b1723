package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.tensor.Consts;
import ai.minimind.engine.tensor.Masks;

/** Validation of a forward call's inputs and the additive score mask built from them, in the inputs' manager. */
final class ForwardInputs {
    private ForwardInputs() {
    }

    /** input_ids (B, T), T > 0, every id in [0, vocab); returned as int64. */
    static NDArray ids(NDArray inputIds, int vocabSize) {
        Shape shape = inputIds.getShape();
        if (shape.dimension() != 2 || shape.get(1) == 0) {
            throw new IllegalArgumentException("input_ids must be (B, T) with T > 0, got " + shape);
        }
        NDArray ids = inputIds.getDataType() == DataType.INT64 ? inputIds : inputIds.toType(DataType.INT64, false);
        long min = ids.min().getLong();
        long max = ids.max().getLong();
        if (min < 0 || max >= vocabSize) {
            throw new IllegalArgumentException("input_ids out of range [0, " + vocabSize + "): min=" + min
                    + ", max=" + max);
        }
        return ids;
    }

    /**
     * Causal part (T, S) when T > 1 (none for a single decode step, which may see every cached key), plus the
     * key-padding part {@code (1 - mask) * -1e9} as (B, 1, 1, S) when an attention mask is given; null if neither.
     */
    static NDArray scoreMask(NDArray attentionMask, NDArray ids, int start, Consts consts) {
        long b = ids.getShape().get(0);
        int t = Math.toIntExact(ids.getShape().get(1));
        NDArray causal = t > 1 ? Masks.causal(ids.getManager(), t, start) : null; // (T, S)
        if (attentionMask == null) {
            return causal;
        }
        long s = start + t;
        if (!attentionMask.getShape().equals(new Shape(b, s))) {
            throw new IllegalArgumentException("attention_mask must be (B, past + T) = (" + b + ", " + s
                    + "), got " + attentionMask.getShape());
        }
        NDArray keep = attentionMask.toType(DataType.FLOAT32, false);             // (B, S) 1 real, 0 pad
        NDArray padding = keep.sub(consts.of(1f)).mul(consts.of(1e9f))            // (B, S) 0 or -1e9
                .reshape(b, 1, 1, s);                                             // (B, 1, 1, S)
        return causal == null ? padding : padding.add(causal);                    // (B, 1, T, S)
    }
}
