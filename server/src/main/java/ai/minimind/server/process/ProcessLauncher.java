package ai.minimind.server.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts jobs as detached process groups that never depend on the server process.
 *
 * <p>Shape: {@code setsid /bin/sh -c WRAPPER minimind-job EXIT_FILE MV COMMAND...}. Because the JVM's child is
 * not a group leader, {@code setsid} calls setsid(2) and execs the shell in place, so the PID the JVM sees is
 * the wrapper shell, and <b>the wrapper is the session and process-group leader</b>; the job is its child in
 * the same group. The wrapper traps HUP/INT/TERM (a trapped signal is reset to default in the job it execs,
 * unlike an ignored one), so a SIGTERM to the group stops the job while the wrapper survives to record how the
 * job ended. The command travels as positional parameters ({@code "$@"}), never through shell parsing.
 * Stdout and stderr of wrapper and job are the log file itself, opened for append and inherited: no pipe.
 */
public final class ProcessLauncher {
    /**
     * Runs the job, then records {@code exit N} or, when sh reports 128+N (N a Linux signal, 1..64),
     * {@code signal N}, atomically. sh cannot tell death by signal N from {@code exit(128+N)}; both read as
     * signal N, which is also what a JVM that ran its shutdown hooks on SIGTERM means by exit code 143.
     * sh exports a PWD of its own; it is dropped unless the caller's environment had one.
     */
    private static final String WRAPPER = String.join("\n",
            "exit_file=$1; mv_bin=$2; keep_pwd=$3; shift 3",
            "[ \"$keep_pwd\" = yes ] || unset PWD",
            "trap : HUP INT TERM",
            "\"$@\"",
            "status=$?",
            "if [ \"$status\" -gt 128 ] && [ \"$status\" -le 192 ]; then result=\"signal $((status - 128))\";",
            "else result=\"exit $status\"; fi",
            "tmp=\"$exit_file.tmp.$$\"",
            "printf '%s\\n' \"$result\" > \"$tmp\" && \"$mv_bin\" -f \"$tmp\" \"$exit_file\"",
            "");
    private static final long LEADER_TIMEOUT_MS = 30_000;
    private static final int SIGTERM = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProcessLauncher() {
    }

    /**
     * Starts {@code command} in a new session and process group (its own group leader), in {@code workDir},
     * with exactly {@code env} as its environment (nothing inherited from the server), stdin from /dev/null,
     * and stdout and stderr appended straight to {@code logFile} (opened by the child; never a pipe the server
     * must drain). When the command ends, however it ends short of SIGKILL of the wrapper, its exit code or
     * signal is written atomically to {@code exitFile}, also when the server is no longer running.
     * Returns once the child exists, with its identity (the group leader's PID and start time).
     *
     * <p>The environment additionally gets {@code MINIMIND_JOB_MARK}, a fresh random token returned in the
     * identity. Parent directories of the log and exit files are created; a stale exit file from an earlier
     * run is deleted first. An exit code of 129..192 is recorded as signal (code - 128), as sh reports it.
     */
    public static ProcessIdentity launch(List<String> command, Path workDir, Map<String, String> env,
                                         Path logFile, Path exitFile) throws IOException {
        validate(command, workDir, env, logFile, exitFile);
        createParent(logFile);
        createParent(exitFile);
        Files.deleteIfExists(exitFile);
        String mark = HexFormat.of().formatHex(randomBytes());
        List<String> argv = new ArrayList<>(List.of(executable("setsid"), "/bin/sh", "-c", WRAPPER, "minimind-job",
                exitFile.toAbsolutePath().toString(), executable("mv"), env.containsKey("PWD") ? "yes" : "no"));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put(ProcessTree.MARK_VARIABLE, mark);
        Process process = builder.start();
        long pid = process.pid();
        ProcStat stat = awaitLeader(process);
        return new ProcessIdentity(pid, stat.startTicks(), mark);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * Waits until the wrapper is ready to be stopped: setsid(2) has happened (the PID leads its own session)
     * and the shell has installed its TERM trap (bit 14 of SigCgt in /proc/PID/status). Before that, a
     * SIGTERM to the group would kill the wrapper and no exit status would ever be written.
     */
    private static ProcStat awaitLeader(Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEADER_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            Optional<ProcStat> stat = ProcStat.read(process.pid());
            if (stat.isEmpty()) {
                // Already finished and reaped (a very short job): an identity that is never alive.
                return new ProcStat(process.pid(), "sh", 'X', 0, process.pid(), process.pid(), -1);
            }
            boolean ready = stat.get().session() == process.pid() && catchesTerm(process.pid());
            if (ready || !stat.get().isRunning()) {
                return stat.get();
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IOException("job wrapper (pid " + process.pid() + ") did not become a ready session leader");
    }

    private static boolean catchesTerm(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigCgt:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (SIGTERM - 1))) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static void validate(List<String> command, Path workDir, Map<String, String> env, Path logFile,
                                 Path exitFile) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(exitFile, "exitFile");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i) == null || command.get(i).indexOf('\0') >= 0) {
                throw new IllegalArgumentException("command[" + i + "] is null or contains NUL");
            }
        }
        env.forEach((k, v) -> {
            if (k == null || v == null || k.isEmpty() || k.indexOf('=') >= 0) {
                throw new IllegalArgumentException("env entry is invalid: name=" + k);
            }
        });
        if (workDir == null || !Files.isDirectory(workDir)) {
            throw new IllegalArgumentException("workDir is not a directory: " + workDir);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** Absolute path of a core utility, so the wrapper works even when {@code env} has no PATH. */
    private static String executable(String name) throws IOException {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IOException("'" + name + "' not found in /usr/bin or /bin; it is needed to launch jobs");
    }
}
