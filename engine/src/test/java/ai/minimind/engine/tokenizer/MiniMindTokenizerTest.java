package ai.minimind.engine.tokenizer;

import ai.minimind.engine.data.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MiniMindTokenizerTest {
    private static final MiniMindTokenizer tokenizer = SharedData.tokenizer();

    @Test
    void encodes_the_spec_reference_strings_without_adding_special_tokens() {
        assertThat(tokenizer.encode("<|im_start|>assistant")).containsExactly(1, 1078, 538, 501);
        assertThat(tokenizer.encode("<think>")).containsExactly(30, 450, 1573, 32);
        assertThat(tokenizer.encode("\n")).containsExactly(201);
        assertThat(tokenizer.encode("user")).containsExactly(320, 275);
        assertThat(tokenizer.encode("system")).containsExactly(85, 736);
        assertThat(tokenizer.encode("")).isEmpty();
    }

    @Test
    void maps_the_three_special_tokens_to_ids_zero_one_two() {
        assertThat(tokenizer.encode("<|endoftext|><|im_start|><|im_end|>")).containsExactly(0, 1, 2);
        assertThat(MiniMindTokenizer.PAD_ID).isZero();
        assertThat(MiniMindTokenizer.BOS_ID).isEqualTo(1);
        assertThat(MiniMindTokenizer.EOS_ID).isEqualTo(2);
    }

    @Test
    void reports_the_vocabulary_size_of_the_shared_tokenizer() {
        assertThat(tokenizer.vocabSize()).isEqualTo(6400);
    }

    @Test
    void never_truncates_long_text() {
        String text = "word ".repeat(40_000);
        assertThat(tokenizer.encode(text).length).isGreaterThan(32_768);
    }

    @Test
    void decodes_back_to_the_text_and_can_skip_special_tokens() {
        String text = "<|im_start|>user\n你好, world<|im_end|>";
        int[] ids = tokenizer.encode(text);
        assertThat(tokenizer.decode(ids, false)).isEqualTo(text);
        assertThat(tokenizer.decode(ids, true)).isEqualTo("user\n你好, world");
    }

    @Test
    void load_names_the_missing_tokenizer_file(@TempDir Path empty) {
        assertThatThrownBy(() -> MiniMindTokenizer.load(empty))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("tokenizer.json");
    }
}
