package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Paths into the shared test data (system property {@code minimind.shared}, set by surefire). */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        return Path.of(System.getProperty("minimind.shared", "../../shared")).toAbsolutePath().normalize();
    }

    public static Path samples(String file) {
        return root().resolve("data/minimind-samples").resolve(file);
    }

    public static Path tokenizerDir() {
        return root().resolve("data/tokenizer");
    }

    public static MiniMindTokenizer tokenizer() {
        try {
            return MiniMindTokenizer.load(tokenizerDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
