package ai.minimind.engine.tokenizer;

import ai.minimind.engine.data.DataFormatException;
import ai.minimind.engine.data.Datasets;
import ai.minimind.engine.data.Sample;
import ai.minimind.engine.data.SharedData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BpeTrainerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void trained_on_the_pretrain_corpus_it_loads_round_trips_every_line_and_keeps_special_ids() throws IOException {
        Path out = tmp.resolve("tok");
        BpeTrainer.train(SharedData.samples("pretrain.jsonl"), 600, out);

        List<String> texts = new ArrayList<>();
        Datasets.forEachText(SharedData.samples("pretrain.jsonl"), texts::add);
        try (MiniMindTokenizer tokenizer = MiniMindTokenizer.load(out)) {
            assertThat(tokenizer.vocabSize()).isEqualTo(600);
            assertThat(tokenizer.encode("<|endoftext|><|im_start|><|im_end|>")).containsExactly(0, 1, 2);
            long tokens = 0;
            long bytes = 0;
            for (int i = 0; i < texts.size(); i++) {
                int[] ids = tokenizer.encode(texts.get(i));
                assertThat(tokenizer.decode(ids, false)).as("line %d", i + 1).isEqualTo(texts.get(i));
                tokens += ids.length;
                bytes += texts.get(i).getBytes(StandardCharsets.UTF_8).length;
            }
            // 341 merges learned from this very corpus must shorten it well below one token per byte.
            assertThat(tokens).isLessThan(bytes * 7 / 10);
        }
    }

    @Test
    void writes_minimind_tokenizer_json_structure_and_the_same_tokenizer_config() throws IOException {
        Path out = tmp.resolve("tok");
        BpeTrainer.train(SharedData.samples("lora_identity.jsonl"), 300, out);

        JsonNode shared = JSON.readTree(SharedData.tokenizerDir().resolve("tokenizer.json").toFile());
        JsonNode trained = JSON.readTree(out.resolve("tokenizer.json").toFile());
        for (String key : List.of("version", "truncation", "padding", "added_tokens", "normalizer", "pre_tokenizer",
                "post_processor", "decoder")) {
            assertThat(trained.get(key)).as(key).isEqualTo(shared.get(key));
        }
        assertThat(fieldNames(trained)).containsExactlyElementsOf(fieldNames(shared));
        assertThat(fieldNames(trained.get("model"))).containsExactlyElementsOf(fieldNames(shared.get("model")));
        assertThat(trained.at("/model/type").asText()).isEqualTo("BPE");
        assertThat(JSON.readTree(out.resolve("tokenizer_config.json").toFile()))
                .isEqualTo(JSON.readTree(SharedData.tokenizerDir().resolve("tokenizer_config.json").toFile()));
    }

    @Test
    void the_byte_alphabet_follows_the_specials_in_the_shared_vocabulary_order() throws IOException {
        JsonNode vocab = JSON.readTree(SharedData.tokenizerDir().resolve("tokenizer.json").toFile()).at("/model/vocab");
        List<String> alphabet = ByteLevel.alphabet();

        assertThat(new HashSet<>(alphabet)).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat(vocab.get(alphabet.get(i)).asInt()).isEqualTo(3 + i);
        }
        assertThat(ByteLevel.spell(" ")).isEqualTo("Ġ");
        assertThat(ByteLevel.spell("\n")).isEqualTo("Ċ");
        assertThat(ByteLevel.words("Hello world's 42!")).containsExactly("Hello", "Ġworld", "'s", "Ġ42", "!");
    }

    @Test
    void sft_masks_follow_the_assistant_header_ids_of_a_trained_tokenizer() throws IOException {
        Path out = tmp.resolve("tok");
        BpeTrainer.train(SharedData.samples("lora_identity.jsonl"), 300, out);
        Path sft = Files.writeString(tmp.resolve("sft.jsonl"), "{\"conversations\": [{\"role\": \"user\", "
                + "\"content\": \"你好\"}, {\"role\": \"assistant\", \"content\": \"我是MiniMind！\"}]}\n");

        try (MiniMindTokenizer tokenizer = MiniMindTokenizer.load(out)) {
            assertThat(tokenizer.encode("<|im_start|>assistant")).isNotEqualTo(new int[]{1, 1078, 538, 501});
            Sample sample = Datasets.sft(sft, tokenizer, 128).get(0);
            List<Integer> trained = new ArrayList<>();
            for (int t = 0; t < sample.y().length; t++) {
                if (sample.lossMask()[t] == 1f) {
                    trained.add((int) sample.y()[t]);
                }
            }
            int[] ids = trained.stream().mapToInt(Integer::intValue).toArray();
            assertThat(tokenizer.decode(ids, false)).isEqualTo("我是MiniMind！<|im_end|>\n");
        }
    }

    @Test
    void learns_the_most_frequent_pair_first_and_breaks_ties_by_the_smaller_ids() throws IOException {
        Path corpus = Files.writeString(tmp.resolve("c.jsonl"), "{\"text\": \"ab ab ab cd\"}\n");
        Path out = tmp.resolve("tok");

        BpeTrainer.train(corpus, 600, out);

        JsonNode model = JSON.readTree(out.resolve("tokenizer.json").toFile()).get("model");
        assertThat(model.get("merges").toString())
                .isEqualTo("[[\"a\",\"b\"],[\"Ġ\",\"ab\"],[\"c\",\"d\"],[\"Ġ\",\"cd\"]]");
        assertThat(model.get("vocab")).hasSize(263);
        try (MiniMindTokenizer tokenizer = MiniMindTokenizer.load(out)) {
            assertThat(tokenizer.encode("ab cd")).containsExactly(259, 262);
        }
    }

    @Test
    void special_token_strings_are_cut_out_before_counting_words() {
        assertThat(BpeTrainer.splitOnSpecialTokens("a<|im_end|> b<|im_start|><|endoftext|>"))
                .containsExactly("a", " b", "", "");
    }

    @Test
    void rejects_a_vocabulary_smaller_than_specials_plus_bytes_and_bad_corpus_lines() throws IOException {
        Path corpus = Files.writeString(tmp.resolve("c.jsonl"), "{\"text\": \"ab\"}\n{\"chosen\": []}\n");

        assertThatThrownBy(() -> BpeTrainer.train(corpus, 258, tmp.resolve("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 259");
        assertThatThrownBy(() -> BpeTrainer.train(corpus, 300, tmp.resolve("b")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(corpus + ":2: ");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
