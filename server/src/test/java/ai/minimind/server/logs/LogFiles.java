package ai.minimind.server.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds log files from mixed-encoding pieces for tests. */
final class LogFiles {
    static final Charset GBK = Charset.forName("GBK");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    LogFiles utf8(String text) {
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    LogFiles gbk(String text) {
        bytes.writeBytes(text.getBytes(GBK));
        return this;
    }

    LogFiles raw(int... values) {
        for (int v : values) {
            bytes.write(v);
        }
        return this;
    }

    Path writeTo(Path file) throws IOException {
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
