package ai.minimind.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.minimind.server.api.ApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathGuardTest {
    @TempDir
    Path root;

    private Workspace ws;
    private Workspaces workspaces;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("datasets"));
        Files.writeString(root.resolve("datasets/sft.jsonl"), "{}\n");
        Files.createDirectories(root.resolve("tokenizer"));
        Files.createDirectories(root.resolve("secret"));
        workspaces = new Workspaces(root.resolve("data"), root.resolve("datasets"), root.resolve("tokenizer"));
        ws = workspaces.prepare("c_1");
        workspaces.prepare("c_2");
        Files.createSymbolicLink(ws.work().resolve("escape"), root.resolve("secret"));
    }

    private String input(String value) {
        return PathGuard.check("data_path", value, ws, workspaces.sharedInputs(), false);
    }

    @Test
    void workspace_has_the_folders_and_links_minimind_expects() {
        assertThat(ws.root().resolve("out")).isDirectory();
        assertThat(ws.root().resolve("checkpoints")).isDirectory();
        assertThat(ws.logs()).isDirectory();
        assertThat(ws.root().resolve("dataset/sft.jsonl")).exists();
        assertThat(Files.isSymbolicLink(ws.root().resolve("model"))).isTrue();
    }

    @Test
    void minimind_defaults_and_own_files_are_allowed() {
        assertThat(input("../dataset/sft.jsonl")).isEqualTo("../dataset/sft.jsonl");
        assertThat(input("../dataset/new.jsonl")).isEqualTo("../dataset/new.jsonl");
        assertThat(input("../out/full_sft_512.pth")).isEqualTo("../out/full_sft_512.pth");
        assertThat(input("mine.jsonl")).isEqualTo("mine.jsonl");
        assertThat(input("../model")).isEqualTo("../model");
        assertThat(PathGuard.check("save_dir", "../out/lora", ws, workspaces.sharedInputs(), true))
                .isEqualTo("../out/lora");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "../../c_2/out/x.pth", "../..", "../dataset/../../x", "escape/file",
            "%2e%2e/%2e%2e/x", "%252e%252e/x", "..%2f..%2fx", "a\0b", "..\\..\\x", "~/x", "nothere/../../../x"})
    void escapes_are_refused_naming_the_field(String value) {
        assertThatThrownBy(() -> input(value)).isInstanceOf(ApiException.class).hasMessageContaining("data_path");
    }

    @Test
    void outputs_may_not_write_into_the_shared_datasets() {
        assertThatThrownBy(() -> PathGuard.check("save_dir", "../dataset", ws, workspaces.sharedInputs(), true))
                .hasMessageContaining("save_dir");
    }
}
