package ai.minimind.server;

import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.support.ChildServer;
import ai.minimind.server.support.Http;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code serve} entry point as a real process: the announce line and clean start-up failures. */
class ServerMainTest {
    @TempDir
    Path root;

    private List<String> args(String port) {
        return List.of("serve", "--port", port, "--data-dir", root.resolve("data").toString(), "--datasets",
                root.toString(), "--tokenizer", root.toString());
    }

    @Test
    void announces_the_url_on_port_zero_and_serves() {
        ChildServer server = ChildServer.launch(root.resolve("err"), args("0"));
        String url = server.awaitUrl();
        assertThat(url).matches("http://127\\.0\\.0\\.1:[0-9]+");
        assertThat(new Http(url, null).get("/healthz").status()).isEqualTo(200);
        server.kill9();
    }

    @Test
    void port_in_use_is_one_clear_line_and_exit_code_1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ChildServer server = ChildServer.launch(root.resolve("err"), args(Integer.toString(taken.getLocalPort())));
            assertThat(server.awaitUrl()).isNull();
            assertThat(server.awaitExit()).isEqualTo(1);
            String err = Files.readString(server.stderr());
            assertThat(err.lines().filter(l -> !l.isBlank())).singleElement().asString()
                    .startsWith("minimind serve: port").contains("already in use");
        }
    }

    @Test
    void torn_state_file_refuses_to_start_and_keeps_the_file() throws Exception {
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/training_processes.json"), "{\"20261203_000000_abcdefgh\": {\"id");
        ChildServer server = ChildServer.launch(root.resolve("err"), args("0"));
        assertThat(server.awaitUrl()).isNull();
        assertThat(server.awaitExit()).isEqualTo(1);
        assertThat(Files.readString(server.stderr())).contains("training_processes.json", "moved it aside");
        try (var files = Files.list(root.resolve("data"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("training_processes.json.corrupt-"));
        }
    }

    @Test
    void bad_flag_is_a_usage_error() {
        ChildServer server = ChildServer.launch(root.resolve("err"), List.of("--port", "many"));
        assertThat(server.awaitUrl()).isNull();
        assertThat(server.awaitExit()).isEqualTo(2);
    }
}
