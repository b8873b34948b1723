package ai.minimind.engine.starter;

import ai.minimind.engine.data.ChatTemplate;
import ai.minimind.engine.data.Datasets;
import ai.minimind.engine.data.DpoDataset;
import ai.minimind.engine.data.DpoSample;
import ai.minimind.engine.data.RlaifPrompt;
import ai.minimind.engine.data.Sample;
import ai.minimind.engine.data.TokenDataset;
import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StarterDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SFT_LEN = 128;
    private static final int RLAIF_PROMPT_LEN = 66;
    private static final MiniMindTokenizer tokenizer = StarterDir.tokenizer();

    @TempDir
    Path tmp;

    @Test
    void committed_data_files_are_exactly_what_the_generator_writes() throws IOException {
        StarterGenerator.writeData(tmp);

        for (String name : StarterGenerator.FILES) {
            assertThat(tmp.resolve(name)).as(name).hasSameBinaryContentAs(StarterDir.file(name));
        }
    }

    @Test
    void pretrain_loads_every_line_and_each_fits_whole_in_256_tokens() throws IOException {
        TokenDataset data = Datasets.pretrain(StarterDir.file("pretrain.jsonl"), tokenizer, 256);

        assertThat(data.size()).isEqualTo(400);
        Datasets.forEachText(StarterDir.file("pretrain.jsonl"), text -> {
            assertThat(text).endsWith("<|im_end|>").doesNotContain("<|im_start|>");
            assertThat(tokenizer.encode(text).length).as(text).isLessThanOrEqualTo(256);
        });
    }

    @Test
    void sft_keeps_every_conversation_whole_and_supervised_at_max_seq_len_128() throws IOException {
        TokenDataset data = Datasets.sft(StarterDir.file("sft.jsonl"), tokenizer, SFT_LEN);

        assertThat(data.size()).as("no sample dropped").isEqualTo(400);
        for (int i = 0; i < data.size(); i++) {
            assertThat(supervised(data.get(i))).as("sample %d", i).isPositive();
        }
        for (List<ChatTemplate.Message> chat : conversations(StarterDir.file("sft.jsonl"), "conversations")) {
            assertThat(tokenizer.encode(ChatTemplate.render(chat, null, false)).length).as(chat.toString())
                    .isLessThanOrEqualTo(SFT_LEN);
        }
    }

    @Test
    void dpo_loads_every_pair_with_both_replies_supervised_and_different() throws IOException {
        DpoDataset data = Datasets.dpo(StarterDir.file("dpo.jsonl"), tokenizer, SFT_LEN);

        assertThat(data.size()).isEqualTo(300);
        for (int i = 0; i < data.size(); i++) {
            DpoSample pair = data.get(i);
            assertThat(supervised(pair.chosen())).as("chosen %d", i).isPositive();
            assertThat(supervised(pair.rejected())).as("rejected %d", i).isPositive();
            assertThat(pair.chosen().y()).as("pair %d", i).isNotEqualTo(pair.rejected().y());
        }
    }

    @Test
    void rlaif_prompts_end_in_the_generation_prompt_fit_66_tokens_and_carry_the_placeholder() throws IOException {
        List<RlaifPrompt> prompts = Datasets.rlaif(StarterDir.file("rlaif.jsonl"));

        assertThat(prompts).hasSize(300);
        for (RlaifPrompt p : prompts) {
            assertThat(p.answer()).isEqualTo(StarterCorpus.RLAIF_PLACEHOLDER);
            assertThat(p.prompt()).endsWith("<|im_start|>assistant\n");
            assertThat(tokenizer.encode(p.prompt()).length).as(p.prompt()).isLessThanOrEqualTo(RLAIF_PROMPT_LEN);
        }
    }

    @Test
    void every_file_is_bilingual_and_all_together_stay_well_under_one_megabyte() throws IOException {
        long bytes = 0;
        for (String name : StarterGenerator.FILES) {
            String text = Files.readString(StarterDir.file(name));
            bytes += Files.size(StarterDir.file(name));
            assertThat(text).as(name).containsPattern("\\p{IsHan}")
                    .containsPattern("\\b(What|How|Which|Count|Spell)\\b");
        }
        assertThat(bytes).isLessThan(512 * 1024);
    }

    private static int supervised(Sample sample) {
        int count = 0;
        for (float m : sample.lossMask()) {
            count += m > 0 ? 1 : 0;
        }
        return count;
    }

    /** The message lists stored under {@code key} in each line of {@code file}. */
    static List<List<ChatTemplate.Message>> conversations(Path file, String key) throws IOException {
        List<List<ChatTemplate.Message>> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            List<ChatTemplate.Message> chat = new ArrayList<>();
            for (JsonNode m : JSON.readTree(line).get(key)) {
                chat.add(new ChatTemplate.Message(m.get("role").asText(), m.get("content").asText()));
            }
            out.add(chat);
        }
        return out;
    }
}
