package ai.minimind.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one load-benchmark run does. Every phase is bounded by a count and a deadline, so a run ends by itself.
 *
 * @param home              the project folder holding {@code bin/minimind} (the server is started through it)
 * @param clients           registered clients, each one thread of the read load
 * @param jobsPerClient     jobs each client submits before the read load
 * @param epochs            epochs of every fake trainer job; each epoch prints {@link FakeTrainer#STEPS} lines
 * @param submitters        threads submitting the jobs
 * @param requestsPerClient measured {@code GET /processes} + {@code GET /logs} pairs per client
 * @param warmupPerClient   unmeasured pairs per client first (JIT and connection warm-up)
 * @param readDeadline      the read load stops here even when the request counts are not reached
 * @param starts            sequential {@code POST /train} calls timed until their first trainer line
 * @param keep              keep the temporary folder (data folder, server log) for inspection
 */
public record LoadBenchOptions(Path home, int clients, int jobsPerClient, int epochs, int submitters,
                               int requestsPerClient, int warmupPerClient, Duration readDeadline, int starts,
                               boolean keep) {

    public static final String USAGE = String.join("\n",
            "usage: bin/minimind bench load [--home DIR] [--clients N] [--jobs-per-client N] [--epochs N]",
            "       [--submitters N] [--requests-per-client N] [--warmup-per-client N] [--read-seconds S]",
            "       [--starts N] [--keep]");
    private static final Set<String> FLAGS = Set.of("--home", "--clients", "--jobs-per-client", "--epochs",
            "--submitters", "--requests-per-client", "--warmup-per-client", "--read-seconds", "--starts", "--keep");

    public LoadBenchOptions {
        positive("clients", clients);
        positive("jobs-per-client", jobsPerClient);
        positive("epochs", epochs);
        positive("submitters", submitters);
        positive("requests-per-client", requestsPerClient);
        positive("starts", starts);
        if (warmupPerClient < 0) {
            throw new IllegalArgumentException("--warmup-per-client must be 0 or more, got " + warmupPerClient);
        }
        if (readDeadline.isNegative() || readDeadline.isZero()) {
            throw new IllegalArgumentException("--read-seconds must be positive, got " + readDeadline.toSeconds());
        }
    }

    /** The defaults of issue 2: 100 clients, 10 jobs each, 300-line logs, 50 timed starts. */
    public static LoadBenchOptions defaults(Path home) {
        return new LoadBenchOptions(home, 100, 10, 3, 4, 100, 10, Duration.ofSeconds(60), 50, false);
    }

    /** Parses {@code --flag value} pairs over the defaults; unknown flags and bad numbers name the flag. */
    public static LoadBenchOptions parse(List<String> args, Path defaultHome) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown argument '" + flag + "'\n" + USAGE);
            }
            if (flag.equals("--keep")) {
                flags.put(flag, "true");
            } else if (i + 1 < args.size()) {
                flags.put(flag, args.get(++i));
            } else {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
        }
        LoadBenchOptions d = defaults(defaultHome);
        return new LoadBenchOptions(Path.of(flags.getOrDefault("--home", d.home.toString())),
                integer(flags, "--clients", d.clients), integer(flags, "--jobs-per-client", d.jobsPerClient),
                integer(flags, "--epochs", d.epochs), integer(flags, "--submitters", d.submitters),
                integer(flags, "--requests-per-client", d.requestsPerClient),
                integer(flags, "--warmup-per-client", d.warmupPerClient),
                Duration.ofSeconds(integer(flags, "--read-seconds", (int) d.readDeadline.toSeconds())),
                integer(flags, "--starts", d.starts), flags.containsKey("--keep"));
    }

    public int totalJobs() {
        return clients * jobsPerClient;
    }

    private static int integer(Map<String, String> flags, String flag, int fallback) {
        String text = flags.get(flag);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, got '" + text + "'");
        }
    }

    private static void positive(String flag, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("--" + flag + " must be positive, got " + value);
        }
    }
}
