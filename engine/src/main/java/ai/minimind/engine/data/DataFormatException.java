package ai.minimind.engine.data;

import java.nio.file.Path;

/** Bad training data: names the file and the 1-based line (0 when the problem is the file as a whole). */
public class DataFormatException extends RuntimeException {
    private final Path file;
    private final long line;

    public DataFormatException(Path file, long line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** A problem of the whole file (no records, every sample dropped); {@link #line()} is 0. */
    public DataFormatException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
        this.line = 0;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }
}
