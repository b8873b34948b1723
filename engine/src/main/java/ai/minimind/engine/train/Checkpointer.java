package ai.minimind.engine.train;

import java.io.IOException;

/** Writes the trainer's files when {@link TrainLoop} reaches a save step. */
@FunctionalInterface
public interface Checkpointer {
    /**
     * @param epoch 0-based epoch
     * @param step the 1-based step just completed
     * @param optimizer the optimizer whose state the resume file carries
     */
    void save(int epoch, int step, AdamW optimizer) throws IOException;
}
