package ai.minimind.server.metrics;

import ai.minimind.server.TrainingServer;
import ai.minimind.server.config.Backend;
import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.support.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics and stream routes through the real server: a scripted trainer prints two lines, waits for a gate
 * file the test creates, prints a progress line and ends. Streams are resumed by their event ids.
 */
@Timeout(120)
class JobMonitoringTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROGRESS = "Epoch:[1/1](1/2) loss:8.800000 lr:0.000000550000 epoch_Time:0.0min:";

    @TempDir
    static Path root;
    private static TrainingServer server;
    private static Path gate;

    @BeforeAll
    static void start() throws IOException {
        gate = root.resolve("gate");
        // Polls for the gate file inside the child: the test itself never sleeps.
        // The server writes this command into the log too, so the progress line is assembled at run time.
        String script = "echo 'first line'; echo 'second line <script>alert(1)</script>'; "
                + "while [ ! -e '" + gate + "' ]; do sleep 0.05; done; L=loss; "
                + "echo \"" + PROGRESS.replace("loss:", "$L:") + "\"; printf 'tail'";
        TestServers.withDefaultDataFiles(root.resolve("datasets"));
        Files.createDirectories(root.resolve("tokenizer"));
        server = TrainingServer.start(new ServerConfig("127.0.0.1", 0, root.resolve("data"),
                root.resolve("datasets"), root.resolve("tokenizer"), Backend.BUILTIN, root, root.resolve("checkout"),
                "python3", Duration.ofMillis(500), List.of("sh", "-c", script, "trainer"), false, 0, Optional.empty()));
    }

    @AfterAll
    static void stop() throws IOException {
        // Jobs outlive the server by design: open the gate so every scripted trainer finishes.
        if (!Files.exists(gate)) {
            Files.createFile(gate);
        }
        server.stop();
    }

    @Test
    void a_stream_resumed_by_its_event_id_continues_exactly_and_ends_when_the_job_ends() throws Exception {
        String key = register("stream@example.com");
        String id = post("/train", key, Map.of("train_type", "sft")).get("process_id").asText();
        String path = "/api/processes/" + id + "/logs/stream";

        String firstText;
        String resumeId;
        try (SseEvents events = SseEvents.open(uri(path), Map.of("Authorization", "Bearer " + key))) {
            assertThat(events.status()).isEqualTo(200);
            List<SseEvents.Event> seen = events.until(e -> text(List.of(e)).contains("second line"));
            firstText = text(seen);
            resumeId = seen.get(seen.size() - 1).id();
        }
        Files.createFile(gate);
        try (SseEvents events = SseEvents.open(uri(path),
                Map.of("Authorization", "Bearer " + key, "Last-Event-ID", resumeId))) {
            List<SseEvents.Event> rest = events.until(e -> e.name().equals("end"));
            String whole = firstText + text(rest);

            assertThat(rest.get(rest.size() - 1).name()).isEqualTo("end");
            assertThat(text(rest)).contains(PROGRESS + "\n").endsWith("tail");
            assertThat(whole).isEqualTo(plainText("/logs/" + id + "?lines=10000", key));
        }
        JsonNode metrics = get("/api/processes/" + id + "/metrics?cursor=0", key).body();
        assertThat(metrics.get("points")).hasSize(1);
        assertThat(metrics.get("points").get(0).get("loss").asDouble()).isEqualTo(8.8);
        assertThat(metrics.get("ended").asBoolean()).isTrue();
    }

    @Test
    void another_clients_job_is_404_and_a_missing_key_is_401() throws Exception {
        String owner = register("owner@example.com");
        String other = register("other@example.com");
        String id = post("/train", owner, Map.of("train_type", "sft")).get("process_id").asText();

        assertThat(get("/api/processes/" + id + "/metrics", other).status()).isEqualTo(404);
        assertThat(get("/api/processes/" + id + "/metrics", null).status()).isEqualTo(401);
        try (SseEvents events = SseEvents.open(uri("/api/processes/" + id + "/logs/stream"),
                Map.of("Authorization", "Bearer " + other))) {
            assertThat(events.status()).isEqualTo(404);
        }
        assertThat(get("/api/processes/not-an-id/metrics", owner).status()).isEqualTo(404);
    }

    @Test
    void the_page_is_served_with_a_content_security_policy_that_forbids_inline_script() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe-inline"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app.js\"></script>");
    }

    private record Reply(int status, JsonNode body) {
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String register(String email) throws Exception {
        return post("/api/register", null, Map.of("name", "Tester", "email", email)).get("api_key").asText();
    }

    private static JsonNode post(String path, String key, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return JSON.readTree(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static Reply get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private static String plainText(String path, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String text(List<SseEvents.Event> events) {
        return events.stream().filter(e -> e.name().equals("log")).map(e -> {
            try {
                return JSON.readTree(e.data()).get("text").asText();
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }).collect(Collectors.joining());
    }
}
