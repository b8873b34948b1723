package ai.minimind.server.support;

import ai.minimind.server.ServerMain;
import ai.minimind.server.testing.JavaCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link ServerMain} run as a separate JVM, as {@code bin/minimind serve} runs it. */
public final class ChildServer {
    private static final String ANNOUNCE = "MiniMind training service listening on ";

    private final Process process;
    private final Path stderr;

    private ChildServer(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    /** Starts {@code ServerMain args...}; stderr goes to {@code stderrFile}. */
    public static ChildServer launch(Path stderrFile, List<String> args) {
        return launch(stderrFile, args, Map.of());
    }

    /** As {@link #launch(Path, List)}, with {@code extraEnv} added to the inherited environment. */
    public static ChildServer launch(Path stderrFile, List<String> args, Map<String, String> extraEnv) {
        List<String> command = new ArrayList<>(JavaCommand.of(ServerMain.class));
        command.set(command.indexOf("-Xmx64m"), "-Xmx256m");
        command.addAll(args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderrFile.toFile());
            builder.environment().putAll(extraEnv);
            Process p = builder.start();
            return new ChildServer(p, stderrFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Blocks until the announce line (returns the base URL) or the end of stdout (returns null). */
    public String awaitUrl() {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null) {
                return null;
            }
            if (!line.startsWith(ANNOUNCE)) {
                throw new AssertionError("unexpected first stdout line: " + line);
            }
            return line.substring(ANNOUNCE.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("server did not exit");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Path stderr() {
        return stderr;
    }

    /** SIGKILL, as {@code kill -9}. */
    public void kill9() {
        process.destroyForcibly();
        awaitExit();
    }
}
