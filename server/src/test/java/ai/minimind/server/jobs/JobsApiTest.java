package ai.minimind.server.jobs;

import static ai.minimind.server.support.FakeJobs.alive;
import static ai.minimind.server.support.FakeJobs.awaitLog;
import static ai.minimind.server.support.FakeJobs.awaitState;
import static ai.minimind.server.support.FakeJobs.pidAfter;
import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.TrainingServer;
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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs end to end: a real server launching FakeTrainer child processes. */
class JobsApiTest {
    @TempDir
    static Path root;

    private static TrainingServer server;
    private static Http open;
    private static FakeJobs fake;

    @BeforeAll
    static void start() {
        server = TrainingServer.start(TestServers.config(root, JavaCommand.of(FakeTrainer.class), false, null));
        open = new Http(server.baseUrl(), null);
        fake = new FakeJobs(root.resolve("datasets"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Http newClient(String name) {
        return open.withKey(open.register(name, name + "@example.org"));
    }

    @Test
    void register_train_list_logs_stop_delete() {
        Http client = newClient("life");
        String id = client.post("/train", Map.of("train_type", "sft", "epochs", "1", "hidden_size", "64"))
                .json().get("process_id").asText();
        assertThat(id).matches("[0-9]{8}_[0-9]{6}_[A-Za-z0-9_-]{8}");
        JsonNode job = awaitState(client, id, "running");
        assertThat(job.get("status").asText()).isEqualTo("运行中");
        assertThat(job.get("running").asBoolean()).isTrue();
        assertThat(job.get("train_type").asText()).isEqualTo("sft");
        JsonNode listed = client.get("/processes").json().get(0);
        for (String field : List.of("id", "train_type", "start_time", "running", "error", "status", "train_monitor",
                "swanlab_url", "state", "end_time", "exit_code", "client_id")) {
            assertThat(listed.has(field)).as(field).isTrue();
        }
        String log = awaitLog(client, id, "Epoch:[1/1](3/10)");
        assertThat(log.lines().findFirst().orElseThrow()).contains(id);
        assertThat(log.lines().skip(1).findFirst().orElseThrow()).contains("sft", "--epochs 1", "--hidden_size 64");
        assertThat(client.post("/stop/" + id, "").json().get("success").asBoolean()).isTrue();
        JsonNode stopped = FakeJobs.job(client, id);
        assertThat(stopped.get("state").asText()).isEqualTo("stopped");
        assertThat(stopped.get("status").asText()).isEqualTo("手动停止");
        assertThat(stopped.get("manually_stopped").asBoolean()).isTrue();
        assertThat(stopped.get("end_time").asText()).isNotBlank();
        assertThat(client.post("/stop/" + id, "").status()).isEqualTo(409);
        String logName = "train_sft_" + id + ".log";
        assertThat(client.get("/logfiles").json().findValuesAsText("filename")).contains(logName);
        assertThat(client.post("/delete/" + id, "").status()).isEqualTo(200);
        assertThat(client.get("/logs/" + id).status()).isEqualTo(404);
        assertThat(client.get("/logfiles").json().findValuesAsText("filename")).doesNotContain(logName);
        assertThat(client.get("/processes").json()).isEmpty();
    }

    @Test
    void exit_codes_and_signals_become_states() {
        Http client = newClient("exits");
        JsonNode ok = awaitState(client, fake.start(client, "{\"lines\": [\"done\"], \"exit\": 0}"), "succeeded");
        assertThat(ok.get("status").asText()).isEqualTo("已完成");
        assertThat(ok.get("exit_code").asInt()).isZero();
        JsonNode failed = awaitState(client, fake.start(client, "{\"exit\": 3}"), "failed");
        assertThat(failed.get("status").asText()).isEqualTo("出错");
        assertThat(failed.get("error").asBoolean()).isTrue();
        assertThat(failed.get("exit_code").asInt()).isEqualTo(3);
        JsonNode killed = awaitState(client, fake.start(client, "{\"signal\": 9}"), "failed");
        assertThat(killed.get("signal").asInt()).isEqualTo(9);
        assertThat(client.post("/stop/" + ok.get("id").asText(), "").status()).isEqualTo(409);
    }

    @Test
    void stop_kills_grandchildren_setsid_workers_and_term_ignoring_children() {
        Http client = newClient("tree");
        String id = fake.start(client,
                "{\"grandchild\": true, \"setsid_worker\": true, \"ignore_term\": true, \"sleep_ms\": -1}");
        String log = awaitLog(client, id, "term_ignoring_child_pid=");
        List<Long> pids = List.of(pidAfter(log, "fake_trainer_pid"), pidAfter(log, "grandchild_pid"),
                pidAfter(log, "setsid_worker_pid"), pidAfter(log, "term_ignoring_child_pid"));
        assertThat(pids).allMatch(FakeJobs::alive);
        assertThat(client.post("/stop/" + id, "").status()).isEqualTo(200);
        Poll.until("the whole tree to be gone", () -> pids.stream().noneMatch(FakeJobs::alive));
        assertThat(FakeJobs.job(client, id).get("state").asText()).isEqualTo("stopped");
    }

    @Test
    void delete_stops_a_running_job_first() {
        Http client = newClient("deleter");
        String id = fake.start(client, "{\"grandchild\": true, \"sleep_ms\": -1}");
        long grandchild = pidAfter(awaitLog(client, id, "grandchild_pid="), "grandchild_pid");
        assertThat(client.post("/delete/" + id, "").status()).isEqualTo(200);
        Poll.until("the grandchild to be gone", () -> !alive(grandchild));
        assertThat(client.get("/api/processes/" + id).status()).isEqualTo(404);
    }

    @Test
    void gbk_and_invalid_bytes_are_decoded_never_500() {
        Http client = newClient("gbk");
        // "中文" in UTF-8, then "中文" in GBK, then bytes valid in neither.
        String id = fake.start(client, "{\"bytes_hex\": \"e4b8ade696870a d6d0cec40a fffe410a\"}".replace(" ", ""));
        awaitState(client, id, "succeeded");
        String log = client.get("/logs/" + id).body();
        assertThat(log.lines().skip(2).toList()).containsExactly("中文", "中文", "\uFFFD\uFFFDA");
        String file = client.get("/logfile-content/train_sft_" + id + ".log").body();
        assertThat(file).endsWith("中文\n中文\n\uFFFD\uFFFDA\n");
    }

    @Test
    void large_cjk_log_tails_exactly_the_asked_lines() {
        Http client = newClient("cjk");
        StringBuilder lines = new StringBuilder("[");
        for (int i = 1; i <= 12_000; i++) {
            lines.append(i > 1 ? "," : "").append("\"第").append(i).append("行 训练日志 损失下降\"");
        }
        String id = fake.start(client, "{\"lines\": " + lines + "]}");
        awaitState(client, id, "succeeded");
        assertThat(client.get("/logs/" + id + "?lines=3").body().lines().toList())
                .containsExactly("第11998行 训练日志 损失下降", "第11999行 训练日志 损失下降", "第12000行 训练日志 损失下降");
        List<String> max = client.get("/logs/" + id + "?lines=10000").body().lines().toList();
        assertThat(max).hasSize(10_000).startsWith("第2001行 训练日志 损失下降");
        assertThat(client.get("/logs/" + id).body().lines()).hasSize(200);
        assertThat(client.get("/logs/" + id + "?lines=0").status()).isEqualTo(400);
        assertThat(client.get("/logs/" + id + "?lines=10001").status()).isEqualTo(400);
    }

    @Test
    void delete_logfile_of_a_running_job_is_409_and_of_a_finished_one_works() throws Exception {
        Http client = newClient("logdel");
        String running = fake.start(client, "{\"sleep_ms\": -1}");
        awaitState(client, running, "running");
        Http.Response conflict = client.delete("/delete-logfile/train_sft_" + running + ".log");
        assertThat(conflict.status()).isEqualTo(409);
        client.post("/stop/" + running, "");
        Http.Response deleted = client.delete("/delete-logfile/train_sft_" + running + ".log");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText()).isNotBlank();
        assertThat(client.get("/logfile-content/train_sft_" + running + ".log").status()).isEqualTo(404);
    }

    @Test
    void bad_log_file_names_are_400() {
        Http client = newClient("names");
        for (String name : List.of("..%2F..%2Fclients.json", "..", "x.txt", "train_sft_x.log",
                "train_sft_20260101_000000_aaaaaaaa.log%00", "a%5Cb", "..%252F..%252Fclients.json")) {
            Http.Response read = client.get("/logfile-content/" + name);
            assertThat(read.status()).as(name).isEqualTo(400);
            assertThat(read.json().get("code").asText()).as(name).isEqualTo("bad_request");
            assertThat(client.delete("/delete-logfile/" + name).status()).as(name).isEqualTo(400);
        }
        assertThat(client.get("/logfile-content/train_sft_20260101_000000_aaaaaaaa.log").status()).isEqualTo(404);
    }

    @Test
    void train_refuses_bad_types_values_and_path_escapes_naming_the_field() {
        Http client = newClient("refuse");
        Http.Response unknown = client.post("/train", Map.of("train_type", "rlhf"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("error").asText()).contains("pretrain", "sft", "lora", "dpo", "ppo", "grpo",
                "spo");
        assertThat(client.post("/train", Map.of("train_type", "sft", "epochs", "two")).json().get("error").asText())
                .contains("epochs");
        assertThat(client.post("/train", Map.of("train_type", "sft", "nope", 1)).json().get("error").asText())
                .contains("nope");
        for (String path : List.of("/etc/passwd", "../../x", "../dataset/../../../x", "%2e%2e/%2e%2e/x",
                "%252e%252e/x", "a\u0000b", "../../" + "other/out")) {
            Http.Response r = client.post("/train", Map.of("train_type", "sft", "data_path", path));
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(path).contains("data_path");
        }
        assertThat(client.post("/train", Map.of("train_type", "sft", "save_dir", "../../")).json().get("error")
                .asText()).contains("save_dir");
        assertThat(client.post("/train", Map.of("train_type", "sft", "from_weight", "../../x")).status())
                .isEqualTo(400);
        assertThat(client.get("/processes").json()).isEmpty();
    }

    @Test
    void a_data_file_that_is_not_there_is_refused_with_the_files_that_are() throws Exception {
        Http client = newClient("nodata");
        Http.Response missing = client.post("/train", Map.of("train_type", "sft", "data_path", "../dataset/nope.jsonl"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).startsWith("data_path '../dataset/nope.jsonl' is not a file")
                .contains("sft_mini_512.jsonl", "pretrain_hq.jsonl");
        Files.delete(root.resolve("datasets/sft_mini_512.jsonl"));
        try {
            Http.Response byDefault = client.post("/train", Map.of("train_type", "sft"));
            assertThat(byDefault.status()).isEqualTo(400);
            assertThat(byDefault.json().get("error").asText())
                    .startsWith("data_path '../dataset/sft_mini_512.jsonl' (the script's default) is not a file");
        } finally {
            TestServers.withDefaultDataFiles(root.resolve("datasets"));
        }
        assertThat(client.get("/processes").json()).isEmpty();
    }

    @Test
    void form_strings_from_the_original_page_are_accepted() {
        Http client = newClient("legacy");
        Http.Response r = client.post("/train", Map.of("train_type", "lora", "epochs", "1", "learning_rate", "1e-4",
                "use_moe", "0", "from_resume", "0", "train_monitor", "none", "gpu_num", "1", "device", "cpu",
                "data_path", fake.script("{\"exit\": 0}")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode job = awaitState(client, r.json().get("process_id").asText(), "succeeded");
        assertThat(job.get("command").asText()).contains("--learning_rate 0.0001", "--from_resume 0")
                .doesNotContain("gpu_num", "train_monitor");
        assertThat(job.get("params").get("epochs").asInt()).isEqualTo(1);
    }

    @Test
    void job_environment_holds_no_secrets() throws Exception {
        Http client = newClient("env");
        String id = fake.start(client, "{\"sleep_ms\": -1}");
        long pid = FakeJobs.job(client, id).get("pid").asLong();
        awaitState(client, id, "running");
        String env = Files.readString(Path.of("/proc/" + pid + "/environ")).replace('\0', '\n');
        assertThat(env).contains("PYTHONUNBUFFERED=1").doesNotContain("SERVER_SECRET").doesNotContain("mm-");
        client.post("/stop/" + id, "");
    }

    @Test
    void swanlab_run_url_is_taken_from_the_line_after_the_marker() {
        Http client = newClient("swan");
        String script = fake.script("{\"lines\": [\"swanlab: 🚀 View run at\", \"https://swanlab.cn/@me/run/42\"]}");
        String id = client.post("/train", Map.of("train_type", "sft", "train_monitor", "swanlab", "data_path",
                script)).json().get("process_id").asText();
        JsonNode job = awaitState(client, id, "succeeded");
        assertThat(job.get("swanlab_url").asText()).isEqualTo("https://swanlab.cn/@me/run/42");
        assertThat(job.get("train_monitor").asText()).isEqualTo("swanlab");
        assertThat(job.get("command").asText()).contains("--use_wandb");
    }
}
