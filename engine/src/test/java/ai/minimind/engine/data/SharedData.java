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

    /** One tokenizer for the whole test JVM (it is read-only and thread-safe); never close it. */
    public static MiniMindTokenizer tokenizer() {
        return Loaded.TOKENIZER;
    }

    /** Lazy holder: loaded on first use, freed with the JVM. */
    private static final class Loaded {
        static final MiniMindTokenizer TOKENIZER = load();

        private static MiniMindTokenizer load() {
            try {
                return MiniMindTokenizer.load(tokenizerDir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
