package ai.minimind.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.TrainingServer;
import ai.minimind.server.support.Http;
import ai.minimind.server.support.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests of odd shapes (methods, content types, escapes) still get api.md's answers: never a 500, always JSON. */
class RequestShapeTest {
    @TempDir
    static Path root;
    private static TrainingServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = TrainingServer.start(TestServers.config(root));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/processes", "/api/me", "/logs/20260101_000000_abcdefgh", "/logfiles",
            "/logfile-content/train_sft_20260101_000000_abcdefgh.log", "/api/train-types",
            "/api/processes/20260101_000000_abcdefgh/logs/stream"})
    void head_on_a_keyed_route_needs_the_key_like_get(String path) throws Exception {
        HttpResponse<String> r = send("HEAD", path, null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/healthz"})
    void head_on_the_open_routes_stays_open(String path) throws Exception {
        assertThat(send("HEAD", path, null, null).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "multipart/form-data; boundary=x | --x--",
            "application/x-www-form-urlencoded; charset=bogus | name=Al&email=al@example.org"})
    void a_body_the_server_cannot_read_is_400_not_500(String type, String body) throws Exception {
        HttpResponse<String> r = send("POST", "/api/register", type, body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("bad_request");
    }

    @org.junit.jupiter.api.Test
    void an_unknown_charset_on_a_json_body_is_read_as_the_utf_8_json_it_is() throws Exception {
        HttpResponse<String> r = send("POST", "/api/register", "application/json; charset=bogus",
                "{\"name\": \"Bo\", \"email\": \"bo@example.org\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(new Http(server.baseUrl(), null).withKey(JSON.readTree(r.body()).get("api_key").asText())
                .get("/api/me").json().get("name").asText()).isEqualTo("Bo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Cy\", \"email\": \"cy@example.org\"} junk",
            "{\"name\": \"Cy\", \"email\": \"cy@example.org\"}{\"name\": \"Dy\"}"})
    void trailing_text_after_the_json_object_is_refused(String body) throws Exception {
        HttpResponse<String> r = send("POST", "/api/register", "application/json", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "PUT", "PATCH", "GET", "POST"})
    void a_malformed_escape_is_a_json_400_for_every_method(String method) throws Exception {
        HttpResponse<String> r = send(method, "/delete-logfile/%ff", null, null);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.get("success").asBoolean()).isFalse();
        assertThat(error.get("code").asText()).isEqualTo("bad_request");
    }
}
