package ai.minimind.server.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream and metrics routes on a bare Javalin app, with a lookup that knows one job ("job-1"). */
@Timeout(60)
class LogStreamApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINE_1 = "MiniMind training started: sft\n";
    private static final String LINE_2 = "Epoch:[1/1](1/4) loss:8.800000 lr:0.000000550000 epoch_Time:0.0min:\n";
    private static final String LINE_3 = "Epoch:[1/1](2/4) loss:8.700000 lr:0.000000500000 epoch_Time:0.0min:\n";

    // One app for the class (starting Jetty is the slow part); each test points it at its own log file.
    private static final AtomicReference<Path> CURRENT_LOG = new AtomicReference<>();
    private static final AtomicBoolean ENDED = new AtomicBoolean(true);
    private static Javalin app;

    @TempDir
    Path dir;
    private Path log;
    private final AtomicBoolean ended = ENDED;

    @BeforeAll
    static void start() {
        JobLogLookup lookup = (ctx, id) -> id.equals("job-1")
                ? Optional.of(new JobLog(CURRENT_LOG.get(), ENDED::get)) : Optional.empty();
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            MetricsApi.register(config.routes, lookup);
            LogStreamApi.register(config.routes, lookup);
        }).start("127.0.0.1", 0);
    }

    @BeforeEach
    void useFreshLog() {
        log = dir.resolve("job-1.log");
        CURRENT_LOG.set(log);
        ENDED.set(true);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private List<SseEvents.Event> readAll(String path, Map<String, String> headers) throws Exception {
        try (SseEvents events = SseEvents.open(uri(path), headers)) {
            assertThat(events.status()).isEqualTo(200);
            return events.until(e -> e.name().equals("end"));
        }
    }

    private static String text(List<SseEvents.Event> events) {
        return events.stream().filter(e -> e.name().equals("log")).map(LogStreamApiTest::textOf)
                .collect(Collectors.joining());
    }

    private static String textOf(SseEvents.Event event) {
        try {
            return JSON.readTree(event.data()).get("text").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void streams_a_finished_log_whole_and_ends_with_an_end_event_at_its_size() throws Exception {
        Files.writeString(log, LINE_1 + LINE_2 + LINE_3);

        List<SseEvents.Event> events = readAll("/api/processes/job-1/logs/stream", Map.of());

        assertThat(text(events)).isEqualTo(LINE_1 + LINE_2 + LINE_3);
        assertThat(events.get(events.size() - 1).name()).isEqualTo("end");
        assertThat(events.get(events.size() - 1).id()).isEqualTo(Long.toString(Files.size(log)));
    }

    @Test
    void resumes_exactly_after_the_last_event_id() throws Exception {
        Files.writeString(log, LINE_1 + LINE_2 + LINE_3);
        long afterFirstLine = LINE_1.getBytes(StandardCharsets.UTF_8).length;

        List<SseEvents.Event> events = readAll("/api/processes/job-1/logs/stream",
                Map.of("Last-Event-ID", Long.toString(afterFirstLine)));

        assertThat(text(events)).isEqualTo(LINE_2 + LINE_3);
    }

    @Test
    void resumes_from_an_offset_query_parameter_with_multibyte_text_before_it() throws Exception {
        String chinese = "LLM可训练总参数量：0.123 百万\n";
        Files.writeString(log, chinese + LINE_2);
        long offset = chinese.getBytes(StandardCharsets.UTF_8).length;

        assertThat(text(readAll("/api/processes/job-1/logs/stream?offset=" + offset, Map.of()))).isEqualTo(LINE_2);
    }

    @Test
    void tail_starts_at_the_first_whole_line_of_the_last_bytes() throws Exception {
        Files.writeString(log, LINE_1 + LINE_2 + LINE_3);

        String tail = text(readAll("/api/processes/job-1/logs/stream?tail=" + (LINE_3.length() + 5), Map.of()));

        assertThat(tail).isEqualTo(LINE_3);
    }

    @Test
    void follows_a_running_job_and_ends_after_it_finishes_with_its_unterminated_last_line() throws Exception {
        ended.set(false);
        Files.writeString(log, LINE_1 + "half a li");
        try (SseEvents events = SseEvents.open(uri("/api/processes/job-1/logs/stream"), Map.of())) {
            SseEvents.Event first = events.next();
            assertThat(textOf(first)).isEqualTo(LINE_1);
            assertThat(first.id()).isEqualTo(Long.toString(LINE_1.length()));

            Files.writeString(log, "ne\n" + LINE_2 + "no newline at the end", StandardOpenOption.APPEND);
            String later = text(events.until(e -> textOf(e).contains(LINE_2)));
            assertThat(later).isEqualTo("half a line\n" + LINE_2);

            ended.set(true);
            List<SseEvents.Event> rest = events.until(e -> e.name().equals("end"));
            assertThat(text(rest)).isEqualTo("no newline at the end");
            assertThat(rest.get(rest.size() - 1).id()).isEqualTo(Long.toString(Files.size(log)));
        }
    }

    @Test
    void another_clients_or_unknown_process_is_a_404_before_any_stream_opens() throws Exception {
        Files.writeString(log, LINE_1);
        try (SseEvents events = SseEvents.open(uri("/api/processes/job-2/logs/stream"), Map.of())) {
            assertThat(events.status()).isEqualTo(404);
        }
        assertThat(get("/api/processes/job-2/metrics").statusCode()).isEqualTo(404);
    }

    @Test
    void a_negative_or_non_numeric_offset_is_a_400_naming_the_parameter() throws Exception {
        HttpResponse<String> response = get("/api/processes/job-1/metrics?cursor=abc");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("cursor");
        try (SseEvents events = SseEvents.open(uri("/api/processes/job-1/logs/stream"),
                Map.of("Last-Event-ID", "-5"))) {
            assertThat(events.status()).isEqualTo(400);
        }
    }

    @Test
    void metrics_come_in_pages_with_a_cursor_that_picks_up_only_new_lines() throws Exception {
        ended.set(false);
        Files.writeString(log, LINE_1 + LINE_2);
        var first = JSON.readTree(get("/api/processes/job-1/metrics?cursor=0").body());
        assertThat(first.get("points")).hasSize(1);
        assertThat(first.get("points").get(0).get("loss").asDouble()).isEqualTo(8.8);

        Files.writeString(log, LINE_3, StandardOpenOption.APPEND);
        var second = JSON.readTree(get("/api/processes/job-1/metrics?cursor=" + first.get("cursor").asLong()).body());

        assertThat(second.get("points")).hasSize(1);
        assertThat(second.get("points").get(0).get("step").asLong()).isEqualTo(2);
        assertThat(second.get("cursor").asLong()).isEqualTo(Files.size(log));
        assertThat(second.get("ended").asBoolean()).isFalse();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
