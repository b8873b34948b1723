package ai.minimind.engine.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LrScheduleTest {

    @Test
    void starts_near_one_point_one_lr0_and_ends_at_the_additive_floor() {
        assertThat(LrSchedule.cosine(5e-4, 0, 100)).isCloseTo(5.5e-4, within(1e-15));
        assertThat(LrSchedule.cosine(5e-4, 50, 100)).isCloseTo(5e-5 + 2.5e-4, within(1e-15));
        assertThat(LrSchedule.cosine(5e-4, 100, 100)).isCloseTo(5e-5, within(1e-15));
    }

    @Test
    void matches_the_formula_at_an_arbitrary_step() {
        double lr0 = 1e-3;
        double expected = lr0 / 10 + 0.5 * lr0 * (1 + Math.cos(Math.PI * 7 / 30));
        assertThat(LrSchedule.cosine(lr0, 7, 30)).isEqualTo(expected);
        assertThat(LrSchedule.cosine(lr0, 8, 30)).isLessThan(LrSchedule.cosine(lr0, 7, 30));
    }

    @Test
    void rejects_an_empty_schedule() {
        assertThatThrownBy(() -> LrSchedule.cosine(1e-3, 0, 0)).hasMessageContaining("total steps");
    }
}
