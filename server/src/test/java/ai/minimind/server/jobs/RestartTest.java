package ai.minimind.server.jobs;

import static ai.minimind.server.support.FakeJobs.alive;
import static ai.minimind.server.support.FakeJobs.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.TrainingServer;
import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.support.ChildServer;
import ai.minimind.server.support.FakeJobs;
import ai.minimind.server.support.Http;
import ai.minimind.server.support.TestServers;
import ai.minimind.server.testing.FakeTrainer;
import ai.minimind.server.testing.JavaCommand;
import ai.minimind.server.testing.Poll;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs outlive the server: reconciliation after a graceful stop and after {@code kill -9}. */
class RestartTest {
    @TempDir
    Path root;

    private ServerConfig config() {
        return TestServers.config(root, JavaCommand.of(FakeTrainer.class), false, null);
    }

    @Test
    void a_job_that_ends_while_the_server_is_down_gets_its_real_exit_code() throws Exception {
        Path release = root.resolve("release");
        String id;
        String key;
        try (TrainingServer first = TrainingServer.start(config())) {
            Http open = new Http(first.baseUrl(), null);
            key = open.register("Ann", "ann@example.org");
            id = new FakeJobs(root.resolve("datasets")).start(open.withKey(key),
                    "{\"await_file\": \"" + release + "\", \"exit\": 7}");
            awaitState(open.withKey(key), id, "running");
        }
        Files.createFile(release);
        Poll.until("the exit file", () -> exitFileCount() == 1);
        try (TrainingServer second = TrainingServer.start(config())) {
            JsonNode job = FakeJobs.job(new Http(second.baseUrl(), null).withKey(key), id);
            assertThat(job.get("state").asText()).isEqualTo("failed");
            assertThat(job.get("exit_code").asInt()).isEqualTo(7);
            assertThat(job.get("status").asText()).isEqualTo("出错");
        }
    }

    @Test
    void a_running_job_survives_kill_9_of_the_server_and_stays_stoppable() throws Exception {
        String engine = String.join(" ", JavaCommand.of(FakeTrainer.class));
        TestServers.withDefaultDataFiles(root.resolve("datasets"));
        ChildServer first = ChildServer.launch(root.resolve("err"), List.of("--port", "0", "--data-dir",
                root.resolve("data").toString(), "--datasets", root.resolve("datasets").toString(), "--tokenizer",
                root.toString(), "--engine-command", engine, "--stop-grace-seconds", "0.5"));
        Http open = new Http(first.awaitUrl(), null);
        String key = open.register("Kim", "kim@example.org");
        Http client = open.withKey(key);
        String id = new FakeJobs(root.resolve("datasets")).start(client, "{\"grandchild\": true, \"sleep_ms\": -1}");
        long pid = awaitState(client, id, "running").get("pid").asLong();
        long grandchild = FakeJobs.pidAfter(FakeJobs.awaitLog(client, id, "grandchild_pid="), "grandchild_pid");
        first.kill9();
        assertThat(alive(pid)).isTrue();

        try (TrainingServer second = TrainingServer.start(config())) {
            Http again = new Http(second.baseUrl(), null).withKey(key);
            assertThat(FakeJobs.job(again, id).get("state").asText()).isEqualTo("running");
            assertThat(again.post("/stop/" + id, "").status()).isEqualTo(200);
            assertThat(FakeJobs.job(again, id).get("state").asText()).isEqualTo("stopped");
            Poll.until("job and grandchild gone", () -> !alive(pid) && !alive(grandchild));
        }
    }

    @Test
    void a_record_whose_process_is_gone_without_exit_status_is_lost_even_if_the_pid_was_reused() throws Exception {
        Files.createDirectories(root.resolve("data"));
        long reusedPid = ProcessHandle.current().pid(); // alive, but not with this start time
        Files.writeString(root.resolve("data/training_processes.json"), """
                {"20260101_000000_AAAAAAAA": {"id": "20260101_000000_AAAAAAAA", "client_id": "c_x",
                 "train_type": "sft", "state": "running", "pid": %d, "pid_start_ticks": 1, "job_mark": "m",
                 "log_file": "clients/c_x/logs/train_sft_20260101_000000_AAAAAAAA.log",
                 "start_time": "2026-01-01 00:00:00", "running": true, "error": false, "status": "运行中"}}
                """.formatted(reusedPid));
        try (TrainingServer server = TrainingServer.start(config())) {
            assertThat(server.port()).isPositive();
            String stored = Files.readString(root.resolve("data/training_processes.json"));
            assertThat(stored).contains("\"state\" : \"lost\"").contains("\"error\" : true");
        }
    }

    private long exitFileCount() {
        try (Stream<Path> files = Files.walk(root.resolve("data/clients"))) {
            return files.filter(f -> f.toString().endsWith(".exit")).count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
