package ai.minimind.server.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcStatTest {
    private static final String TAIL = " 0 0 0 0 0 0 0 0 20 0 1 0 987654 1000 10";

    @Test
    void parses_start_ticks_when_comm_has_spaces_and_parentheses() {
        ProcStat stat = ProcStat.parse("4242 (my (odd) name) ) S 17 4242 4241 34816 4242 4194560" + TAIL);

        assertThat(stat.comm()).isEqualTo("my (odd) name) ");
        assertThat(stat.state()).isEqualTo('S');
        assertThat(stat.ppid()).isEqualTo(17);
        assertThat(stat.pgrp()).isEqualTo(4242);
        assertThat(stat.session()).isEqualTo(4241);
        assertThat(stat.startTicks()).isEqualTo(987654);
    }

    @Test
    void zombie_and_dead_states_are_not_running() {
        assertThat(ProcStat.parse("5 (z) Z 1 5 5 0 -1 0" + TAIL).isRunning()).isFalse();
        assertThat(ProcStat.parse("5 (x) X 1 5 5 0 -1 0" + TAIL).isRunning()).isFalse();
        assertThat(ProcStat.parse("5 (r) R 1 5 5 0 -1 0" + TAIL).isRunning()).isTrue();
    }

    @Test
    void rejects_a_truncated_line_naming_it() {
        assertThatThrownBy(() -> ProcStat.parse("12 (sh) S 1 12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 (sh) S 1 12");
    }

    @Test
    void reads_the_running_jvm_and_nothing_for_a_missing_pid() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcStat.read(self)).hasValueSatisfying(s -> {
            assertThat(s.pid()).isEqualTo(self);
            assertThat(s.isRunning()).isTrue();
            assertThat(s.startTicks()).isPositive();
        });
        assertThat(ProcStat.read(Integer.MAX_VALUE)).isEmpty();
    }
}
