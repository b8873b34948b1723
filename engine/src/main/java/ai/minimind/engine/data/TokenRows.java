package ai.minimind.engine.data;

import java.util.Arrays;

/**
 * Token id rows of varying length packed into one growing {@code char[]} (ids below 65536, which covers MiniMind's
 * 6400-entry vocabulary) or {@code int[]} pool, so a large corpus costs 2 or 4 bytes per real token and no object
 * per row.
 */
final class TokenRows {
    private final boolean narrow;
    private char[] chars;
    private int[] ints;
    private long[] offsets = new long[1024];
    private int rows;
    private int used;

    TokenRows(int vocabSize) {
        this.narrow = vocabSize <= Character.MAX_VALUE + 1;
        if (narrow) {
            chars = new char[1 << 16];
        } else {
            ints = new int[1 << 16];
        }
    }

    void add(int[] ids, int length) {
        ensureCapacity(length);
        for (int k = 0; k < length; k++) {
            if (narrow) {
                chars[used + k] = (char) ids[k];
            } else {
                ints[used + k] = ids[k];
            }
        }
        if (rows + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        used += length;
        rows++;
        offsets[rows] = used;
    }

    int size() {
        return rows;
    }

    /** Row {@code index} right-padded with 0 to {@code length}. */
    int[] padded(int index, int length) {
        int from = (int) offsets[index];
        int to = (int) offsets[index + 1];
        int[] out = new int[length];
        for (int k = 0; k < to - from; k++) {
            out[k] = narrow ? chars[from + k] : ints[from + k];
        }
        return out;
    }

    private void ensureCapacity(int extra) {
        int capacity = narrow ? chars.length : ints.length;
        if ((long) used + extra > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("dataset exceeds " + (Integer.MAX_VALUE - 8) + " tokens");
        }
        if (used + extra <= capacity) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) capacity * 2, (long) used + extra));
        if (narrow) {
            chars = Arrays.copyOf(chars, grown);
        } else {
            ints = Arrays.copyOf(ints, grown);
        }
    }
}
