package ai.minimind.engine.train;

import java.util.Arrays;
import java.util.Random;

/**
 * The order in which an epoch visits the dataset: a Fisher-Yates permutation seeded with {@code 42 + epoch}, cut
 * into batches of {@code batchSize} (the last one may be short, like {@code drop_last=False}). Deterministic, so a
 * resumed run walks exactly the batches an uninterrupted run would have.
 */
public final class EpochOrder {
    private final int[][] batches;

    public EpochOrder(int datasetSize, int batchSize, int epoch) {
        if (datasetSize <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("dataset size and batch_size must be positive: size=" + datasetSize
                    + " batch_size=" + batchSize);
        }
        int[] order = permutation(datasetSize, 42L + epoch);
        int count = (datasetSize + batchSize - 1) / batchSize;
        batches = new int[count][];
        for (int b = 0; b < count; b++) {
            batches[b] = Arrays.copyOfRange(order, b * batchSize, Math.min(datasetSize, (b + 1) * batchSize));
        }
    }

    /** Batches per epoch ({@code iters}). */
    public int iters() {
        return batches.length;
    }

    /** Dataset indices of the batch with 1-based {@code step}. */
    public int[] batch(int step) {
        return batches[step - 1].clone();
    }

    private static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
