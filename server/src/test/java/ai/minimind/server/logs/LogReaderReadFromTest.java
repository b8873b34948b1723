package ai.minimind.server.logs;

import ai.minimind.server.logs.LogReader.Chunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogReaderReadFromTest {
    @TempDir
    Path dir;

    private Path log;

    private void append(String text) throws Exception {
        log = dir.resolve("job.log");
        Files.write(log, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void resumes_at_the_returned_offset_and_holds_back_a_partial_line() throws Exception {
        append("l1\nl2\npart");

        Chunk first = LogReader.readFrom(log, 0, 1024, false);
        assertThat(first).isEqualTo(new Chunk("l1\nl2\n", 6));

        append("ial 中\nl4\n");
        Chunk second = LogReader.readFrom(log, first.nextOffset(), 1024, false);

        assertThat(second.text()).isEqualTo("partial 中\nl4\n");
        assertThat(second.nextOffset()).isEqualTo(Files.size(log));
        assertThat(LogReader.readFrom(log, second.nextOffset(), 1024, false))
                .isEqualTo(new Chunk("", second.nextOffset()));
    }

    @Test
    void include_partial_returns_the_unterminated_last_line() throws Exception {
        append("a\nxyz");

        assertThat(LogReader.readFrom(log, 0, 1024, true)).isEqualTo(new Chunk("a\nxyz", 5));
        assertThat(LogReader.readFrom(log, 2, 1024, false)).isEqualTo(new Chunk("", 2));
    }

    @Test
    void max_bytes_limits_a_chunk_to_whole_lines() throws Exception {
        append("aaaa\nbbbb\n");

        Chunk first = LogReader.readFrom(log, 0, 7, false);
        Chunk second = LogReader.readFrom(log, first.nextOffset(), 7, false);

        assertThat(first).isEqualTo(new Chunk("aaaa\n", 5));
        assertThat(second).isEqualTo(new Chunk("bbbb\n", 10));
    }

    @Test
    void a_line_longer_than_max_bytes_comes_in_pieces_without_splitting_characters() throws Exception {
        append("中中中中\n");

        Chunk first = LogReader.readFrom(log, 0, 7, false);
        Chunk second = LogReader.readFrom(log, first.nextOffset(), 7, false);

        assertThat(first).isEqualTo(new Chunk("中中", 6));
        assertThat(second).isEqualTo(new Chunk("中中\n", 13));
    }

    @Test
    void decodes_gbk_lines_and_crlf() throws Exception {
        log = new LogFiles().gbk("保存模型\r\n").utf8("ok\n").writeTo(dir.resolve("gbk.log"));

        assertThat(LogReader.readFrom(log, 0, 1024, false).text()).isEqualTo("保存模型\nok\n");
    }

    @Test
    void offset_beyond_the_end_or_a_missing_file_gives_empty_text_and_the_same_offset() throws Exception {
        append("short\n");

        assertThat(LogReader.readFrom(log, 100, 1024, true)).isEqualTo(new Chunk("", 100));
        assertThat(LogReader.readFrom(dir.resolve("missing.log"), 0, 1024, true)).isEqualTo(new Chunk("", 0));
        assertThatThrownBy(() -> LogReader.readFrom(log, -1, 1024, true)).hasMessageContaining("offset");
        assertThatThrownBy(() -> LogReader.readFrom(log, 0, 0, true)).hasMessageContaining("maxBytes");
    }
}
