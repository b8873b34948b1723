package ai.minimind.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A stand-in for the training engine, launched as a real child JVM in supervision tests:
 * {@code java -cp <test classpath> ai.minimind.server.testing.FakeTrainer <train_type> [--flag value ...]}.
 * Build the command with {@link JavaCommand#of}.
 *
 * <p>It accepts any MiniMind-style flags and ignores all of them except {@code --data_path}. When that names
 * an existing file holding a JSON object with a {@code "fake"} member, it follows that script; otherwise it
 * prints a header and three MiniMind log lines ({@code Epoch:[1/1](1/10) loss:... lr:... epoch_Time:...min:})
 * and sleeps until killed. All output is UTF-8 regardless of the (usually empty) environment.
 *
 * <p>Script fields, all optional, performed in this order:
 * <ol>
 * <li>{@code "grandchild": true} spawns {@code sleep} as its child and prints {@code grandchild_pid=PID};
 *     {@code "setsid_worker": true} spawns {@code setsid sleep} (own session and group; it still carries
 *     the job mark) and prints {@code setsid_worker_pid=PID}; {@code "ignore_term": true} spawns
 *     {@code sh -c 'trap "" TERM; exec sleep ...'} (a child that only SIGKILL stops) and prints
 *     {@code term_ignoring_child_pid=PID}. The trainer's own PID is printed as {@code fake_trainer_pid=PID}
 *     whenever it spawns anything.</li>
 * <li>{@code "lines": ["...", ...]} printed to stdout, one per line, {@code "interval_ms": N} apart.</li>
 * <li>{@code "bytes_hex": "e4b8ad0a"} raw bytes written to stdout as they are (for encoding tests).</li>
 * <li>{@code "stderr_lines": [...]} printed to stderr.</li>
 * <li>{@code "await_file": "/path"} waits until that file exists (lets a test decide when the job ends).</li>
 * <li>{@code "sleep_ms": N} sleeps N ms; {@code -1} sleeps until killed.</li>
 * <li>{@code "signal": N} kills itself with signal N (via {@code kill -N PID}).</li>
 * <li>{@code "exit": N} exits with code N (default 0).</li>
 * </ol>
 * A script that prints nothing: {@code {"fake": {"exit": 0}}}.
 */
public final class FakeTrainer {
    private static final String LONG_SLEEP = "1000000";

    private FakeTrainer() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        JsonNode script = readScript(flag(args, "--data_path"));
        if (script == null) {
            runDefault(args, out);
        } else {
            runScript(script, out, err);
        }
    }

    private static void runDefault(String[] args, PrintStream out) throws InterruptedException {
        out.println("fake_trainer train_type=" + (args.length > 0 ? args[0] : "") + " pid="
                + ProcessHandle.current().pid());
        for (int step = 1; step <= 3; step++) {
            out.printf("Epoch:[1/1](%d/10) loss:%.6f lr:%.12f epoch_Time:%dmin:%n", step, 9.0 - step * 0.5,
                    0.0005, 10 - step);
        }
        Thread.sleep(Long.MAX_VALUE);
    }

    private static void runScript(JsonNode s, PrintStream out, PrintStream err) throws Exception {
        List<String> pids = new ArrayList<>();
        if (s.path("grandchild").asBoolean()) {
            pids.add("grandchild_pid=" + spawn(bin("sleep"), LONG_SLEEP));
        }
        if (s.path("setsid_worker").asBoolean()) {
            pids.add("setsid_worker_pid=" + spawn(bin("setsid"), bin("sleep"), LONG_SLEEP));
        }
        if (s.path("ignore_term").asBoolean()) {
            String ignoreTermAndSleep = "trap '' TERM; exec " + bin("sleep") + " " + LONG_SLEEP;
            pids.add("term_ignoring_child_pid=" + spawn("/bin/sh", "-c", ignoreTermAndSleep));
        }
        if (!pids.isEmpty()) {
            out.println("fake_trainer_pid=" + ProcessHandle.current().pid());
            pids.forEach(out::println);
        }
        for (JsonNode line : s.path("lines")) {
            out.println(line.asText());
            Thread.sleep(s.path("interval_ms").asLong(0));
        }
        if (s.hasNonNull("bytes_hex")) {
            out.write(HexFormat.of().parseHex(s.get("bytes_hex").asText()));
            out.flush();
        }
        s.path("stderr_lines").forEach(line -> err.println(line.asText()));
        if (s.hasNonNull("await_file")) {
            Path file = Path.of(s.get("await_file").asText());
            while (!Files.exists(file)) {
                Thread.sleep(20);
            }
        }
        long sleepMs = s.path("sleep_ms").asLong(0);
        Thread.sleep(sleepMs < 0 ? Long.MAX_VALUE : sleepMs);
        if (s.hasNonNull("signal")) {
            new ProcessBuilder(bin("kill"), "-" + s.get("signal").asInt(), Long.toString(ProcessHandle.current().pid()))
                    .inheritIO().start();
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(s.path("exit").asInt(0));
    }

    private static long spawn(String... command) throws IOException {
        return new ProcessBuilder(command).inheritIO().start().pid();
    }

    /** Absolute path of a core utility: the job's environment may have no PATH. */
    private static String bin(String name) {
        return Files.isExecutable(Path.of("/usr/bin", name)) ? "/usr/bin/" + name : "/bin/" + name;
    }

    private static JsonNode readScript(String dataPath) {
        if (dataPath == null || !Files.isRegularFile(Path.of(dataPath))) {
            return null;
        }
        try {
            JsonNode fake = new ObjectMapper().readTree(Path.of(dataPath).toFile()).get("fake");
            return fake != null && fake.isObject() ? fake : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String flag(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }
}
