package ai.minimind.engine.data;

/** A random-access dataset of supervised samples (pretrain or SFT). */
public interface TokenDataset {
    int size();

    Sample get(int index);
}
