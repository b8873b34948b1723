package ai.minimind.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigParserTest {

    @Test
    void defaults_apply_without_flags_or_env() {
        ServerConfig c = ServerConfigParser.parse(List.of("serve"), Map.of());
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(12581);
        assertThat(c.dataDir()).isEqualTo(Path.of("trainer_web").toAbsolutePath());
        assertThat(c.backend()).isEqualTo(Backend.BUILTIN);
        assertThat(c.stopGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.allowAnonymous()).isFalse();
        assertThat(c.serverSecret()).isEmpty();
        assertThat(c.engineCommand()).last().isEqualTo("train");
        assertThat(c.engineCommand().get(0)).endsWith("bin/minimind");
    }

    @Test
    void flag_beats_env_and_env_beats_default() {
        Map<String, String> env = Map.of("MINIMIND_PORT", "7000", "MINIMIND_HOST", "0.0.0.0",
                "ALLOW_ANONYMOUS", "true", "SERVER_SECRET", "s3cret", "MINIMIND_BACKEND", "python");
        ServerConfig c = ServerConfigParser.parse(List.of("--port", "8000", "--stop-grace-seconds=0.5"), env);
        assertThat(c.port()).isEqualTo(8000);
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.allowAnonymous()).isTrue();
        assertThat(c.serverSecret()).contains("s3cret");
        assertThat(c.backend()).isEqualTo(Backend.PYTHON);
        assertThat(c.stopGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.maxRunningJobs()).isZero();
        assertThat(ServerConfigParser.parse(List.of("--max-running-jobs", "3"), Map.of("MINIMIND_MAX_RUNNING_JOBS",
                "9")).maxRunningJobs()).isEqualTo(3);
        assertThat(ServerConfigParser.parse(List.of(), Map.of("MINIMIND_MAX_RUNNING_JOBS", "9")).maxRunningJobs())
                .isEqualTo(9);
    }

    @Test
    void python_backend_defaults_datasets_and_tokenizer_to_the_checkout() {
        ServerConfig c = ServerConfigParser.parse(List.of("--backend", "python", "--checkout", "/opt/minimind"),
                Map.of());
        assertThat(c.datasetsDir()).isEqualTo(Path.of("/opt/minimind/dataset"));
        assertThat(c.tokenizerDir()).isEqualTo(Path.of("/opt/minimind/model"));
    }

    @Test
    void builtin_backend_defaults_to_the_starter_data_and_tokenizer() {
        ServerConfig c = ServerConfigParser.parse(List.of("--minimind-home", "/srv/mm"), Map.of());
        assertThat(c.datasetsDir()).isEqualTo(Path.of("/srv/mm/examples/starter"));
        assertThat(c.tokenizerDir()).isEqualTo(Path.of("/srv/mm/examples/starter/tokenizer"));
    }

    @Test
    void starter_defaults_exist_in_this_checkout() {
        ServerConfig c = ServerConfigParser.parse(List.of("--minimind-home", System.getProperty("minimind.home")),
                Map.of());
        assertThat(c.datasetsDir().resolve("sft.jsonl")).isRegularFile();
        assertThat(c.tokenizerDir().resolve("tokenizer.json")).isRegularFile();
    }

    @Test
    void engine_command_splits_on_whitespace() {
        ServerConfig c = ServerConfigParser.parse(List.of("--engine-command", "java -cp x Main"), Map.of());
        assertThat(c.engineCommand()).containsExactly("java", "-cp", "x", "Main");
    }

    @Test
    void bad_values_name_the_flag() {
        assertThatThrownBy(() -> ServerConfigParser.parse(List.of("--port", "abc"), Map.of()))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerConfigParser.parse(List.of("--nope", "1"), Map.of()))
                .hasMessageContaining("--nope");
        assertThatThrownBy(() -> ServerConfigParser.parse(List.of("--backend", "rust"), Map.of()))
                .hasMessageContaining("builtin or python");
        assertThatThrownBy(() -> ServerConfigParser.parse(List.of("--port", "70000"), Map.of()))
                .hasMessageContaining("port");
    }

    @Test
    void to_string_never_shows_the_secret() {
        ServerConfig c = ServerConfigParser.parse(List.of(), Map.of("SERVER_SECRET", "hunter2"));
        assertThat(c.toString()).doesNotContain("hunter2").contains("secret=set");
    }
}
