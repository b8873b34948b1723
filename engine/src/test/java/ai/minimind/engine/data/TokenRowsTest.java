package ai.minimind.engine.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRowsTest {
    @Test
    void stores_rows_compactly_and_pads_them_on_read_for_narrow_and_wide_vocabularies() {
        for (int vocab : new int[]{6400, 65536, 70_000}) {
            TokenRows rows = new TokenRows(vocab);
            int[] big = new int[100_000];
            for (int i = 0; i < big.length; i++) {
                big[i] = (i * 7919) % vocab;
            }
            rows.add(new int[]{5, vocab - 1, 7}, 3);
            rows.add(big, big.length);
            rows.add(new int[]{9, 9, 9, 9}, 2);

            assertThat(rows.size()).isEqualTo(3);
            assertThat(rows.padded(0, 5)).containsExactly(5, vocab - 1, 7, 0, 0);
            assertThat(rows.padded(1, big.length)).isEqualTo(big);
            assertThat(rows.padded(2, 3)).containsExactly(9, 9, 0);
        }
    }
}
