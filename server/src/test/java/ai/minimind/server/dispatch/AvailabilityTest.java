package ai.minimind.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.TrainingServer;
import ai.minimind.server.config.ServerConfigParser;
import ai.minimind.server.support.Http;
import ai.minimind.server.support.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with the project's own engine offers what that engine trains, and says how to get the rest. */
class AvailabilityTest {
    @TempDir
    Path root;

    @Test
    void the_stock_builtin_engine_refuses_types_it_does_not_train_yet_with_the_way_to_run_them() {
        List<String> stock = List.of(root.resolve("bin/minimind").toString(), "train"); // minimind home is root
        try (TrainingServer server = TrainingServer.start(TestServers.config(root, stock, false, null))) {
            Http open = new Http(server.baseUrl(), null);
            Http client = open.withKey(open.register("Lu", "lu@example.org"));

            JsonNode types = client.get("/api/train-types").json().get("train_types");
            assertThat(types.get("sft").get("available").asBoolean()).isTrue();
            assertThat(types.get("pretrain").get("available").asBoolean()).isTrue();
            for (String type : List.of("lora", "dpo", "ppo", "grpo", "spo")) {
                assertThat(types.get(type).get("available").asBoolean()).as(type).isFalse();
                assertThat(types.get(type).get("params").size()).as(type).isPositive(); // still the whole table
            }
            assertThat(types.get("lora").get("script").asText()).isEqualTo("train_lora.py");

            for (String route : List.of("/train", "/api/train/preview")) {
                Http.Response refused = client.post(route, Map.of("train_type", "lora", "epochs", "1"));
                assertThat(refused.status()).as(route).isEqualTo(400);
                assertThat(refused.json().get("code").asText()).isEqualTo("validation_failed");
                assertThat(refused.json().get("error").asText()).contains("train_type 'lora'", "--backend python",
                        "train_lora.py");
            }
            assertThat(client.get("/processes").json()).isEmpty();
        }
    }

    @Test
    void another_engine_command_or_the_python_backend_offers_every_type() {
        try (TrainingServer server = TrainingServer.start(TestServers.config(root))) { // engine: /bin/false
            Http open = new Http(server.baseUrl(), null);
            Http client = open.withKey(open.register("Mo", "mo@example.org"));
            client.get("/api/train-types").json().get("train_types")
                    .forEach(type -> assertThat(type.get("available").asBoolean()).isTrue());
        }
        Availability python = new Availability(ServerConfigParser.parse(List.of("--backend", "python"), Map.of()));
        assertThat(TrainTypes.all().values()).allSatisfy(type -> assertThat(python.runs(type)).isTrue());
    }
}
