package ai.minimind.server.logs;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LineDecoderTest {
    private static final Charset GBK = Charset.forName("GBK");
    private final LineDecoder decoder = new LineDecoder();

    private String decode(byte[] bytes) {
        return decoder.decode(bytes, 0, bytes.length);
    }

    @Test
    void valid_utf8_is_decoded_as_utf8() {
        assertThat(decode("Epoch:[1/2] 损失 loss:1.5 ✓".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Epoch:[1/2] 损失 loss:1.5 ✓");
    }

    @Test
    void valid_gbk_that_is_not_utf8_is_decoded_as_gbk() {
        assertThat(decode("训练完成，模型已保存".getBytes(GBK))).isEqualTo("训练完成，模型已保存");
    }

    @Test
    void bytes_valid_in_neither_become_replacement_characters() {
        byte[] bytes = {'a', 'b', (byte) 0xFF, 'c', (byte) 0xC3};

        assertThat(decode(bytes)).isEqualTo("ab\uFFFDc\uFFFD");
    }

    @Test
    void a_genuine_replacement_character_in_utf8_is_kept() {
        assertThat(decode("bad byte was \uFFFD here 中".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("bad byte was \uFFFD here 中");
    }

    @Test
    void a_trailing_carriage_return_is_not_part_of_the_line() {
        assertThat(decode("loss 1.0\r".getBytes(StandardCharsets.US_ASCII))).isEqualTo("loss 1.0");
        assertThat(decode("a\rb".getBytes(StandardCharsets.US_ASCII))).isEqualTo("a\rb");
    }

    @Test
    void utf8_boundary_never_splits_a_character() {
        byte[] zhong = "a中中".getBytes(StandardCharsets.UTF_8); // 1 + 3 + 3 bytes

        assertThat(LineDecoder.utf8Boundary(zhong, 0, 7)).isEqualTo(7);
        assertThat(LineDecoder.utf8Boundary(zhong, 0, 6)).isEqualTo(4);
        assertThat(LineDecoder.utf8Boundary(zhong, 0, 5)).isEqualTo(4);
        assertThat(LineDecoder.utf8Boundary(zhong, 0, 4)).isEqualTo(4);
        assertThat(LineDecoder.utf8Boundary(zhong, 0, 2)).isEqualTo(1);
    }

    @Test
    void skip_continuation_moves_to_the_next_character_start() {
        byte[] zhong = "中a".getBytes(StandardCharsets.UTF_8);

        assertThat(LineDecoder.skipContinuation(zhong, 1, zhong.length)).isEqualTo(3);
        assertThat(LineDecoder.skipContinuation(zhong, 0, zhong.length)).isEqualTo(0);
    }
}
