package ai.minimind.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.minimind.server.api.ApiException.ValidationFailed;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coercion of form strings, as docs/server.md promises them. */
class ParamValidatorTest {
    private static final TrainType SFT = TrainTypes.find("sft").orElseThrow();

    @ParameterizedTest
    @CsvSource({"1, 1", "true, 1", "on, 1", "Yes, 1", "0, 0", "false, 0", "off, 0", "no, 0"})
    void zero_one_integers_take_checkbox_words(String sent, long expected) {
        assertThat(ParamValidator.validate(SFT, Map.of("use_moe", sent, "from_resume", sent)))
                .containsEntry("use_moe", expected).containsEntry("from_resume", expected);
    }

    @org.junit.jupiter.api.Test
    void a_trailing_nul_is_refused_not_trimmed_away() {
        assertThatThrownBy(() -> ParamValidator.validate(SFT, Map.of("data_path", "../dataset/sft.jsonl\0")))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("data_path").hasMessageContaining("NUL");
    }

    @ParameterizedTest
    @CsvSource({"use_moe, maybe", "use_moe, 2", "epochs, true", "batch_size, on", "data_path, @/data/clients.json",
            "wandb_project, @../../other/logs/x.log", "save_dir, --epochs", "data_path, -x", "device, @cpu"})
    void other_words_and_out_of_range_values_name_the_field(String field, String sent) {
        assertThatThrownBy(() -> ParamValidator.validate(SFT, Map.of(field, sent)))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining(field);
    }
}
