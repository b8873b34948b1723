package ai.minimind.server.jobs;

import static ai.minimind.server.support.FakeJobs.awaitState;
import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.support.ChildServer;
import ai.minimind.server.support.Http;
import ai.minimind.server.support.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --backend python} against a MiniMind-shaped checkout whose {@code trainer/train_full_sft.py} reports
 * what it was given (argv, working folder, environment): a real python3 child of a real server JVM, started with
 * {@code SERVER_SECRET} in its environment so the test can see that neither the secret nor a key reaches a job or
 * the server's log.
 */
class PythonBackendTest {
    private static final String SECRET = "server-secret-do-not-leak-4f1d";
    private static final String REPORTER = """
            import json, os, sys
            print("argv=" + json.dumps(sys.argv[1:]))
            print("cwd=" + os.getcwd())
            print("script=" + os.path.abspath(__file__))
            for k, v in sorted(os.environ.items()):
                print("env " + k + "=" + v)
            """;

    @TempDir
    Path root;
    private ChildServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.kill9();
        }
    }

    @Test
    void runs_the_checkout_script_from_the_client_workspace_with_no_secret_in_its_environment() throws Exception {
        Path checkout = root.resolve("minimind");
        Files.createDirectories(checkout.resolve("trainer"));
        TestServers.withDefaultDataFiles(checkout.resolve("dataset"));
        Files.createDirectories(checkout.resolve("model"));
        Files.writeString(checkout.resolve("trainer/train_full_sft.py"), REPORTER);
        server = ChildServer.launch(root.resolve("server.err"), List.of("--port", "0", "--data-dir",
                root.resolve("data").toString(), "--backend", "python", "--checkout", checkout.toString(),
                "--python", "python3"), Map.of("SERVER_SECRET", SECRET));
        Http open = new Http(server.awaitUrl(), null);
        String key = open.register("Py", "py@example.org");
        Http client = open.withKey(key);
        String token = client.post("/api/token", Map.of("ttl", 600)).json().get("token").asText();

        String id = client.withAuthorization("Bearer " + token).post("/train", Map.of("train_type", "sft", "epochs",
                "1", "gpu_num", "1", "train_monitor", "none", "from_resume", "0")).json().get("process_id").asText();
        JsonNode job = awaitState(client, id, "succeeded");

        String log = client.get("/logs/" + id + "?lines=10000").body();
        assertThat(log).contains("argv=[\"--epochs\", \"1\", \"--from_resume\", \"0\"]",
                "script=" + checkout.toRealPath().resolve("trainer/train_full_sft.py"),
                "env PYTHONUNBUFFERED=1");
        String clientId = client.get("/api/me").json().get("client_id").asText();
        assertThat(log).containsPattern("cwd=.*/clients/" + clientId + "/work\\n");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        for (String secret : List.of(SECRET, key, hash, token)) {
            assertThat(log).doesNotContain(secret);
            assertThat(job.get("command").asText()).doesNotContain(secret);
            assertThat(Files.readString(server.stderr())).doesNotContain(secret);
        }
    }
}
