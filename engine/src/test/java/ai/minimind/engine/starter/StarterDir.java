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

    static MiniMindTokenizer tokenizer() {
        try {
            return MiniMindTokenizer.load(tokenizerDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
