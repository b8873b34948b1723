package ai.minimind.engine.train;

import ai.djl.ndarray.NDManager;
import ai.minimind.engine.data.TokenDataset;

/** Pretrain/SFT rows from a {@link TokenDataset}, stacked into {@link Batch}es. */
public final class TokenBatchSource implements BatchSource<Batch> {
    private final TokenDataset dataset;

    public TokenBatchSource(TokenDataset dataset) {
        if (dataset.size() == 0) {
            throw new IllegalArgumentException("the dataset holds no samples");
        }
        this.dataset = dataset;
    }

    @Override
    public int size() {
        return dataset.size();
    }

    @Override
    public Batch load(int[] indices, NDManager manager) {
        return Batch.of(dataset, indices, manager);
    }

    @Override
    public long tokens(Batch batch) {
        return batch.tokens();
    }
}
