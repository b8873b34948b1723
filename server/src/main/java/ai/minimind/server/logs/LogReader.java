package ai.minimind.server.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reading job logs safely whatever their size and encoding. STUB: contract only. */
public final class LogReader {
    private LogReader() {
    }

    /**
     * The last {@code lines} lines of the file, read backwards from its end, so the cost depends on the lines
     * asked for, not on the file's size. Each line is decoded on its own: UTF-8, else GBK where the bytes are
     * valid GBK, else UTF-8 with replacement characters. A window that starts inside a multi-byte character
     * never garbles a returned line. A missing file reads as "".
     */
    public static String tail(Path file, int lines) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The whole file as UTF-8 text, decoded line by line as {@link #tail} does, streamed (never loaded whole). */
    public static InputStream decodedStream(Path file) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Complete lines that start at byte {@code offset} (at most about {@code maxBytes} of them), decoded, and
     * the offset just past the last returned line. A trailing line without newline is returned only when
     * {@code includePartial} is true (the job has ended). For live log streams resumed by byte offset.
     */
    public static Chunk readFrom(Path file, long offset, int maxBytes, boolean includePartial) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Decoded text and the byte offset where the next read starts. */
    public record Chunk(String text, long nextOffset) {
    }
}
