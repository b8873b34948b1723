package ai.minimind.server.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A log file re-encoded as UTF-8, one line at a time: memory stays bounded by the read buffer plus one line
 * (a line longer than {@link #MAX_LINE} is decoded in UTF-8-aligned pieces).
 */
final class DecodedLogStream extends InputStream {
    static final int MAX_LINE = 1024 * 1024;

    private final FileChannel channel;
    private final LineDecoder decoder = new LineDecoder();
    private final ByteBuffer input = ByteBuffer.allocate(LogReader.BLOCK).flip();
    private byte[] line = new byte[8192];
    private int lineLength;
    private boolean inputDone;
    private byte[] output = new byte[0];
    private int outputPosition;

    DecodedLogStream(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read() throws IOException {
        return ensureOutput() ? output[outputPosition++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!ensureOutput()) {
            return -1;
        }
        int count = Math.min(length, output.length - outputPosition);
        System.arraycopy(output, outputPosition, target, offset, count);
        outputPosition += count;
        return count;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Makes sure decoded bytes are waiting; false at the end of the file. */
    private boolean ensureOutput() throws IOException {
        while (outputPosition >= output.length) {
            String text = nextLine();
            if (text == null) {
                return false;
            }
            output = text.getBytes(StandardCharsets.UTF_8);
            outputPosition = 0;
        }
        return true;
    }

    /** The next decoded line (with its '\n' if it had one), a piece of an over-long line, or null at EOF. */
    private String nextLine() throws IOException {
        while (true) {
            if (!input.hasRemaining() && !refill()) {
                return lineLength > 0 ? take(lineLength, "") : null;
            }
            byte[] buffer = input.array();
            int start = input.position();
            int end = Math.min(input.limit(), start + MAX_LINE - lineLength);
            int newline = start;
            while (newline < end && buffer[newline] != '\n') {
                newline++;
            }
            append(buffer, start, newline);
            if (newline < end) {
                input.position(newline + 1);
                return take(lineLength, "\n");
            }
            input.position(end);
            if (lineLength == MAX_LINE) {
                int cut = LineDecoder.utf8Boundary(line, 0, lineLength);
                return take(cut > 0 ? cut : lineLength, "");
            }
        }
    }

    /** Decodes line[0, consumed) plus {@code suffix}, and keeps line[consumed, lineLength) for later. */
    private String take(int consumed, String suffix) {
        String text = decoder.decode(line, 0, consumed) + suffix;
        System.arraycopy(line, consumed, line, 0, lineLength - consumed);
        lineLength -= consumed;
        return text;
    }

    private void append(byte[] source, int from, int to) {
        int needed = lineLength + to - from;
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.max(needed, Math.min(MAX_LINE, line.length * 2)));
        }
        System.arraycopy(source, from, line, lineLength, to - from);
        lineLength = needed;
    }

    private boolean refill() throws IOException {
        if (inputDone) {
            return false;
        }
        input.clear();
        inputDone = channel.read(input) < 0;
        input.flip();
        return !inputDone;
    }
}
