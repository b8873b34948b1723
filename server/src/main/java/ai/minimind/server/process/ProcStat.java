package ai.minimind.server.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of {@code /proc/PID/stat} that supervision needs. The second field ({@code comm}) is the
 * executable name in parentheses and may itself contain spaces and parentheses, so parsing splits on the
 * <em>last</em> {@code ')'}; field 3 (state) follows it, and field 22 (start time) is the 20th token after it.
 */
record ProcStat(long pid, String comm, char state, long ppid, long pgrp, long session, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /** Zombies (Z) and dead tasks (X) have finished running; only their parent's bookkeeping is left. */
    boolean isRunning() {
        return state != 'Z' && state != 'X';
    }

    /** The stat of a live or zombie process, or empty when no such PID exists (or it vanished while reading). */
    static Optional<ProcStat> read(long pid) {
        try {
            String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"),
                    StandardCharsets.ISO_8859_1);
            return Optional.of(parse(text));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses one stat line; throws IllegalArgumentException naming the problem when it is malformed. */
    static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("malformed /proc stat line (no '(comm)'): " + line);
        }
        long pid = Long.parseLong(line.substring(0, open).trim());
        String comm = line.substring(open + 1, close);
        // tokens[0] is field 3 (state), so field N is tokens[N - 3].
        String[] tokens = line.substring(close + 1).trim().split(" +");
        if (tokens.length < 20) {
            throw new IllegalArgumentException("malformed /proc stat line (" + tokens.length
                    + " fields after comm, need 20): " + line);
        }
        return new ProcStat(pid, comm, tokens[0].charAt(0), Long.parseLong(tokens[1]), Long.parseLong(tokens[2]),
                Long.parseLong(tokens[3]), Long.parseLong(tokens[19]));
    }
}
