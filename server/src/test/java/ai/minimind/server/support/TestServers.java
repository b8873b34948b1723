package ai.minimind.server.support;

import ai.minimind.server.config.Backend;
import ai.minimind.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Configurations for in-process test servers on port 0 over a temporary data folder. */
public final class TestServers {
    private TestServers() {
    }

    /** A builtin-backend config whose engine command is {@code engine}; datasets in {@code root/datasets}. */
    public static ServerConfig config(Path root, List<String> engine, boolean anonymous, String secret) {
        try {
            Files.createDirectories(root.resolve("datasets"));
            Files.createDirectories(root.resolve("tokenizer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerConfig("127.0.0.1", 0, root.resolve("data"), root.resolve("datasets"),
                root.resolve("tokenizer"), Backend.BUILTIN, root, root.resolve("checkout"), "python3",
                Duration.ofMillis(500), engine, anonymous, 0, Optional.ofNullable(secret));
    }

    /** A config for tests that never start a job. */
    public static ServerConfig config(Path root) {
        return config(root, List.of("/bin/false"), false, null);
    }
}
