package ai.minimind.engine.data;

/** Builds the shifted training row {@code X = ids[:-1], Y = ids[1:], loss_mask = mask[1:]} (spec 3.1 step 3). */
final class Samples {
    private Samples() {
    }

    static Sample shift(int[] padded, boolean[] mask) {
        int n = padded.length - 1;
        long[] x = new long[n];
        long[] y = new long[n];
        float[] lossMask = new float[n];
        for (int t = 0; t < n; t++) {
            x[t] = padded[t];
            y[t] = padded[t + 1];
            lossMask[t] = mask[t + 1] ? 1f : 0f;
        }
        return new Sample(x, y, lossMask);
    }

    /** {@code ids} truncated to {@code maxSeqLen} and right-padded with 0 to exactly that length. */
    static int[] truncateAndPad(int[] ids, int maxSeqLen) {
        int[] out = new int[maxSeqLen];
        System.arraycopy(ids, 0, out, 0, Math.min(ids.length, maxSeqLen));
        return out;
    }

    static void requireMaxSeqLen(int maxSeqLen) {
        if (maxSeqLen < 2) {
            throw new IllegalArgumentException("max_seq_len must be at least 2 (one input and one target), got "
                    + maxSeqLen);
        }
    }
}
