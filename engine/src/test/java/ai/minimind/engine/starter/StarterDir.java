package ai.minimind.engine.starter;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed starter folder {@code examples/starter}, found from the engine module's directory. */
final class StarterDir {
    private StarterDir() {
    }

    static Path root() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        Path dir = module.resolveSibling("examples").resolve("starter");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("starter data folder not found: " + dir);
        }
        return dir;
    }

    static Path file(String name) {
        return root().resolve(name);
    }

    static Path tokenizerDir() {
        return root().resolve("tokenizer");
    }

    /** One tokenizer for the whole test JVM (it is read-only and thread-safe); never close it. */
    static MiniMindTokenizer tokenizer() {
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
