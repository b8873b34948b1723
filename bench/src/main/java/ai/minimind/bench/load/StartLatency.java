package ai.minimind.bench.load;

import ai.minimind.bench.load.Population.Tenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Sequential job starts, spread over the clients: each {@code POST /train} is timed, then the time from its
 * return until a client polling {@code GET /logs/<id>?lines=3} every {@link #POLL_MS} ms first sees a trainer
 * progress line. That is an upper bound of the child's start (it includes up to one poll interval plus one
 * request). The job's state is read once, right as the POST returns (on a second thread, so it does not delay
 * the first poll), to show what the state route says at that moment.
 */
final class StartLatency {
    static final long POLL_MS = 2;
    private static final Duration PER_START_DEADLINE = Duration.ofSeconds(30);

    /** POST durations, return-to-first-line durations, and the states seen right after the POST returned. */
    record Result(Latencies.Summary posts, Latencies.Summary firstLine, Map<String, Integer> statesAtReturn,
                  int seenAtFirstPoll) {
    }

    private final ServiceClient api;
    private final int starts;

    StartLatency(ServiceClient api, int starts) {
        this.api = api;
        this.starts = starts;
    }

    /** {@code onStart} learns every started job (the teardown deletes them). */
    Result run(List<Tenant> tenants, BiConsumer<String, ServiceClient.Account> onStart) throws Exception {
        Latencies posts = new Latencies();
        Latencies firstLine = new Latencies();
        Map<String, Integer> states = new TreeMap<>();
        int seenAtFirstPoll = 0;
        ExecutorService stateReader = Executors.newSingleThreadExecutor();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < starts; i++) {
                ServiceClient.Account who = tenants.get(i % tenants.size()).account();
                ServiceClient.Reply reply = api.train(who, Map.of("train_type", "pretrain",
                        "data_path", Population.STARTER_PRETRAIN, "epochs", 1));
                long returned = System.nanoTime();
                String id = api.processId(reply);
                onStart.accept(id, who);
                Future<String> state = stateReader.submit(() -> api.state(who, id));
                int polls = pollUntilTrainerLine(who, id);
                firstLine.add(System.nanoTime() - returned);
                posts.add(reply.nanos());
                seenAtFirstPoll += polls == 1 ? 1 : 0;
                states.merge(state.get(), 1, Integer::sum);
            }
        } finally {
            stateReader.shutdownNow();
        }
        long wall = System.nanoTime() - start;
        return new Result(posts.summary(wall), firstLine.summary(wall), states, seenAtFirstPoll);
    }

    /** Polls until a line of the tail is a progress line; returns how many polls it took. */
    private int pollUntilTrainerLine(ServiceClient.Account who, String id) {
        long deadline = System.nanoTime() + PER_START_DEADLINE.toNanos();
        for (int polls = 1; ; polls++) {
            String tail = api.logs(who, id, 3).body();
            if (tail.startsWith(FakeTrainer.LINE_PREFIX) || tail.contains("\n" + FakeTrainer.LINE_PREFIX)) {
                return polls;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + id + " printed no trainer line within "
                        + PER_START_DEADLINE + "; its log ends: " + tail);
            }
            ServerProcess.pause(POLL_MS);
        }
    }
}
