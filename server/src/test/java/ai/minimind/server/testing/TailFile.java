package ai.minimind.server.testing;

import ai.minimind.server.logs.LogReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code TailFile FILE N}: prints {@link LogReader#tail} of FILE as UTF-8 (run in a small-heap JVM). */
public final class TailFile {
    private TailFile() {
    }

    public static void main(String[] args) throws Exception {
        System.out.write(LogReader.tail(Path.of(args[0]), Integer.parseInt(args[1])).getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
