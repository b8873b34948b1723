package ai.minimind.server.logs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogReaderTailTest {
    @TempDir
    Path dir;

    private Path file(String text) throws Exception {
        return new LogFiles().utf8(text).writeTo(dir.resolve("job.log"));
    }

    @Test
    void returns_the_last_lines_keeping_the_final_newline() throws Exception {
        assertThat(LogReader.tail(file("a\nb\nc\n"), 2)).isEqualTo("b\nc\n");
    }

    @Test
    void a_last_line_without_newline_is_returned_as_is() throws Exception {
        assertThat(LogReader.tail(file("a\nb\nc"), 2)).isEqualTo("b\nc");
    }

    @Test
    void asking_for_more_lines_than_exist_returns_the_whole_file() throws Exception {
        assertThat(LogReader.tail(file("a\n\nb\n"), 10)).isEqualTo("a\n\nb\n");
    }

    @Test
    void empty_or_missing_file_or_zero_lines_read_as_empty_text() throws Exception {
        assertThat(LogReader.tail(file(""), 5)).isEmpty();
        assertThat(LogReader.tail(dir.resolve("missing.log"), 5)).isEmpty();
        assertThat(LogReader.tail(file("a\n"), 0)).isEmpty();
        assertThatThrownBy(() -> LogReader.tail(file("a\n"), -1)).hasMessageContaining("lines");
    }

    @Test
    void crlf_line_ends_come_back_as_lf() throws Exception {
        assertThat(LogReader.tail(file("one\r\ntwo\r\nthree\r\n"), 2)).isEqualTo("two\nthree\n");
    }

    @Test
    void each_line_is_decoded_in_its_own_encoding() throws Exception {
        Path log = new LogFiles().utf8("训练开始\n").gbk("损失下降到 1.5\n").utf8("Epoch:[1/1] done\r\n")
                .writeTo(dir.resolve("mixed.log"));

        assertThat(LogReader.tail(log, 3)).isEqualTo("训练开始\n损失下降到 1.5\nEpoch:[1/1] done\n");
    }

    @Test
    void invalid_bytes_become_replacement_characters_without_failing() throws Exception {
        Path log = new LogFiles().utf8("ok\n").raw(0xFF, 0xFE, 'x', 0x80, '\n').utf8("end\n")
                .writeTo(dir.resolve("bad.log"));

        assertThat(LogReader.tail(log, 3)).startsWith("ok\n").endsWith("x\uFFFD\nend\n").doesNotContain("\0");
    }

    @Test
    void lines_spanning_block_boundaries_come_back_intact() throws Exception {
        // 3-byte characters and uneven line lengths put block boundaries inside characters.
        List<String> lines = IntStream.range(0, 20_000).mapToObj(i -> "第" + i + "步 损失" + "中".repeat(i % 7))
                .toList();
        Path log = file(String.join("\n", lines) + "\n");
        assertThat(Files.size(log)).isGreaterThan(4L * LogReader.BLOCK);

        String tail = LogReader.tail(log, 15_000);

        assertThat(tail).isEqualTo(lines.subList(5_000, 20_000).stream().collect(Collectors.joining("\n", "", "\n")));
    }

    @Test
    void a_window_starting_inside_a_character_drops_the_cut_line() throws Exception {
        Path log = new LogFiles().utf8("头".repeat(40_000) + "\n").gbk("尾行一\n").utf8("尾行二\n")
                .writeTo(dir.resolve("long.log"));

        // The file has 120_018 bytes, so a 50_000-byte window starts at 70_018: inside a 3-byte character.
        assertThat(LogReader.tail(log, 10, 50_000)).isEqualTo("尾行一\n尾行二\n");
    }

    @Test
    void a_single_line_longer_than_the_budget_returns_its_aligned_end() throws Exception {
        Path log = file("中".repeat(30_000));

        String tail = LogReader.tail(log, 1, 10_001);

        assertThat(tail).isNotEmpty().matches("中+");
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(10_001);
    }
}
