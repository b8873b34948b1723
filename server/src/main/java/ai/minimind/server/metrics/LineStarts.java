package ai.minimind.server.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where lines begin in a log file, so a stream can start at its tail without cutting a line in half. */
final class LineStarts {
    private static final int BLOCK = 64 * 1024;

    private LineStarts() {
    }

    /**
     * The offset at which the last {@code tailBytes} of the file begin, moved forward to the start of the next
     * line (0 if the whole file fits). A missing file answers 0.
     */
    static long tailStart(Path file, long tailBytes) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        long size = Files.size(file);
        return size <= tailBytes ? 0 : atOrAfter(file, size - tailBytes);
    }

    /** The first line start at or after {@code position}: right after the nearest '\n' at position-1 or later. */
    static long atOrAfter(Path file, long position) throws IOException {
        if (position <= 0) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK);
            long at = position - 1;
            while (true) {
                buffer.clear();
                int read = channel.read(buffer, at);
                if (read <= 0) {
                    return channel.size();
                }
                for (int i = 0; i < read; i++) {
                    if (buffer.get(i) == '\n') {
                        return at + i + 1;
                    }
                }
                at += read;
            }
        }
    }
}
