package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each kind of bad data is one clear error naming the file and the 1-based line. */
class DataValidationTest {
    private static final String PRE = "{\"text\": \"hello world\"}\n";
    private static final String SFT = "{\"conversations\": [{\"role\": \"user\", \"content\": \"hi\"}, "
            + "{\"role\": \"assistant\", \"content\": \"hello\"}]}\n";
    private static final MiniMindTokenizer tokenizer = SharedData.tokenizer();

    @TempDir
    Path tmp;

    static Stream<Arguments> badPretrainFiles() {
        return Stream.of(
                arguments("invalid_json", bytes(PRE, "{\"text\": \"unterminated}\n", PRE), 2, "invalid JSON"),
                arguments("trailing_garbage", bytes(PRE, PRE, "{\"text\": \"a\"} x\n"), 3, "invalid JSON"),
                arguments("truncated_utf8", bytes(PRE, PRE, "{\"text\": \"", new byte[]{(byte) 0xE4, (byte) 0xBD},
                        "\"}\n"), 3, "invalid UTF-8"),
                arguments("overlong_utf8", bytes("{\"text\": \"", new byte[]{(byte) 0xC0, (byte) 0xAF}, "\"}\n"), 1,
                        "invalid UTF-8"),
                arguments("lone_high_surrogate", bytes(PRE, "{\"text\": \"a\\ud800b\"}\n"), 2,
                        "lone UTF-16 surrogate \\ud800"),
                arguments("lone_low_surrogate_in_key", bytes(PRE, PRE, PRE, "{\"text\": \"a\", \"\\udc00\": 1}\n"), 4,
                        "surrogate"),
                arguments("sft_record_in_pretrain", bytes(PRE, SFT), 2, "found an SFT/RLAIF record"),
                arguments("dpo_record_in_pretrain", bytes("{\"chosen\": [], \"rejected\": []}\n"), 1,
                        "found a DPO record"),
                arguments("non_string_text", bytes(PRE, "{\"text\": 42}\n"), 2,
                        "field \"text\" must be a string, found number"),
                arguments("not_an_object", bytes(PRE, "[\"text\"]\n"), 2, "found array"),
                arguments("blank_line", bytes(PRE, "\n", PRE), 2, "blank line"),
                arguments("whitespace_line_at_end", bytes(PRE, PRE, "   \n"), 3, "blank line"));
    }

    static Stream<Arguments> badSftFiles() {
        return Stream.of(
                arguments("pretrain_record_in_sft", bytes(SFT, PRE), 2, "found a pretrain record"),
                arguments("no_assistant_turn", bytes(SFT, SFT,
                        "{\"conversations\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n"), 3, "no assistant turn"),
                arguments("unknown_role", bytes("{\"conversations\": [{\"role\": \"user\", \"content\": \"hi\"}, "
                        + "{\"role\": \"bot\", \"content\": \"x\"}]}\n"), 1,
                        "conversations[1].role \"bot\" is not one of"),
                arguments("missing_role", bytes(SFT, "{\"conversations\": [{\"content\": \"hi\"}]}\n"), 2,
                        "missing field \"conversations[0].role\""),
                arguments("non_string_content", bytes("{\"conversations\": [{\"role\": \"user\", \"content\": [1]}, "
                        + "{\"role\": \"assistant\", \"content\": \"x\"}]}\n"), 1,
                        "field \"conversations[0].content\" must be a string, found array"),
                arguments("empty_conversation", bytes(SFT, "{\"conversations\": []}\n"), 2, "non-empty list"),
                arguments("message_not_an_object", bytes("{\"conversations\": [\"hi\"]}\n"), 1, "found string"),
                arguments("tool_call_without_name", bytes("{\"conversations\": [{\"role\": \"user\", "
                        + "\"content\": \"q\"}, "
                        + "{\"role\": \"assistant\", \"content\": \"\", \"tool_calls\": [{\"arguments\": {}}]}]}\n"), 1,
                        "missing field \"conversations[1].tool_calls[0].name\""),
                arguments("functions_not_a_list", bytes("{\"conversations\": [{\"role\": \"system\", "
                        + "\"content\": \"s\", "
                        + "\"functions\": {\"name\": \"f\"}}, {\"role\": \"assistant\", \"content\": \"x\"}]}\n"), 1,
                        "conversations[0].functions must be a list"),
                arguments("lone_surrogate_in_content", bytes(SFT, "{\"conversations\": [{\"role\": \"user\", "
                        + "\"content\": \"\\udfff\"}, {\"role\": \"assistant\", \"content\": \"x\"}]}\n"), 2,
                        "lone UTF-16 surrogate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPretrainFiles")
    void pretrain_rejects_bad_data_naming_file_and_line(String name, byte[] content, int line, String message)
            throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> Datasets.pretrain(file, tokenizer, 32))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(message);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSftFiles")
    void sft_rejects_bad_data_naming_file_and_line(String name, byte[] content, int line, String message)
            throws IOException {
        Path file = write(content);

        assertThatThrownBy(() -> Datasets.sft(file, tokenizer, 32))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(message);
                });
    }

    @Test
    void an_empty_file_is_an_error_naming_the_file() throws IOException {
        Path file = write(new byte[0]);

        assertThatThrownBy(() -> Datasets.sft(file, tokenizer, 32))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.line()).isZero();
                    assertThat(e.getMessage()).isEqualTo(file + ": no records: the file is empty");
                });
    }

    @Test
    void accepts_crlf_line_ends_a_byte_order_mark_paired_surrogates_and_no_final_newline() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = write(bytes(bom, "{\"text\": \"a \\ud83d\\ude00 b\"}\r\n",
                "{\"text\": \"smile 😀\"}"));

        TokenDataset data = Datasets.pretrain(file, tokenizer, 32);

        assertThat(data.size()).isEqualTo(2);
        int[] ids = tokenizer.encode("a 😀 b");
        assertThat(Arrays.copyOf(data.get(0).x(), ids.length))
                .containsExactly(Arrays.stream(ids).asLongStream().toArray());
        assertThat(data.get(0).x()[ids.length]).isZero();
    }

    @Test
    void validation_covers_the_whole_file_before_tokenizing() throws IOException {
        String many = SFT.repeat(500);
        Path file = write(bytes(many, "{\"conversations\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n"));

        assertThatThrownBy(() -> Datasets.sft(file, tokenizer, 32))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.line()).isEqualTo(501));
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(tmp, "bad", ".jsonl"), content);
    }

    /** Concatenates strings (as UTF-8) and raw byte arrays. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] b = part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.UTF_8);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }
}
