package ai.minimind.engine.data;

import ai.minimind.engine.tokenizer.MiniMindTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DPO pairs (spec 3.3) and RLAIF prompts (spec 3.4). */
class PreferenceAndPromptDatasetsTest {
    private static final String PAIR = "{\"chosen\": [{\"role\": \"user\", \"content\": \"你好\"}, {\"role\": "
            + "\"assistant\", \"content\": \"你好！\"}], \"rejected\": [{\"role\": \"user\", \"content\": \"你好\"}, "
            + "{\"role\": \"assistant\", \"content\": \"走开\"}]}\n";
    private static final MiniMindTokenizer tokenizer = SharedData.tokenizer();

    @TempDir
    Path tmp;

    @Test
    void dpo_pairs_are_masked_like_sft_on_each_side() throws IOException {
        DpoSample pair = Datasets.dpo(write(PAIR), tokenizer, 40).get(0);

        Sample sft = Datasets.sft(write("{\"conversations\": [{\"role\": \"user\", \"content\": \"你好\"}, "
                + "{\"role\": \"assistant\", \"content\": \"你好！\"}]}\n"), tokenizer, 40).get(0);
        assertThat(pair.chosen().x()).isEqualTo(sft.x());
        assertThat(pair.chosen().y()).isEqualTo(sft.y());
        assertThat(pair.chosen().lossMask()).isEqualTo(sft.lossMask());
        int[] reply = tokenizer.encode("走开");
        assertThat(trained(pair.rejected())).isEqualTo(reply.length + 2);
        assertThat(pair.rejected().x()).hasSize(39);
    }

    @Test
    void dpo_loads_the_shared_pairs_with_supervised_tokens_on_both_sides() throws IOException {
        String out = SupervisedDatasetTest.captureStdout(() -> {
            DpoDataset data = Datasets.dpo(SharedData.samples("dpo.jsonl"), tokenizer, 1024);
            assertThat(data.size()).isGreaterThan(250);
            for (int i = 0; i < data.size(); i++) {
                DpoSample s = data.get(i);
                assertThat(trained(s.chosen())).as("chosen %d", i).isPositive();
                assertThat(trained(s.rejected())).as("rejected %d", i).isPositive();
                assertThat(s.chosen().y()).hasSize(1023);
            }
        });
        assertThat(out).matches("(Dropped \\d+ of 300 samples with no supervised token within max_seq_len=1024\\s*)?");
    }

    @Test
    void dpo_rejects_an_sft_record_and_a_side_without_assistant_turn() throws IOException {
        Path sft = write(PAIR + "{\"conversations\": []}\n");
        assertThatThrownBy(() -> Datasets.dpo(sft, tokenizer, 40)).isInstanceOf(DataFormatException.class)
                .hasMessage(sft + ":2: expected a DPO record {\"chosen\": [...], \"rejected\": [...]}, "
                        + "found an SFT/RLAIF record (\"conversations\")");

        Path noAssistant = write(PAIR + PAIR.replace("{\"role\": \"assistant\", \"content\": \"走开\"}",
                "{\"role\": \"user\", \"content\": \"走开\"}"));
        assertThatThrownBy(() -> Datasets.dpo(noAssistant, tokenizer, 40))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(":2: \"rejected\" has no assistant turn");
    }

    @Test
    void rlaif_prompts_drop_the_last_turn_and_end_with_the_generation_prompt() throws IOException {
        List<RlaifPrompt> prompts = Datasets.rlaif(SharedData.samples("rlaif.jsonl"));

        assertThat(prompts).hasSize(300);
        assertThat(prompts.get(0)).isEqualTo(new RlaifPrompt("<|im_start|>system\nYou are a helpful assistant"
                + "<|im_end|>\n<|im_start|>user\n列出五个基本的人格理论，并分别以一句话概括。<|im_end|>\n"
                + "<|im_start|>assistant\n", "空"));
        assertThat(prompts).allSatisfy(p -> assertThat(p.prompt()).endsWith("<|im_start|>assistant\n"));
    }

    @Test
    void rlaif_assigns_roles_by_position_ignoring_the_stored_ones() throws IOException {
        Path file = write("{\"conversations\": [{\"role\": \"assistant\", \"content\": \"q1\"}, {\"role\": \"user\", "
                + "\"content\": \"a1\"}, {\"role\": \"system\", \"content\": \"q2\"}, {\"role\": \"user\", "
                + "\"content\": \"placeholder\"}]}\n");

        RlaifPrompt prompt = Datasets.rlaif(file).get(0);

        assertThat(prompt.prompt()).isEqualTo("<|im_start|>system\nYou are a helpful assistant<|im_end|>\n"
                + "<|im_start|>user\nq1<|im_end|>\n<|im_start|>assistant\na1<|im_end|>\n"
                + "<|im_start|>user\nq2<|im_end|>\n"
                + "<|im_start|>assistant\n");
        assertThat(prompt.answer()).isEqualTo("placeholder");
    }

    @Test
    void rlaif_rejects_a_single_turn_and_a_pretrain_record_naming_the_line() throws IOException {
        String ok = "{\"conversations\": [{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"assistant\", "
                + "\"content\": \"空\"}]}\n";
        Path single = write(ok + "{\"conversations\": [{\"role\": \"user\", \"content\": \"q\"}]}\n");
        assertThatThrownBy(() -> Datasets.rlaif(single)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(":2: field \"conversations\" must list at least two turns");

        Path pretrain = write(ok + ok + "{\"text\": \"x\"}\n");
        assertThatThrownBy(() -> Datasets.rlaif(pretrain)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(":3: expected an RLAIF record").hasMessageContaining("found a pretrain record");
    }

    private Path write(String content) throws IOException {
        return Files.writeString(Files.createTempFile(tmp, "data", ".jsonl"), content, StandardCharsets.UTF_8);
    }

    private static long trained(Sample s) {
        float total = 0;
        for (float v : s.lossMask()) {
            total += v;
        }
        return (long) total;
    }
}
