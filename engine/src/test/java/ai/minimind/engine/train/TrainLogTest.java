package ai.minimind.engine.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainLogTest {
    static final String LINE = "Epoch:\\[\\d+/\\d+]\\(\\d+/\\d+\\) loss:\\d+\\.\\d{6} lr:\\d+\\.\\d{12} "
            + "epoch_Time:-?\\d+\\.\\dmin:";

    @Test
    void step_line_has_minimind_layout() {
        String line = TrainLog.stepLine(0, 2, 100, 1000, 3.14159265, 5.5e-4, 125.0);
        assertThat(line).matches(LINE);
        assertThat(line).isEqualTo("Epoch:[1/2](100/1000) loss:3.141593 lr:0.000550000000 epoch_Time:18.0min:");
    }

    @Test
    void eta_uses_python_floor_divisions() {
        // 125 s over 101 steps, 1000 iters: 125/101*1000 = 1237.6 s -> floor(20.6) = 20; minus floor(125/60) = 2
        assertThat(TrainLog.etaMinutes(125.0, 100, 1000)).isEqualTo(18.0);
        assertThat(TrainLog.etaMinutes(0.5, 1, 10)).isEqualTo(0.0);
        assertThat(TrainLog.stepLine(0, 1, 1, 10, 1, 1, 0.5)).endsWith("epoch_Time:0.0min:");
    }

    @Test
    void parameter_line_counts_millions_with_three_decimals() {
        assertThat(TrainLog.parameterLine(25_829_888)).isEqualTo("所加载Model可训练参数：25.830 百万");
    }
}
