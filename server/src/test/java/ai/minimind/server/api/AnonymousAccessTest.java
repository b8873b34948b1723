package ai.minimind.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.TrainingServer;
import ai.minimind.server.support.Http;
import ai.minimind.server.support.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnonymousAccessTest {
    @TempDir
    Path root;

    @Test
    void loopback_without_header_is_anonymous_but_a_bad_key_is_still_401_and_tokens_are_404() {
        try (TrainingServer server = TrainingServer.start(TestServers.config(root, List.of("/bin/false"), true,
                null))) {
            Http open = new Http(server.baseUrl(), null);
            assertThat(open.get("/api/me").json().get("client_id").asText()).isEqualTo("anonymous");
            assertThat(open.get("/processes").status()).isEqualTo(200);
            assertThat(open.withKey("mm-wrong").get("/api/me").status()).isEqualTo(401);
            assertThat(open.withAuthorization("Bearer ").get("/api/me").status()).isEqualTo(401);
            String key = open.register("Ann", "ann@example.org");
            assertThat(open.withKey(key).post("/api/token", Map.of()).status()).isEqualTo(404);
        }
    }
}
