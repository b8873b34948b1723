package ai.minimind.engine.train;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class EpochOrderTest {

    @Test
    void an_epoch_visits_every_row_once_with_a_short_last_batch() {
        EpochOrder order = new EpochOrder(10, 4, 0);
        assertThat(order.iters()).isEqualTo(3);
        assertThat(order.batch(3)).hasSize(2);
        int[] all = IntStream.rangeClosed(1, 3).flatMap(s -> Arrays.stream(order.batch(s))).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 10).toArray());
    }

    @Test
    void the_order_depends_only_on_the_epoch() {
        assertThat(new EpochOrder(50, 5, 1).batch(2)).containsExactly(new EpochOrder(50, 5, 1).batch(2));
        assertThat(new EpochOrder(50, 50, 0).batch(1)).isNotEqualTo(new EpochOrder(50, 50, 1).batch(1));
        assertThat(new EpochOrder(50, 50, 0).batch(1)).isNotEqualTo(IntStream.range(0, 50).toArray());
    }
}
