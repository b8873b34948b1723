package ai.minimind.engine.data;

/**
 * One supervised training row, already shifted: {@code x = ids[:-1]}, {@code y = ids[1:]},
 * {@code lossMask = mask[1:]}, each of length max_seq_len - 1 (spec sections 3.1, 3.2).
 */
public record Sample(long[] x, long[] y, float[] lossMask) {
}
