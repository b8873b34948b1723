package ai.minimind.bench.load;

import ai.minimind.bench.load.ServiceClient.Account;
import ai.minimind.bench.load.ServiceClient.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Leaves nothing behind: through the API, stops every job of the run that is still active and deletes every job
 * (record and log), a few clients at a time; then stops the server process; then looks for any process still
 * working in the run's data folder (a job wrapper, trainer or its {@code sleep} that escaped) and kills it. Runs
 * once, also from a shutdown hook when the run is interrupted.
 */
final class Teardown {
    private static final int THREADS = 4;

    /** What the teardown did: jobs stopped and deleted through the API, and leftover processes it had to kill. */
    record Outcome(int stopped, int deleted, int strays, String failure) {
    }

    private final ServiceClient api;
    private final ServerProcess server;
    private final Path dataDir;
    private final Map<String, Account> jobs = new ConcurrentHashMap<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicInteger stopped = new AtomicInteger();
    private final AtomicInteger deleted = new AtomicInteger();

    Teardown(ServiceClient api, ServerProcess server, Path dataDir) {
        this.api = api;
        this.server = server;
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** Records a job this run started. */
    void track(String id, Account owner) {
        jobs.put(id, owner);
    }

    /** Runs the teardown the first time; later calls return null. */
    Outcome run() {
        if (!done.compareAndSet(false, true)) {
            return null;
        }
        String failure = null;
        try {
            failure = removeJobs();
        } finally {
            server.close();
        }
        return new Outcome(stopped.get(), deleted.get(), killStrays(), failure);
    }

    private String removeJobs() {
        Map<Account, Set<String>> byOwner = jobs.entrySet().stream().collect(Collectors.groupingBy(
                Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<String> failures = new ArrayList<>();
        try {
            List<Future<?>> owners = new ArrayList<>();
            byOwner.forEach((owner, ids) -> owners.add(pool.submit(() -> removeJobsOf(owner, ids))));
            for (Future<?> owner : owners) {
                try {
                    owner.get();
                } catch (Exception e) {
                    failures.add(String.valueOf(e.getCause() == null ? e : e.getCause().getMessage()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return failures.isEmpty() ? null : "stopping/deleting jobs through the API failed: " + failures;
    }

    private void removeJobsOf(Account owner, Set<String> ids) {
        for (Job job : api.jobs(api.processes(owner))) {
            if (ids.contains(job.id()) && job.active() && api.stop(owner, job.id()).status() == 200) {
                stopped.incrementAndGet();
            }
        }
        for (String id : ids) {
            api.delete(owner, id);
            deleted.incrementAndGet();
        }
    }

    /** Kills every process whose working directory lies in the data folder (every job's does; nothing else). */
    private int killStrays() {
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(p -> workingDirectory(p.pid()).map(d -> d.startsWith(dataDir)).orElse(false))
                .toList();
        strays.forEach(ProcessHandle::destroyForcibly);
        return strays.size();
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty(); // gone meanwhile, or another user's process
        }
    }
}
