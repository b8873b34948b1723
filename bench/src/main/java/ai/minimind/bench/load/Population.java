package ai.minimind.bench.load;

import ai.minimind.bench.load.ServiceClient.Account;
import ai.minimind.bench.load.ServiceClient.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Registers the clients and has each submit its jobs (several submitters at once), then waits until every job's
 * fake trainer has finished, so the read load sees complete logs of a fixed length.
 */
final class Population {
    /** A data file the server requires to exist; its default datasets (the starter folder) have it. */
    static final String STARTER_PRETRAIN = "../dataset/pretrain.jsonl";

    private static final Duration FINISH_DEADLINE = Duration.ofMinutes(3);

    /** A client and the ids of the jobs it submitted. */
    record Tenant(Account account, List<String> jobIds) {
    }

    /** What populating produced: the tenants, and the {@code POST /train} durations with their wall time. */
    record Result(List<Tenant> tenants, Latencies.Summary submissions) {
    }

    private final ServiceClient api;
    private final LoadBenchOptions options;
    /** Learns every job id as soon as it is handed out, also when a later submission fails (teardown). */
    private final BiConsumer<String, Account> onSubmit;

    Population(ServiceClient api, LoadBenchOptions options, BiConsumer<String, Account> onSubmit) {
        this.api = api;
        this.options = options;
        this.onSubmit = onSubmit;
    }

    Result create() throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            accounts.add(api.register(String.format("load client %03d", i),
                    String.format("load-client-%03d@bench.invalid", i)));
        }
        Latencies latencies = new Latencies();
        long start = System.nanoTime();
        List<Tenant> tenants = submitAll(accounts, latencies);
        Latencies.Summary summary = latencies.summary(System.nanoTime() - start);
        awaitFinished(tenants);
        return new Result(tenants, summary);
    }

    private List<Tenant> submitAll(List<Account> accounts, Latencies latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.submitters());
        try {
            List<Future<Tenant>> futures = new ArrayList<>();
            for (Account account : accounts) {
                futures.add(pool.submit(() -> submit(account, latencies)));
            }
            List<Tenant> tenants = new ArrayList<>();
            for (Future<Tenant> future : futures) {
                tenants.add(future.get());
            }
            return tenants;
        } finally {
            pool.shutdownNow();
        }
    }

    private Tenant submit(Account account, Latencies latencies) {
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < options.jobsPerClient(); j++) {
            ServiceClient.Reply reply = api.train(account, Map.of("train_type", "pretrain",
                    "data_path", STARTER_PRETRAIN, "epochs", options.epochs()));
            latencies.add(reply.nanos());
            String id = api.processId(reply);
            onSubmit.accept(id, account);
            ids.add(id);
        }
        return new Tenant(account, Collections.unmodifiableList(ids));
    }

    /** Polls each client's {@code GET /processes} until none of its jobs is queued or running. */
    private void awaitFinished(List<Tenant> tenants) {
        long deadline = System.nanoTime() + FINISH_DEADLINE.toNanos();
        for (Tenant tenant : tenants) {
            while (true) {
                List<Job> jobs = api.jobs(api.processes(tenant.account()));
                if (jobs.stream().noneMatch(Job::active)) {
                    requireSucceeded(tenant, jobs);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("jobs still active after " + FINISH_DEADLINE + ": " + jobs);
                }
                ServerProcess.pause(200);
            }
        }
    }

    private static void requireSucceeded(Tenant tenant, List<Job> jobs) {
        Set<String> mine = Set.copyOf(tenant.jobIds());
        List<Job> bad = jobs.stream().filter(j -> mine.contains(j.id()) && !j.state().equals("succeeded")).toList();
        if (bad.size() > 0 || jobs.size() != mine.size()) {
            throw new IllegalStateException("client " + tenant.account().clientId() + " expected "
                    + mine.size() + " succeeded jobs, got " + jobs);
        }
    }
}
