package ai.minimind.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The training service as a separate OS process ({@code bin/minimind serve}, which execs the server JVM), bound to
 * an ephemeral loopback port. Its stdout and stderr go to files in the run folder; the base URL is read from the
 * one line the server prints once it listens.
 */
final class ServerProcess implements AutoCloseable {
    private static final String READY_PREFIX = "MiniMind training service listening on ";
    private static final Duration START_DEADLINE = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final URI baseUrl;

    private ServerProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Starts the server on 127.0.0.1, port 0, with {@code dataDir} and the fake trainer as engine command. */
    static ServerProcess start(Path home, Path dataDir, Path trainerScript, Path runDir) throws IOException {
        Path launcher = home.resolve("bin/minimind");
        if (!Files.isExecutable(launcher)) {
            throw new IOException(launcher + " not found or not executable; pass --home <project folder>");
        }
        if (trainerScript.toString().matches(".*\\s.*")) {
            throw new IOException("the run folder " + runDir + " contains whitespace; the engine command cannot");
        }
        Path out = runDir.resolve("server.out");
        Path err = runDir.resolve("server.err");
        ProcessBuilder builder = new ProcessBuilder(List.of(launcher.toString(), "serve", "--host", "127.0.0.1",
                "--port", "0", "--data-dir", dataDir.toString(), "--engine-command", "/bin/sh " + trainerScript))
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // The benchmark authenticates every client; anonymous mode and token signing stay off.
        builder.environment().remove("ALLOW_ANONYMOUS");
        builder.environment().remove("SERVER_SECRET");
        Process process = builder.start();
        try {
            return new ServerProcess(process, awaitReady(process, out, err));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM (the server's shutdown hook runs), then SIGKILL if it has not ended within the grace. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static URI awaitReady(Process process, Path out, Path err) throws IOException {
        long deadline = System.nanoTime() + START_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(READY_PREFIX)).findFirst();
            if (ready.isPresent()) {
                return URI.create(ready.get().substring(READY_PREFIX.length()).trim());
            }
            if (!process.isAlive()) {
                throw new IOException("the server exited with code " + process.exitValue() + " before listening: "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            pause(100);
        }
        throw new IOException("the server did not print its listening line within " + START_DEADLINE);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
