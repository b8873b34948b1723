package ai.minimind.engine.data;

/**
 * One DPO pair (spec 3.3): the chosen and the rejected conversation, each rendered, truncated, padded, masked like
 * SFT (assistant turns only) and shifted; MiniMind's six tensors are {@code chosen.x/y/lossMask} and
 * {@code rejected.x/y/lossMask}, each of length max_seq_len - 1.
 */
public record DpoSample(Sample chosen, Sample rejected) {
}
