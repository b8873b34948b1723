package ai.minimind.server.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DecodedStreamTest {
    @TempDir
    Path dir;

    private static String readAll(Path file) throws Exception {
        try (InputStream in = LogReader.decodedStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void re_encodes_every_line_as_utf8() throws Exception {
        Path log = new LogFiles().utf8("开始 start\n").gbk("损失 1.25\r\n").raw('x', 0xFF, '\n').utf8("末行")
                .writeTo(dir.resolve("mixed.log"));

        assertThat(readAll(log)).isEqualTo("开始 start\n损失 1.25\nx\uFFFD\n末行");
    }

    @Test
    void an_empty_file_is_an_empty_stream() throws Exception {
        Path log = Files.createFile(dir.resolve("empty.log"));

        assertThat(readAll(log)).isEmpty();
    }

    @Test
    void a_line_longer_than_the_line_limit_is_passed_on_intact() throws Exception {
        String longLine = "中".repeat(DecodedLogStream.MAX_LINE / 3 + 1000) + "a";
        Path log = new LogFiles().utf8("first\n" + longLine + "\nlast\n").writeTo(dir.resolve("long.log"));

        assertThat(readAll(log)).isEqualTo("first\n" + longLine + "\nlast\n");
    }

    @Test
    void single_byte_reads_give_the_same_text() throws Exception {
        Path log = new LogFiles().gbk("一二三\n").utf8("四\n").writeTo(dir.resolve("small.log"));
        StringBuilder bytes = new StringBuilder();
        try (InputStream in = LogReader.decodedStream(log)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
            bytes.append(out.toString(StandardCharsets.UTF_8));
        }

        assertThat(bytes.toString()).isEqualTo("一二三\n四\n");
    }
}
