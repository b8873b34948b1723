package ai.minimind.server.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run a class of the test classpath in a fresh JVM (the JVM running the tests). */
public final class JavaCommand {
    private JavaCommand() {
    }

    /** {@code <java.home>/bin/java -Xmx64m -cp <java.class.path> <mainClass> args...}. */
    public static List<String> of(Class<?> mainClass, String... args) {
        return withHeap("64m", mainClass, args);
    }

    /** As {@link #of}, with the given maximum heap ({@code -Xmx}). */
    public static List<String> withHeap(String maxHeap, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-Xmx" + maxHeap,
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** The FakeTrainer following {@code script} (a JSON file holding a {@code "fake"} object). */
    public static List<String> fakeTrainer(Path script) {
        return of(FakeTrainer.class, "pretrain", "--data_path", script.toString(), "--epochs", "1");
    }

    /** The java launcher of the running JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
