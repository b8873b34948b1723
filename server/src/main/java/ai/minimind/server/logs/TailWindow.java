package ai.minimind.server.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Where the last N lines of a file start, found by scanning backwards in {@link LogReader#BLOCK}-sized blocks.
 * The file's last byte is never counted as a line break: a final {@code '\n'} ends the last line rather than
 * starting an empty one. {@code cutInsideLine} is true when the byte budget ran out before any line break was
 * seen, so the window starts in the middle of a (very long) line.
 */
record TailWindow(long start, boolean cutInsideLine) {

    static TailWindow find(FileChannel channel, long size, int lines, int maxBytes) throws IOException {
        long floor = Math.max(0, size - maxBytes);
        long earliestBreak = -1;
        int found = 0;
        long end = size - 1;
        while (end > floor) {
            long blockStart = Math.max(floor, end - LogReader.BLOCK);
            byte[] block = LogReader.readFully(channel, blockStart, (int) (end - blockStart));
            for (int i = block.length - 1; i >= 0; i--) {
                if (block[i] == '\n') {
                    earliestBreak = blockStart + i;
                    if (++found == lines) {
                        return new TailWindow(earliestBreak + 1, false);
                    }
                }
            }
            end = blockStart;
        }
        if (floor == 0) {
            return new TailWindow(0, false);
        }
        // Budget exhausted: drop the partial first line, or keep the cut line if it is all there is.
        return earliestBreak >= 0 ? new TailWindow(earliestBreak + 1, false) : new TailWindow(floor, true);
    }
}
