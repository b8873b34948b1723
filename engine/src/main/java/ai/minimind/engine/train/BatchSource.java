package ai.minimind.engine.train;

import ai.djl.ndarray.NDManager;

/** Where {@link TrainLoop} gets its micro-batches: a random-access dataset that stacks rows into arrays. */
public interface BatchSource<B> {
    /** Number of rows in the dataset. */
    int size();

    /** Rows {@code indices}, stacked into arrays owned by {@code manager} (closed when the step ends). */
    B load(int[] indices, NDManager manager);

    /** Input tokens in {@code batch}, for throughput figures (0 when not meaningful). */
    default long tokens(B batch) {
        return 0;
    }
}
