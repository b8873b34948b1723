package ai.minimind.bench.load;

import ai.minimind.bench.load.Population.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All clients at once, one thread each from a fixed pool: every client repeats {@code GET /processes} then
 * {@code GET /logs/<id>} (its own jobs in turn) for a fixed number of pairs or until the deadline. Warm-up pairs
 * run first and are not recorded; measurement starts for all clients together once every one has warmed up.
 */
final class ReadLoad {
    /** Both endpoints' durations over the same measured wall time, and the bytes read. */
    record Result(Latencies.Summary processes, Latencies.Summary logs, long bytes, boolean hitDeadline) {
    }

    private final ServiceClient api;
    private final LoadBenchOptions options;

    ReadLoad(ServiceClient api, LoadBenchOptions options) {
        this.api = api;
        this.options = options;
    }

    Result run(List<Tenant> tenants) throws Exception {
        Latencies processes = new Latencies();
        Latencies logs = new Latencies();
        AtomicLong bytes = new AtomicLong();
        CountDownLatch warm = new CountDownLatch(tenants.size());
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(tenants.size());
        try {
            List<Future<Boolean>> clients = new ArrayList<>();
            for (Tenant tenant : tenants) {
                clients.add(pool.submit(() -> {
                    pairs(tenant, options.warmupPerClient(), Long.MAX_VALUE, null, null, null);
                    warm.countDown();
                    go.await();
                    return pairs(tenant, options.requestsPerClient(), deadline[0], processes, logs, bytes);
                }));
            }
            warm.await();
            long start = System.nanoTime();
            deadline[0] = start + options.readDeadline().toNanos();
            go.countDown();
            boolean complete = true;
            for (Future<Boolean> client : clients) {
                complete &= client.get();
            }
            long wall = System.nanoTime() - start;
            return new Result(processes.summary(wall), logs.summary(wall), bytes.get(), !complete);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs up to {@code count} pairs before {@code deadline}; true when all ran. Null recorders: warm-up. */
    private boolean pairs(Tenant tenant, int count, long deadline, Latencies processes, Latencies logs,
                          AtomicLong bytes) {
        List<String> ids = tenant.jobIds();
        for (int i = 0; i < count; i++) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            ServiceClient.Reply list = api.processes(tenant.account());
            ServiceClient.Reply log = api.logs(tenant.account(), ids.get(i % ids.size()));
            requireTail(log, ids.get(i % ids.size()), Math.min(200, FakeTrainer.logLines(options.epochs())));
            if (processes != null) {
                processes.add(list.nanos());
                logs.add(log.nanos());
                bytes.addAndGet(list.body().length() + log.body().length());
            }
        }
        return true;
    }

    /** A finished job's tail must be the default 200 lines (or the whole log) ending in a progress line. */
    private static void requireTail(ServiceClient.Reply log, String id, int expected) {
        String body = log.body();
        long lines = body.chars().filter(c -> c == '\n').count();
        int lastLine = body.lastIndexOf('\n', body.length() - 2) + 1;
        if (lines != expected || !body.startsWith(FakeTrainer.LINE_PREFIX, lastLine)) {
            throw new IllegalStateException("GET /logs/" + id + " answered " + lines + " lines, expected " + expected
                    + " ending in a progress line: " + body.substring(0, Math.min(200, body.length())));
        }
    }
}
