package ai.minimind.server.store;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One JSON state file, written so that a crash or {@code kill -9} at any moment leaves either the old or the new
 * content: write a temp file in the same folder, fsync it, rename it over the target with ATOMIC_MOVE, fsync the
 * folder so the rename itself is durable.
 */
public final class JsonFile<T> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path file;
    private final ObjectMapper mapper;
    private final JavaType type;
    private final Consumer<T> shapeCheck;

    /** {@code shapeCheck} throws (any RuntimeException) when parsed content does not have the expected shape. */
    public JsonFile(Path file, ObjectMapper mapper, JavaType type, Consumer<T> shapeCheck) {
        this.file = file;
        this.mapper = mapper;
        this.type = type;
        this.shapeCheck = shapeCheck;
    }

    /**
     * The file's content; empty when it does not exist. Any other unreadable state (empty, NUL-filled, torn,
     * wrong shape) moves the file aside and throws {@link CorruptStateException}.
     */
    public Optional<T> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String reason;
        try {
            byte[] bytes = Files.readAllBytes(file);
            T value = bytes.length == 0 ? null : mapper.readValue(bytes, type);
            if (value != null) {
                shapeCheck.accept(value);
                return Optional.of(value);
            }
            reason = bytes.length == 0 ? "empty file" : "JSON null instead of an object";
        } catch (IOException | RuntimeException e) {
            reason = e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        }
        throw new CorruptStateException(file, moveAside(), reason);
    }

    public void write(T value) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dirChannel = FileChannel.open(dir, StandardOpenOption.READ)) {
                dirChannel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // Best effort: a leftover temp file is harmless, it never has the target's name.
            }
        }
    }

    private Path moveAside() {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
        try {
            return Files.move(file, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move unreadable " + file + " aside", e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
