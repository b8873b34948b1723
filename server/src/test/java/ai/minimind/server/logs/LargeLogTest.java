package ai.minimind.server.logs;

import ai.minimind.server.testing.DigestDecodedStream;
import ai.minimind.server.testing.JavaCommand;
import ai.minimind.server.testing.TailFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Huge logs: content is asserted, and a 16 MB heap must do (2 GiB tail, 32 MiB decoded stream). */
class LargeLogTest {
    private static final long TWO_GIB = 2L << 30;

    @TempDir
    Path dir;

    private static List<String> trainingLines(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "Epoch:[1/1](" + i + "/300) 损失 loss:" + (i % 97) + ".5 学习率 lr:0.000500 耗时")
                .toList();
    }

    private static String joined(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n", "", "\n"));
    }

    /** A 2 GiB sparse file (zeros, no disk used) followed by {@code tail}. */
    private Path sparseLogEndingWith(String tail) throws Exception {
        Path log = dir.resolve("sparse.log");
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "rw")) {
            file.setLength(TWO_GIB);
            file.seek(TWO_GIB);
            file.write(("\n" + tail).getBytes(StandardCharsets.UTF_8));
        }
        return log;
    }

    @Test
    void tail_of_a_2_gib_log_returns_its_last_lines() throws Exception {
        List<String> lines = trainingLines(1_000);
        Path log = sparseLogEndingWith(joined(lines));

        assertThat(LogReader.tail(log, 200)).isEqualTo(joined(lines.subList(800, 1_000)));
    }

    @Test
    void tail_of_a_2_gib_log_fits_in_a_16_mb_heap() throws Exception {
        List<String> lines = trainingLines(500);
        Path log = sparseLogEndingWith(joined(lines));
        Process tail = new ProcessBuilder(JavaCommand.withHeap("16m", TailFile.class, log.toString(), "300"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();

        String output = new String(tail.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(tail.waitFor()).isZero();
        assertThat(output).isEqualTo(joined(lines.subList(200, 500)));
    }

    @Test
    void decoded_stream_of_a_32_mib_log_fits_in_a_16_mb_heap() throws Exception {
        byte[] block = joined(trainingLines(6_000)).getBytes(StandardCharsets.UTF_8);
        Path log = dir.resolve("stream.log");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        long size = 0;
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (; size < 32L << 20; size += block.length) {
                out.write(ByteBuffer.wrap(block));
                expected.update(block);
            }
        }
        Process stream = new ProcessBuilder(JavaCommand.withHeap("16m", DigestDecodedStream.class, log.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();

        String output = new String(stream.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();

        assertThat(stream.waitFor()).isZero();
        // Valid UTF-8 with LF endings passes through unchanged.
        assertThat(output).isEqualTo(size + " " + HexFormat.of().formatHex(expected.digest()));
    }

    @Test
    void tail_of_a_300_mib_cjk_log_with_gbk_lines_at_the_end() throws Exception {
        byte[] block = joined(trainingLines(6_000)).getBytes(StandardCharsets.UTF_8);
        List<String> last = IntStream.range(0, 300).mapToObj(i -> "最后第" + i + "行 保存检查点").toList();
        Path log = dir.resolve("big.log");
        try (FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            for (long written = 0; written < 300L << 20; written += block.length) {
                out.write(ByteBuffer.wrap(block));
            }
            for (int i = 0; i < last.size(); i++) {
                // Every other final line is GBK, as a Windows console would have written it.
                out.write(ByteBuffer.wrap((last.get(i) + "\n").getBytes(i % 2 == 0 ? LogFiles.GBK
                        : StandardCharsets.UTF_8)));
            }
        }
        List<String> blockLines = trainingLines(6_000);

        String tail = LogReader.tail(log, 400);

        assertThat(tail).isEqualTo(joined(blockLines.subList(5_900, 6_000)) + joined(last));
    }
}
