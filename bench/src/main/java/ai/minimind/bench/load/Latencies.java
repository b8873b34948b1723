package ai.minimind.bench.load;

import java.util.Arrays;

/**
 * Durations of one kind of request, recorded by many threads. Percentiles use the nearest-rank method: p-th
 * percentile = the ⌈p/100 · n⌉-th smallest sample, so p99 of 10,000 samples is the 9,900th.
 */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    /** The summary of what was recorded, with throughput over {@code wallNanos} of the phase. */
    synchronized Summary summary(long wallNanos) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, wallNanos, rank(sorted, 50), rank(sorted, 99),
                count == 0 ? 0 : sorted[count - 1]);
    }

    private static long rank(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Sample count, the phase's wall time, and p50 / p99 / max in nanoseconds. */
    record Summary(int count, long wallNanos, long p50, long p99, long max) {
        double perSecond() {
            return wallNanos == 0 ? 0 : count * 1e9 / wallNanos;
        }
    }
}
