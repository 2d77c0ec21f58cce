package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportsTest {
    /** Counts are grouped as String.format(Locale.ROOT, "%,d") groups them, which they replace. */
    @Test
    void count_groupsAsTheFormatterDoes() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, 999L, 1_000L, -1_000L, 9_999L,
                12_345L, 123_456L, 1_234_567L, -1_234_567L, 14_496L, 995_328L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            values.addAll(List.of(p, p - 1, -p, 1 - p));
        }
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        for (long v : values) {
            assertThat(Reports.count(v)).as("%d", v).isEqualTo(String.format(Locale.ROOT, "%,d", v));
        }
    }
}
