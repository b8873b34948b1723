package ai.minimind.server.jobs;

import static ai.minimind.server.support.FakeJobs.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.TrainingServer;
import ai.minimind.server.support.FakeJobs;
import ai.minimind.server.support.Http;
import ai.minimind.server.support.TestServers;
import ai.minimind.server.testing.FakeTrainer;
import ai.minimind.server.testing.JavaCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two clients never see or touch each other's jobs, and concurrent submissions never collide. */
class IsolationTest {
    @TempDir
    Path root;

    @Test
    void another_clients_job_and_log_are_404_on_every_route() {
        try (TrainingServer server = TrainingServer.start(
                TestServers.config(root, JavaCommand.of(FakeTrainer.class), false, null))) {
            Http open = new Http(server.baseUrl(), null);
            Http alice = open.withKey(open.register("Alice", "alice@example.org"));
            Http bob = open.withKey(open.register("Bob", "bob@example.org"));
            FakeJobs fake = new FakeJobs(root.resolve("datasets"));
            String id = fake.start(alice, "{\"sleep_ms\": -1}");
            awaitState(alice, id, "running");
            String log = "train_sft_" + id + ".log";

            List<Http.Response> answers = List.of(bob.get("/api/processes/" + id), bob.get("/logs/" + id),
                    bob.post("/stop/" + id, ""), bob.post("/delete/" + id, ""), bob.get("/logfile-content/" + log),
                    bob.delete("/delete-logfile/" + log));
            Http.Response unknown = bob.get("/logs/20000101_000000_AAAAAAAA");
            for (Http.Response r : answers) {
                assertThat(r.status()).isEqualTo(404);
                assertThat(r.json().get("code").asText()).isEqualTo("not_found");
                assertThat(r.body()).doesNotContain("alice");
            }
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(bob.get("/processes").json()).isEmpty();
            assertThat(bob.get("/logfiles").json()).isEmpty();

            assertThat(FakeJobs.job(alice, id).get("state").asText()).isEqualTo("running");
            assertThat(alice.get("/logfiles").json().findValuesAsText("filename")).containsExactly(log);
            assertThat(alice.post("/stop/" + id, "").status()).isEqualTo(200);
        }
    }

    @Test
    void twenty_concurrent_submissions_from_two_clients_get_distinct_ids_and_logs() throws Exception {
        try (TrainingServer server = TrainingServer.start(
                TestServers.config(root, List.of("/bin/true"), false, null))) {
            Http open = new Http(server.baseUrl(), null);
            List<Http> clients = List.of(open.withKey(open.register("A", "a@example.org")),
                    open.withKey(open.register("B", "b@example.org")));
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Http client = clients.get(i % 2);
                Callable<String> submit = () -> client.post("/train", Map.of("train_type", "pretrain"))
                        .json().get("process_id").asText();
                ids.add(pool.submit(submit));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            pool.shutdown();
            assertThat(distinct).hasSize(20);
            assertThat(clients.get(0).get("/processes").json()).hasSize(10);
            assertThat(clients.get(1).get("/processes").json()).hasSize(10);
            try (Stream<Path> logs = Files.walk(root.resolve("data/clients"))) {
                assertThat(logs.filter(p -> p.toString().endsWith(".log"))).hasSize(20);
            }
            for (Http client : clients) {
                for (var job : client.get("/processes").json()) {
                    awaitState(client, job.get("id").asText(), "succeeded");
                }
            }
        }
    }
}
