package ai.minimind.server.process;

import ai.minimind.server.testing.JavaCommand;
import ai.minimind.server.testing.Poll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A job launched for a test, with its files; {@link #close} stops whatever is left of it. */
record TestJob(ProcessIdentity id, Path log, Path exitFile) implements AutoCloseable {
    static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "MINIMIND_TEST", "1");

    /** Launches the FakeTrainer following {@code scriptJson} (the value of its "fake" member). */
    static TestJob fake(Path dir, String scriptJson) throws IOException {
        Path script = dir.resolve("script.json");
        Files.writeString(script, "{\"fake\": " + scriptJson + "}");
        return launch(dir, JavaCommand.fakeTrainer(script));
    }

    static TestJob launch(Path dir, List<String> command) throws IOException {
        Path log = dir.resolve("logs/job.log");
        Path exitFile = dir.resolve("state/job.exit");
        return new TestJob(ProcessLauncher.launch(command, dir, ENV, log, exitFile), log, exitFile);
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the FakeTrainer to print {@code name=PID}, and returns that process's identity. */
    ProcessIdentity printedProcess(String name) {
        long pid = Poll.value(name + " in " + log, () -> logText().lines()
                .filter(l -> l.startsWith(name + "="))
                .map(l -> Long.parseLong(l.substring(name.length() + 1).trim()))
                .findFirst());
        ProcStat stat = ProcStat.read(pid).orElseThrow(() -> new AssertionError(name + " " + pid + " is gone"));
        return new ProcessIdentity(pid, stat.startTicks(), id.jobMark());
    }

    ExitStatus awaitExitStatus() {
        return Poll.value("exit status in " + exitFile, () -> ProcessControl.readExitStatus(exitFile));
    }

    Optional<ExitStatus> exitStatus() {
        return ProcessControl.readExitStatus(exitFile);
    }

    @Override
    public void close() {
        ProcessControl.stopTree(id, Duration.ZERO);
    }
}
