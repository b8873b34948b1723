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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --max-running-jobs}: one client cannot fill a shared machine; others are not affected. */
class JobLimitTest {
    @TempDir
    Path root;

    @Test
    void a_client_at_its_limit_gets_429_until_one_of_its_jobs_ends() throws Exception {
        try (TrainingServer server = TrainingServer.start(
                TestServers.config(root, JavaCommand.of(FakeTrainer.class), false, null).withMaxRunningJobs(2))) {
            Http open = new Http(server.baseUrl(), null);
            Http ann = open.withKey(open.register("Ann", "ann@example.org"));
            Http ben = open.withKey(open.register("Ben", "ben@example.org"));
            FakeJobs fake = new FakeJobs(root.resolve("datasets"));
            String first = fake.start(ann, "{\"sleep_ms\": -1}");
            String second = fake.start(ann, "{\"sleep_ms\": -1}");

            String body = "{\"train_type\": \"sft\", \"data_path\": \"" + fake.script("{\"exit\": 0}") + "\"}";
            Http.Response refused = ann.post("/train", body);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.json().get("code").asText()).isEqualTo("rate_limited");
            assertThat(refused.json().get("error").asText()).contains("2 queued or running jobs");
            assertThat(ann.get("/processes").json()).hasSize(2);
            assertThat(logCount()).isEqualTo(2);

            String other = fake.start(ben, "{\"exit\": 0}");
            awaitState(ben, other, "succeeded");

            assertThat(ann.post("/stop/" + first, "").status()).isEqualTo(200);
            Http.Response admitted = ann.post("/train", body);
            assertThat(admitted.status()).isEqualTo(200);
            // Jobs outlive the server by design: leave none behind.
            assertThat(ann.post("/stop/" + second, "").status()).isEqualTo(200);
            awaitState(ann, admitted.json().get("process_id").asText(), "succeeded");
        }
    }

    /** Log files of every client: a refused submission must not leave one behind. */
    private long logCount() throws Exception {
        try (Stream<Path> files = Files.walk(root.resolve("data/clients"))) {
            return files.filter(p -> p.toString().endsWith(".log")).count();
        }
    }
}
