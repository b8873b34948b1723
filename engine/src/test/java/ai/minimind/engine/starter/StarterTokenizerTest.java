package ai.minimind.engine.starter;

import ai.minimind.engine.data.ChatTemplate;
import ai.minimind.engine.data.Datasets;
import ai.minimind.engine.data.Sample;
import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StarterTokenizerTest {
    private static final int MODEL_VOCAB_SIZE = 6400;
    private static final MiniMindTokenizer tokenizer = StarterDir.tokenizer();

    @TempDir
    Path tmp;

    @Test
    void the_project_trainer_reproduces_the_committed_tokenizer_byte_for_byte() throws IOException {
        StarterGenerator.trainTokenizer(StarterDir.root(), tmp);

        for (String name : List.of("tokenizer.json", "tokenizer_config.json")) {
            assertThat(tmp.resolve(name)).as(name).hasSameBinaryContentAs(StarterDir.tokenizerDir().resolve(name));
        }
    }

    @Test
    void special_tokens_are_ids_0_1_2_and_every_id_fits_the_model_vocabulary() {
        assertThat(tokenizer.encode("<|endoftext|><|im_start|><|im_end|>")).containsExactly(0, 1, 2);
        assertThat(tokenizer.vocabSize()).isEqualTo(StarterGenerator.VOCAB_SIZE).isLessThanOrEqualTo(MODEL_VOCAB_SIZE);
    }

    @Test
    void every_pretrain_and_sft_text_round_trips_through_encode_and_decode() throws IOException {
        for (String name : List.of("pretrain.jsonl", "sft.jsonl")) {
            Datasets.forEachText(StarterDir.file(name), text ->
                    assertThat(tokenizer.decode(tokenizer.encode(text), false)).isEqualTo(text));
        }
    }

    @Test
    void assistant_header_is_the_start_token_then_the_word_assistant() {
        int[] header = tokenizer.encode("<|im_start|>assistant");

        assertThat(header[0]).isEqualTo(MiniMindTokenizer.BOS_ID);
        assertThat(header).hasSizeBetween(2, 4).doesNotContain(MiniMindTokenizer.EOS_ID, MiniMindTokenizer.PAD_ID);
        assertThat(tokenizer.decode(Arrays.copyOfRange(header, 1, header.length), false)).isEqualTo("assistant");
    }

    @Test
    void sft_mask_trains_exactly_each_reply_its_end_token_and_the_newline_in_every_starter_chat() throws IOException {
        List<String> lines = Files.readAllLines(StarterDir.file("sft.jsonl"));
        List<List<ChatTemplate.Message>> chats = StarterDataTest.conversations(StarterDir.file("sft.jsonl"),
                "conversations");
        int[] newline = tokenizer.encode("\n");

        for (int i = 0; i < lines.size(); i++) {
            Path one = tmp.resolve("line" + i + ".jsonl");
            Files.writeString(one, lines.get(i) + "\n");
            Sample sample = Datasets.sft(one, tokenizer, 128).get(0);

            List<Integer> expected = new ArrayList<>();
            for (ChatTemplate.Message m : chats.get(i)) {
                if (m.role().equals("assistant")) {
                    Arrays.stream(tokenizer.encode(m.content())).forEach(expected::add);
                    expected.add(MiniMindTokenizer.EOS_ID);
                    Arrays.stream(newline).forEach(expected::add);
                }
            }
            assertThat(trainedTargets(sample)).as("line %d", i + 1).isEqualTo(expected);
        }
    }

    /** The target ids y[t] at the positions the loss mask trains. */
    private static List<Integer> trainedTargets(Sample sample) {
        List<Integer> out = new ArrayList<>();
        for (int t = 0; t < sample.y().length; t++) {
            if (sample.lossMask()[t] > 0) {
                out.add((int) sample.y()[t]);
            }
        }
        return out;
    }
}
