package ai.minimind.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.TrainingServer;
import ai.minimind.server.support.Http;
import ai.minimind.server.support.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Authentication, registration and the error shape, against a real server (no jobs started here). */
class AuthApiTest {
    @TempDir
    static Path root;

    private static TrainingServer server;
    private static Http open;

    @BeforeAll
    static void start() {
        server = TrainingServer.start(TestServers.config(root, java.util.List.of("/bin/false"), false, "test-secret"));
        open = new Http(server.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void assertUnauthorized(Http.Response r) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().get("code").asText()).isEqualTo("unauthorized");
    }

    @Test
    void health_is_open() {
        Http.Response health = open.get("/healthz");
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
        assertThat(health.headers().firstValue("Content-Type").orElseThrow()).contains("application/json")
                .containsIgnoringCase("charset=utf-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwYXNz", "Token abc",
            "Bearer mm-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "Bearer mm-short", "Bearer not-a-key",
            "Bearer mmt.Y18xOjk5OTk5OTk5OTk.AAAA"})
    void bad_authorization_is_401_with_bearer_challenge(String header) {
        Http caller = open.withAuthorization(header.isEmpty() ? null : header);
        for (String path : new String[] {"/processes", "/api/me", "/logfiles", "/api/train-types"}) {
            assertUnauthorized(caller.get(path));
        }
        assertUnauthorized(caller.post("/train", Map.of("train_type", "sft")));
    }

    @Test
    void register_trims_and_lowercases_and_returns_the_key_once() throws Exception {
        Http.Response r = open.post("/api/register", Map.of("name", "  Ada  ", "email", "  Ada@Example.ORG "));
        assertThat(r.status()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("name").asText()).isEqualTo("Ada");
        assertThat(body.get("email").asText()).isEqualTo("ada@example.org");
        String key = body.get("api_key").asText();
        assertThat(key).matches("mm-[A-Za-z0-9_-]{43}");
        JsonNode me = open.withKey(key).get("/api/me").json();
        assertThat(me.get("client_id").asText()).isEqualTo(body.get("client_id").asText());
        assertThat(me.has("api_key")).isFalse();
        String stored = Files.readString(root.resolve("data/clients.json"));
        assertThat(stored).doesNotContain(key).contains(ai.minimind.server.auth.ApiKeys.hash(key));
    }

    @Test
    void duplicate_email_is_409() {
        open.register("One", "dup@example.org");
        Http.Response r = open.post("/api/register", Map.of("name", "Two", "email", "DUP@example.org"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("conflict");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"\", \"email\": \"a@b.org\"}", "{\"name\": \"   \", \"email\": \"a@b.org\"}",
            "{\"name\": \"a\\u0007b\", \"email\": \"a@b.org\"}", "{\"email\": \"a@b.org\"}",
            "{\"name\": \"x\", \"email\": \"not-an-email\"}", "{\"name\": \"x\", \"email\": \"a@b\"}",
            "{\"name\": 5, \"email\": \"a@b.org\"}", "[1]", "not json"})
    void invalid_registration_is_400(String body) {
        Http.Response r = open.post("/api/register", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().get("code").asText()).isIn("bad_request", "validation_failed");
    }

    @Test
    void name_over_64_characters_and_email_over_254_are_refused() {
        assertThat(open.post("/api/register", Map.of("name", "n".repeat(65), "email", "x@y.org")).status())
                .isEqualTo(400);
        assertThat(open.post("/api/register", Map.of("name", "n".repeat(64), "email", "x64@y.org")).status())
                .isEqualTo(201);
        String email = "a".repeat(250) + "@b.org";
        assertThat(open.post("/api/register", Map.of("name", "n", "email", email)).status()).isEqualTo(400);
    }

    @Test
    void token_works_as_bearer_and_ttl_is_bounded() {
        Http client = open.withKey(open.register("Tok", "tok@example.org"));
        Http.Response issued = client.post("/api/token", Map.of("ttl", 60));
        assertThat(issued.status()).isEqualTo(200);
        String token = issued.json().get("token").asText();
        assertThat(open.withKey(token).get("/api/me").json().get("email").asText()).isEqualTo("tok@example.org");
        assertThat(client.post("/api/token", Map.of("ttl", 86_401)).status()).isEqualTo(400);
        assertThat(client.post("/api/token", Map.of("ttl", 0)).status()).isEqualTo(400);
        assertThat(client.post("/api/token", "").status()).isEqualTo(200);
        assertUnauthorized(open.withKey(token + "x").get("/api/me"));
    }

    @Test
    void body_over_one_mebibyte_is_413() {
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        Http.Response r = open.postBytes("/api/register", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void unknown_route_is_json_404() {
        Http.Response r = open.get("/no/such/route");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void train_types_serves_the_dispatcher_table() {
        Http client = open.withKey(open.register("Types", "types@example.org"));
        JsonNode types = client.get("/api/train-types").json().get("train_types");
        assertThat(types.fieldNames()).toIterable().containsExactly("pretrain", "sft", "lora", "dpo", "ppo",
                "grpo", "spo");
        JsonNode epochs = types.get("sft").get("params").get(0);
        assertThat(epochs.get("name").asText()).isEqualTo("epochs");
        assertThat(epochs.get("default").asInt()).isEqualTo(2);
        assertThat(types.get("sft").get("script").asText()).isEqualTo("train_full_sft.py");
    }

    @Test
    void an_unexpected_failure_is_500_internal_with_a_request_id_and_no_stack_trace() throws Exception {
        Http.Response reg = open.post("/api/register", Map.of("name", "Broken", "email", "broken@example.org"));
        Http client = open.withKey(reg.json().get("api_key").asText());
        Path clients = root.resolve("data/clients");
        Files.createDirectories(clients);
        Files.writeString(clients.resolve(reg.json().get("client_id").asText()), "a file where a folder belongs");
        Http.Response r = client.post("/train", Map.of("train_type", "sft"));
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("code").asText()).isEqualTo("internal");
        assertThat(r.json().get("error").asText()).contains("request id");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void preview_shows_the_argv_without_starting_a_job() {
        Http client = open.withKey(open.register("Preview", "preview@example.org"));
        Http.Response r = client.post("/api/train/preview", Map.of("train_type", "dpo", "beta", "0.2",
                "train_monitor", "swanlab"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("command")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly("/bin/false", "dpo", "--beta", "0.2", "--use_wandb");
        assertThat(client.get("/processes").json()).isEmpty();
        assertThat(client.post("/api/train/preview", Map.of("train_type", "dpo", "beta", "x")).status())
                .isEqualTo(400);
    }

    @Test
    void the_reward_model_default_may_be_sent_explicitly_but_no_other_escape() {
        Http client = open.withKey(open.register("Reward", "reward@example.org"));
        Http.Response asDefault = client.post("/api/train/preview", Map.of("train_type", "grpo",
                "reward_model_path", "../../internlm2-1_8b-reward"));
        assertThat(asDefault.status()).isEqualTo(200);
        Http.Response elsewhere = client.post("/api/train/preview", Map.of("train_type", "grpo",
                "reward_model_path", "../../other-reward"));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().get("error").asText()).contains("reward_model_path");
    }
}
