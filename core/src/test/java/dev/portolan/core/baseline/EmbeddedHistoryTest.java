package dev.portolan.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.RegistryHistory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EmbeddedHistoryTest {

    @Test
    void load_holdsTheEarlierReleasesAndTheEmbeddedOneAsTheNewest() {
        ChangeLog log = EmbeddedHistory.load();
        assertThat(log.releases()).containsExactly(LocalDate.of(2017, 3, 10), LocalDate.of(2018, 12, 18),
                LocalDate.of(2020, 12, 29), LocalDate.of(2023, 1, 4), LocalDate.of(2024, 8, 1),
                LocalDate.of(2025, 12, 15));
        assertThat(RegistryHistory.sameContent(log.snapshot(LocalDate.of(2025, 12, 15)), Baseline.load())).isTrue();
        assertThat(EmbeddedHistory.load()).isSameAs(log);
    }

    /**
     * Port 2 lost compressnet on 2025-02-13 (the registry's note says so): its record was in the
     * first release and is gone between the releases of 2024-08-01 and 2025-12-15.
     */
    @Test
    void load_tellsAPortsTimeline() {
        var timeline = EmbeddedHistory.load().timeline(2);
        var compressnet = timeline.records().stream()
                .filter(r -> r.appeared().change().after() != null
                        && "compressnet".equals(r.appeared().change().after().key().service()))
                .toList();
        assertThat(compressnet).isNotEmpty().allSatisfy(r -> {
            assertThat(r.appeared().when().inOrBeforeFirstRelease()).isTrue();
            assertThat(r.removed(2)).hasValueSatisfying(b -> {
                assertThat(b.after()).isEqualTo(LocalDate.of(2024, 8, 1));
                assertThat(b.by()).isEqualTo(LocalDate.of(2025, 12, 15));
            });
        });
    }
}
