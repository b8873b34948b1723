package ai.minimind.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code bin/minimind bench load [flags]}: starts the training service as a separate process on loopback with a
 * fake {@code sh} trainer, populates it (clients, jobs with complete logs), measures concurrent
 * {@code GET /processes} / {@code GET /logs} and the start latency of new jobs, prints a markdown table, and
 * always tears down (jobs stopped and deleted through the API, server stopped, leftovers killed). Exit code 0 on
 * a complete run, 1 when a phase or the teardown failed, 2 for bad arguments.
 */
public final class LoadBenchMain {
    private LoadBenchMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(LoadBenchOptions.USAGE);
            return;
        }
        LoadBenchOptions options;
        try {
            String home = System.getenv("MINIMIND_HOME");
            options = LoadBenchOptions.parse(Arrays.asList(args), Path.of(home == null ? "." : home));
        } catch (IllegalArgumentException e) {
            System.err.println("minimind bench load: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.exit(run(options) ? 0 : 1);
        } catch (Exception e) {
            System.err.println("minimind bench load: " + e);
            System.exit(1);
        }
    }

    /** One complete run; true when every phase and the teardown succeeded. */
    static boolean run(LoadBenchOptions options) throws Exception {
        long t0 = System.nanoTime();
        Path runDir = Files.createTempDirectory("minimind-loadbench-");
        String loadBefore = loadAverage();
        Path script = FakeTrainer.writeInto(runDir);
        progress("starting the server (data folder " + runDir.resolve("data") + ")");
        ServerProcess server = ServerProcess.start(options.home().toAbsolutePath().normalize(),
                runDir.resolve("data"), script, runDir);
        long started = System.nanoTime();
        ServiceClient api = new ServiceClient(server.baseUrl());
        Teardown teardown = new Teardown(api, server, runDir.resolve("data"));
        Thread hook = new Thread(teardown::run, "loadbench-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        LoadReport report = new LoadReport(options, loadBefore, "?");
        boolean ok = false;
        try {
            progress("server pid " + server.pid() + " at " + server.baseUrl() + "; registering " + options.clients()
                    + " clients and submitting " + options.totalJobs() + " jobs");
            Population.Result population = new Population(api, options, teardown::track).create();
            long populated = System.nanoTime();
            progress("measuring " + options.clients() + " concurrent readers");
            ReadLoad.Result read = new ReadLoad(api, options).run(population.tenants());
            long readDone = System.nanoTime();
            progress("timing " + options.starts() + " sequential starts (these jobs keep running)");
            Files.createFile(FakeTrainer.holdFile(runDir));
            StartLatency.Result starts = new StartLatency(api, options.starts())
                    .run(population.tenants(), teardown::track);
            Files.delete(FakeTrainer.holdFile(runDir));
            report = describe(options, loadBefore, population, read, starts);
            report.note("Phases: server start %.1f s, registering and populating (until every job finished) %.1f s,"
                    + " read load with warm-up %.1f s, timed starts %.1f s.", seconds(started - t0),
                    seconds(populated - started), seconds(readDone - populated),
                    seconds(System.nanoTime() - readDone));
            ok = true;
        } finally {
            progress("tearing down");
            long tearing = System.nanoTime();
            Teardown.Outcome outcome = teardown.run();
            if (outcome == null) {
                return false; // the shutdown hook is tearing down already
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            report.note("Teardown (%.1f s): %d jobs stopped and %d deleted through the API, server stopped, %d "
                    + "leftover job processes found and killed%s. Whole run: %.1f s.", seconds(System.nanoTime()
                    - tearing), outcome.stopped(), outcome.deleted(), outcome.strays(), outcome.failure() == null ? ""
                    : "; FAILED: " + outcome.failure(), seconds(System.nanoTime() - t0));
            ok &= outcome.failure() == null && outcome.strays() == 0;
            System.out.print(report);
            System.out.flush();
            if (!options.keep()) {
                deleteTree(runDir);
            } else {
                progress("kept " + runDir);
            }
        }
        return ok;
    }

    private static LoadReport describe(LoadBenchOptions o, String loadBefore, Population.Result population,
                                       ReadLoad.Result read, StartLatency.Result starts) {
        LoadReport report = new LoadReport(o, loadBefore, loadAverage());
        report.row("`POST /train` while populating (" + o.submitters() + " submitters)", population.submissions());
        report.row("`GET /processes` (" + o.clients() + " concurrent clients)", read.processes());
        report.row("`GET /logs/<id>` (" + o.clients() + " concurrent clients, last 200 lines)", read.logs());
        report.row("`POST /train`, sequential starts", starts.posts());
        report.intervalRow("`POST /train` returned → first trainer line seen via `GET /logs` (poll every "
                + StartLatency.POLL_MS + " ms)", starts.firstLine());
        report.note("Read phase: %d + %d requests in %.1f s together (%.0f req/s in all), %.1f MB of bodies%s.",
                read.processes().count(), read.logs().count(), read.processes().wallNanos() / 1e9,
                read.processes().perSecond() + read.logs().perSecond(), read.bytes() / 1e6,
                read.hitDeadline() ? "; stopped by the " + o.readDeadline().toSeconds() + " s deadline" : "");
        report.states(starts.statesAtReturn(), starts.seenAtFirstPoll(), o.starts());
        return report;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** {@code /proc/loadavg}'s three averages: what {@code uptime} prints. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void progress(String message) {
        System.err.println("bench load: " + message);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
