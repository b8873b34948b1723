package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.data.Sample;
import ai.minimind.engine.data.TokenDataset;

/**
 * One supervised micro-batch: inputs {@code x} and targets {@code y} (B, T-1) int64 and the loss mask (B, T-1)
 * float32, all owned by the step's manager so they outlive every view the forward pass takes of them
 * (djl-pitfalls.md trap 2).
 */
public record Batch(NDArray x, NDArray y, NDArray lossMask) {

    /** Rows {@code indices} of {@code dataset}, stacked in that order. */
    public static Batch of(TokenDataset dataset, int[] indices, NDManager manager) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one sample");
        }
        int width = dataset.get(indices[0]).x().length;
        long[] x = new long[indices.length * width];
        long[] y = new long[indices.length * width];
        float[] mask = new float[indices.length * width];
        for (int row = 0; row < indices.length; row++) {
            Sample s = dataset.get(indices[row]);
            if (s.x().length != width || s.y().length != width || s.lossMask().length != width) {
                throw new IllegalArgumentException("sample " + indices[row] + " has length " + s.x().length
                        + ", expected " + width + " like the rest of the batch");
            }
            System.arraycopy(s.x(), 0, x, row * width, width);
            System.arraycopy(s.y(), 0, y, row * width, width);
            System.arraycopy(s.lossMask(), 0, mask, row * width, width);
        }
        Shape shape = new Shape(indices.length, width);
        return new Batch(manager.create(x, shape), manager.create(y, shape), manager.create(mask, shape));
    }

    /** Number of rows (B). */
    public long size() {
        return x.getShape().get(0);
    }

    /** Number of input tokens (B * (T-1)), for throughput figures. */
    public long tokens() {
        return x.size();
    }
}
