package ai.minimind.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.minimind.server.api.Json;
import ai.minimind.server.clients.Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonFileTest {
    private final ObjectMapper mapper = Json.newMapper();

    @TempDir
    Path dir;

    @Test
    void clients_survive_a_reload_with_exactly_the_spec_fields() throws Exception {
        Path file = dir.resolve("clients.json");
        new ClientStore(file, mapper).addIfEmailFree(new Client("c_1", "Ann", "a@b.org", "ab12", "2026-01-01T00:00:00Z"));
        assertThat(new ClientStore(file, mapper).byId("c_1")).isPresent();
        assertThat(mapper.readTree(file.toFile()).get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("client_id", "name", "email", "api_key_hash", "created_at");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void a_second_client_with_the_same_email_is_not_stored() {
        ClientStore store = new ClientStore(dir.resolve("clients.json"), mapper);
        assertThat(store.addIfEmailFree(new Client("c_1", "A", "a@b.org", "h1", "t"))).isTrue();
        assertThat(store.addIfEmailFree(new Client("c_2", "B", "a@b.org", "h2", "t"))).isFalse();
        assertThat(store.byId("c_2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\0\0\0\0", "{\"20261203_000000_aaaaaaaa\": {\"id\": \"2026", "[1, 2]", "null",
            "{\"x\": {\"id\": \"y\", \"client_id\": \"c\", \"state\": \"running\", \"log_file\": \"l\"}}",
            "{\"x\": {\"id\": \"x\", \"state\": \"exploded\"}}"})
    void unreadable_job_state_is_moved_aside_and_refused(String content) throws Exception {
        Path file = dir.resolve("training_processes.json");
        Files.writeString(file, content);
        assertThatThrownBy(() -> new JobStore(file, mapper))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("training_processes.json").hasMessageContaining("moved it aside");
        assertThat(file).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("training_processes.json.corrupt-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(aside)).isEqualTo(content); // kept byte for byte, never wiped
        }
    }

    @Test
    void torn_clients_file_is_refused_not_replaced() throws Exception {
        Path file = dir.resolve("clients.json");
        Files.writeString(file, "[{\"client_id\": \"c_1\", \"name\": \"A");
        assertThatThrownBy(() -> new ClientStore(file, mapper)).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("clients.json");
    }
}
