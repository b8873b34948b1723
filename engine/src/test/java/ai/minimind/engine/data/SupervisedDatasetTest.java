package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupervisedDatasetTest {
    private static final MiniMindTokenizer tokenizer = SharedData.tokenizer();

    @TempDir
    Path tmp;

    @Test
    void sft_worked_example_masks_exactly_the_reply_its_end_token_and_the_newline() throws IOException {
        Path file = write("{\"conversations\": [{\"role\": \"user\", \"content\": \"你好\"}, "
                + "{\"role\": \"assistant\", \"content\": \"你好！\"}]}\n");

        Sample sample = Datasets.sft(file, tokenizer, 40).get(0);

        int[] ids = {1, 85, 736, 201, 59, 292, 389, 260, 3836, 1861, 501, 2, 201, 1, 320, 275, 201, 5134, 2, 201,
                1, 1078, 538, 501, 201, 5134, 2207, 2, 201};
        long[] padded = new long[40];
        IntStream.range(0, ids.length).forEach(t -> padded[t] = ids[t]);
        assertThat(sample.x()).hasSize(39).containsExactly(Arrays.copyOfRange(padded, 0, 39));
        assertThat(sample.y()).hasSize(39).containsExactly(Arrays.copyOfRange(padded, 1, 40));
        // Unshifted positions 25..28 are trained; after the shift they sit at 24..27.
        float[] expected = new float[39];
        for (int t = 24; t <= 27; t++) {
            expected[t] = 1f;
        }
        assertThat(sample.lossMask()).containsExactly(expected);
    }

    @Test
    void sft_reply_cut_by_truncation_is_masked_to_the_end() throws IOException {
        Path file = write("{\"conversations\": [{\"role\": \"user\", \"content\": \"你好\"}, "
                + "{\"role\": \"assistant\", \"content\": \"你好！你好！你好！\"}]}\n");

        Sample sample = Datasets.sft(file, tokenizer, 27).get(0);

        // Unshifted header "\n" at 24, so 25 and 26 are trained: shifted 24 and 25.
        assertThat(sample.lossMask()).hasSize(26);
        assertThat(sample.lossMask()[23]).isZero();
        assertThat(sample.lossMask()[24]).isEqualTo(1f);
        assertThat(sample.lossMask()[25]).isEqualTo(1f);
    }

    @Test
    void sft_loads_all_300_shared_samples_with_shifted_ids_and_non_empty_masks() throws IOException {
        TokenDataset data = Datasets.sft(SharedData.samples("sft.jsonl"), tokenizer, 4096);

        assertThat(data.size()).isEqualTo(300);
        for (int i = 0; i < data.size(); i++) {
            Sample s = data.get(i);
            assertThat(s.x()).hasSize(4095);
            assertThat(s.y()).hasSize(4095);
            assertThat(Arrays.equals(s.x(), 1, 4095, s.y(), 0, 4094)).as("x/y shift of sample %d", i).isTrue();
            assertThat(sum(s.lossMask())).as("mask of sample %d", i).isPositive();
            assertThat(trainedPadsNotRightAfterEnd(s)).as("trained pads of sample %d", i).isZero();
        }
    }

    @Test
    void sft_renders_functions_and_tool_calls_given_as_lists_or_json_strings() throws IOException {
        String asList = "{\"conversations\": [{\"role\": \"system\", \"content\": \"s\", \"functions\": "
                + "[{\"name\": \"f\"}]}, {\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", "
                + "\"tool_calls\": [{\"name\": \"f\", \"arguments\": {\"x\": 1}}]}, {\"role\": \"tool\", "
                + "\"content\": \"r\"}, {\"role\": \"assistant\", \"content\": \"done\"}]}";
        String asStrings = asList.replace("[{\"name\": \"f\"}]", "\"[{\\\"name\\\": \\\"f\\\"}]\"")
                .replace("[{\"name\": \"f\", \"arguments\": {\"x\": 1}}]",
                        "\"[{\\\"name\\\": \\\"f\\\", \\\"arguments\\\": {\\\"x\\\": 1}}]\"");
        Path file = write(asList + "\n" + asStrings + "\n");

        TokenDataset data = Datasets.sft(file, tokenizer, 256);

        String expected = "<|im_start|>system\ns\n\n# Tools";
        for (int i = 0; i < 2; i++) {
            long[] x = data.get(i).x();
            int[] ids = Arrays.stream(x).mapToInt(v -> (int) v).filter(v -> v != 0).toArray();
            String text = tokenizer.decode(ids, false);
            assertThat(text).startsWith(expected).contains("<tools>\n{\"name\": \"f\"}\n</tools>")
                    .contains("<|im_start|>assistant\n<tool_call>\n{\"name\": \"f\", \"arguments\": {\"x\": 1}}\n"
                            + "</tool_call><|im_end|>\n<|im_start|>user\n<tool_response>\nr\n</tool_response>"
                            + "<|im_end|>");
        }
        assertThat(data.get(0).x()).isEqualTo(data.get(1).x());
    }

    @Test
    void sft_drops_samples_whose_reply_is_truncated_away_and_prints_the_count() throws IOException {
        String shortOne = "{\"conversations\": [{\"role\": \"user\", \"content\": \"hi\"}, "
                + "{\"role\": \"assistant\", \"content\": \"hello\"}]}\n";
        String longPrompt = "{\"conversations\": [{\"role\": \"user\", \"content\": \"" + "word ".repeat(100)
                + "\"}, {\"role\": \"assistant\", \"content\": \"ok\"}]}\n";
        Path file = write(shortOne + longPrompt + longPrompt + shortOne);

        int[] size = new int[1];
        String out = captureStdout(() -> size[0] = Datasets.sft(file, tokenizer, 64).size());

        assertThat(size[0]).isEqualTo(2);

        assertThat(out.strip()).isEqualTo("Dropped 2 of 4 samples with no supervised token within max_seq_len=64");
    }

    @Test
    void sft_with_every_sample_dropped_is_an_error() throws IOException {
        Path file = write("{\"conversations\": [{\"role\": \"user\", \"content\": \"" + "word ".repeat(100)
                + "\"}, {\"role\": \"assistant\", \"content\": \"ok\"}]}\n");

        assertThatThrownBy(() -> Datasets.sft(file, tokenizer, 64))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("all 1 samples have no supervised token within max_seq_len=64");
    }

    @Test
    void pretrain_samples_are_shifted_and_masked_on_every_non_pad_token() throws IOException {
        TokenDataset data = Datasets.pretrain(SharedData.samples("pretrain.jsonl"), tokenizer, 512);

        assertThat(data.size()).isEqualTo(300);
        String firstText = Files.readAllLines(SharedData.samples("pretrain.jsonl")).get(0);
        for (int i = 0; i < data.size(); i++) {
            Sample s = data.get(i);
            assertThat(s.x()).hasSize(511);
            assertThat(s.y()).hasSize(511);
            assertThat(Arrays.equals(s.x(), 1, 511, s.y(), 0, 510)).as("x/y shift of sample %d", i).isTrue();
            float[] nonPad = new float[511];
            for (int t = 0; t < 511; t++) {
                nonPad[t] = s.y()[t] != 0 ? 1f : 0f;
            }
            assertThat(s.lossMask()).as("mask of sample %d", i).isEqualTo(nonPad);
        }
        assertThat(firstText).contains("<|im_end|>");
        assertThat(data.get(0).y()).contains(MiniMindTokenizer.EOS_ID);
    }

    @Test
    void pretrain_truncates_long_texts_and_pads_short_ones_with_zero() throws IOException {
        Path file = write("{\"text\": \"" + "word ".repeat(50) + "\"}\n{\"text\": \"hello world\"}\n");

        TokenDataset data = Datasets.pretrain(file, tokenizer, 16);

        int[] longIds = tokenizer.encode("word ".repeat(50));
        assertThat(data.get(0).x()).containsExactly(IntStream.range(0, 15).mapToLong(t -> longIds[t]).toArray());
        assertThat(sum(data.get(0).lossMask())).isEqualTo(15f);
        int[] shortIds = tokenizer.encode("hello world");
        assertThat(data.get(1).x()[shortIds.length]).isZero();
        assertThat(sum(data.get(1).lossMask())).isEqualTo(shortIds.length - 1f);
    }

    @Test
    void rejects_a_max_seq_len_below_two() throws IOException {
        Path file = write("{\"text\": \"hello\"}\n");

        assertThatThrownBy(() -> Datasets.pretrain(file, tokenizer, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_seq_len");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "data", ".jsonl"), content, StandardCharsets.UTF_8);
    }

    /** MiniMind's offset trains exactly one token after each {@code <|im_end|>}; any other trained pad is a bug. */
    private static int trainedPadsNotRightAfterEnd(Sample s) {
        int bad = 0;
        for (int t = 0; t < s.y().length; t++) {
            boolean afterEnd = t > 0 && s.y()[t - 1] == MiniMindTokenizer.EOS_ID;
            if (s.lossMask()[t] == 1f && s.y()[t] == MiniMindTokenizer.PAD_ID && !afterEnd) {
                bad++;
            }
        }
        return bad;
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    /** Something that loads a dataset. */
    interface Loading {
        void run() throws IOException;
    }

    static String captureStdout(Loading body) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
