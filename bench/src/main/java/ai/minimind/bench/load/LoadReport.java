package ai.minimind.bench.load;

import java.util.Locale;
import java.util.Map;

/** The run's figures as a markdown table plus the conditions they were measured under. */
final class LoadReport {
    private final StringBuilder out = new StringBuilder();

    LoadReport(LoadBenchOptions o, String loadBefore, String loadAfter) {
        line("Server load benchmark: %d clients, %d jobs (%d per client, %d log lines each), loopback, %d CPUs",
                o.clients(), o.totalJobs(), o.jobsPerClient(), FakeTrainer.logLines(o.epochs()),
                Runtime.getRuntime().availableProcessors());
        line("Load average (1/5/15 min) before: %s; after: %s", loadBefore, loadAfter);
        line("");
        line("| Measurement | Requests | Throughput (req/s) | p50 (ms) | p99 (ms) | max (ms) |");
        line("|---|---:|---:|---:|---:|---:|");
    }

    void row(String what, Latencies.Summary s) {
        line("| %s | %d | %.0f | %.2f | %.2f | %.2f |", what, s.count(), s.perSecond(), ms(s.p50()), ms(s.p99()),
                ms(s.max()));
    }

    /** A row whose samples are intervals, not requests: no throughput. */
    void intervalRow(String what, Latencies.Summary s) {
        line("| %s | %d | – | %.2f | %.2f | %.2f |", what, s.count(), ms(s.p50()), ms(s.p99()), ms(s.max()));
    }

    void note(String format, Object... args) {
        line("");
        line(format, args);
    }

    void states(Map<String, Integer> states, int seenAtFirstPoll, int starts) {
        note("State of each started job read right as `POST /train` returned: %s. Trainer line already visible "
                + "at the first log poll: %d of %d starts.", states, seenAtFirstPoll, starts);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void line(String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
