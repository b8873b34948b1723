package ai.minimind.server.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reading job logs safely whatever their size and encoding. Lines end at {@code '\n'}; a CRLF ending is
 * returned as {@code '\n'}; a last line without newline is returned without one. Each line is decoded on its
 * own (see {@link LineDecoder}): UTF-8, else GBK, else UTF-8 with replacement characters. Content never
 * causes an exception; only I/O failures do.
 */
public final class LogReader {
    /** Tail windows are read in blocks of this size, from the end backwards. */
    static final int BLOCK = 64 * 1024;
    /** Upper bound of bytes one {@link #tail} call reads, so even a log of one 2 GB line answers cheaply. */
    static final int MAX_TAIL_BYTES = 8 * 1024 * 1024;

    private LogReader() {
    }

    /**
     * The last {@code lines} lines of the file, read backwards from its end, so the cost depends on the lines
     * asked for, not on the file's size. Each line is decoded on its own: UTF-8, else GBK where the bytes are
     * valid GBK, else UTF-8 with replacement characters. A window that starts inside a multi-byte character
     * never garbles a returned line. A missing file reads as "".
     *
     * <p>At most {@value #MAX_TAIL_BYTES} bytes are read; when the lines asked for are longer than that, the
     * line cut by the window's start is dropped (unless it is the only one, then its UTF-8-aligned tail is
     * returned).
     */
    public static String tail(Path file, int lines) throws IOException {
        return tail(file, lines, MAX_TAIL_BYTES);
    }

    static String tail(Path file, int lines, int maxBytes) throws IOException {
        if (lines < 0) {
            throw new IllegalArgumentException("lines must be >= 0, was " + lines);
        }
        if (lines == 0) {
            return "";
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            TailWindow window = TailWindow.find(channel, size, lines, maxBytes);
            byte[] bytes = readFully(channel, window.start(), (int) (size - window.start()));
            int from = window.cutInsideLine() ? LineDecoder.skipContinuation(bytes, 0, bytes.length) : 0;
            return decodeLines(new LineDecoder(), bytes, from, bytes.length);
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    /**
     * The whole file as UTF-8 text, decoded line by line as {@link #tail} does, streamed (never loaded whole).
     * Lines longer than 1 MiB are passed on in UTF-8-aligned pieces, which keeps memory bounded.
     */
    public static InputStream decodedStream(Path file) throws IOException {
        return new DecodedLogStream(FileChannel.open(file, StandardOpenOption.READ));
    }

    /**
     * Complete lines that start at byte {@code offset} (at most about {@code maxBytes} of them), decoded, and
     * the offset just past the last returned line. A trailing line without newline is returned only when
     * {@code includePartial} is true (the job has ended). For live log streams resumed by byte offset.
     *
     * <p>Offsets should be ones this method returned (or 0). A line longer than {@code maxBytes} is returned
     * in UTF-8-aligned pieces so a stream never stalls on it. An offset at or beyond the end of the file
     * (nothing new yet, or the file was truncated or is missing) yields empty text and the same offset;
     * a caller that sees the file shrink below its offset may restart from 0.
     */
    public static Chunk readFrom(Path file, long offset, int maxBytes, boolean includePartial) throws IOException {
        if (offset < 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and maxBytes > 0, were " + offset + ", "
                    + maxBytes);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (offset >= size) {
                return new Chunk("", offset);
            }
            int length = (int) Math.min(maxBytes, size - offset);
            byte[] bytes = readFully(channel, offset, length);
            int end = chunkEnd(bytes, offset + length == size, includePartial);
            return new Chunk(decodeLines(new LineDecoder(), bytes, 0, end), offset + end);
        } catch (NoSuchFileException e) {
            return new Chunk("", offset);
        }
    }

    private static int chunkEnd(byte[] bytes, boolean atEof, boolean includePartial) {
        if (atEof && includePartial) {
            return bytes.length;
        }
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        if (atEof) {
            return 0;
        }
        int cut = LineDecoder.utf8Boundary(bytes, 0, bytes.length);
        return cut > 0 ? cut : bytes.length;
    }

    /** Decodes {@code bytes[from, to)} line by line; lines keep a {@code '\n'} end only if they had one. */
    static String decodeLines(LineDecoder decoder, byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                text.append(decoder.decode(bytes, lineStart, i)).append('\n');
                lineStart = i + 1;
            }
        }
        if (lineStart < to) {
            text.append(decoder.decode(bytes, lineStart, to));
        }
        return text.toString();
    }

    static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(),
                buffer.position());
    }

    /** Decoded text and the byte offset where the next read starts. */
    public record Chunk(String text, long nextOffset) {
    }
}
