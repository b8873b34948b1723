package ai.minimind.engine.data;

import java.nio.file.Path;

/** Bad training data: names the file and the 1-based line. */
public class DataFormatException extends RuntimeException {
    private final Path file;
    private final long line;

    public DataFormatException(Path file, long line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
