package ai.minimind.server.support;

import ai.minimind.server.config.Backend;
import ai.minimind.server.config.ServerConfig;
import ai.minimind.server.dispatch.TrainType;
import ai.minimind.server.dispatch.TrainTypes;
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
        withDefaultDataFiles(root.resolve("datasets"));
        try {
            Files.createDirectories(root.resolve("tokenizer"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServerConfig("127.0.0.1", 0, root.resolve("data"), root.resolve("datasets"),
                root.resolve("tokenizer"), Backend.BUILTIN, root, root.resolve("checkout"), "python3",
                Duration.ofMillis(500), engine, anonymous, 0, Optional.ofNullable(secret));
    }

    /**
     * Creates {@code datasets} with a placeholder for every script's default {@code data_path}
     * ({@code pretrain_hq.jsonl}, {@code sft_mini_512.jsonl}, ...), which the server requires to exist, for tests
     * whose jobs leave it out.
     */
    public static Path withDefaultDataFiles(Path datasets) {
        try {
            Files.createDirectories(datasets);
            for (TrainType type : TrainTypes.all().values()) {
                String file = type.param("data_path").orElseThrow().defaultValue().toString()
                        .substring("../dataset/".length());
                if (!Files.exists(datasets.resolve(file))) {
                    Files.writeString(datasets.resolve(file), "{\"text\": \"placeholder\"}\n");
                }
            }
            return datasets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A config for tests that never start a job. */
    public static ServerConfig config(Path root) {
        return config(root, List.of("/bin/false"), false, null);
    }
}
