package ai.minimind.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads raw byte lines (split on {@code '\n'}, which is dropped) so each line can be decoded strictly on its own. */
final class LineReader implements AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[4096];
    private int length;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at end of input (a final line without {@code '\n'} still counts). */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++; // the '\n'
                return true;
            }
        }
    }

    /** The current line's bytes, valid in {@code [0, length())} until the next call of {@link #next()}. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buffer, from, line, length, n);
        length += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
