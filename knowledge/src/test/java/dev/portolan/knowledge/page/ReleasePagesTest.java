package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.history.RegistryDiff;
import dev.portolan.knowledge.text.Messages;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pages of the embedded releases: the list, and what one release added, removed and changed. */
class ReleasePagesTest {
    static final ReleasePages PAGES = new ReleasePages(EmbeddedHistory.load());
    static final Messages EN = Messages.of(ULocale.ENGLISH);

    @Test
    void theList_namesEveryReleaseAfterTheFirst_newestFirst_withItsCounts() {
        assertThat(PAGES.releases()).containsExactly(LocalDate.parse("2025-12-15"), LocalDate.parse("2024-08-01"),
                LocalDate.parse("2023-01-04"), LocalDate.parse("2020-12-29"), LocalDate.parse("2018-12-18"));
        ReleasePages.Index index = PAGES.index();
        assertThat(EN.format(index.title())).isEqualTo("What changed in the registry, release by release");
        assertThat(EN.format(index.lead())).isEqualTo("Portolan compares 6 releases of the IANA port registry, from "
                + "March 10, 2017 to December 15, 2025: for each release after the first, what it added, removed and "
                + "changed.");
        assertThat(index.rows()).extracting(ReleasePages.Row::release).isEqualTo(PAGES.releases());
        ReleasePages.Row newest = index.rows().get(0);
        assertThat(newest.previous()).isEqualTo(LocalDate.parse("2024-08-01"));
        assertThat(newest.counts()).isEqualTo(new RegistryDiff.Counts(70, 23, 47));
        assertThat(EN.format(newest.summary())).isEqualTo("70 records added, 23 removed, 47 changed.");
        assertThat(EN.format(index.first())).matches("The release of March 10, 2017, the oldest Portolan compares, "
                + "lists [0-9,]+ records\\.");
        assertThat(index.oldest()).isEqualTo(LocalDate.parse("2017-03-10"));
    }

    @Test
    void aRelease_tellsWhatItAddedRemovedAndChanged_fieldByField() {
        ReleasePages.Release r = PAGES.page(LocalDate.parse("2025-12-15")).orElseThrow();
        assertThat(EN.format(r.title())).isEqualTo("What changed in the registry on December 15, 2025");
        assertThat(EN.format(r.lead())).isEqualTo("Compared with its release of August 1, 2024, the registry’s "
                + "release of December 15, 2025 adds 70 records, removes 23 and changes 47.");
        assertThat(r.previous()).isEqualTo(LocalDate.parse("2024-08-01"));
        assertThat(r.next()).isNull();
        assertThat(r.added()).hasSize(70);
        assertThat(r.removed()).hasSize(23);
        assertThat(r.changed()).hasSize(47);
        assertThat(r.removed()).anySatisfy(e -> {
            assertThat(e.port()).isEqualTo(2);
            assertThat(e.service()).isEqualTo("compressnet");
            assertThat(e.transport()).isEqualTo("tcp");
        });
        ReleasePages.Entry skytale = r.changed().stream().filter(e -> e.service().equals("skytale")
                && e.transport().equals("tcp")).findFirst().orElseThrow();
        assertThat(skytale.port()).isEqualTo(4319);
        assertThat(skytale.changes()).extracting(EN::format).startsWith("The service fox-skytale was renamed skytale.",
                "The description of skytale changed from “Fox SkyTale encrypted communication” to “Sentyron SkyTale "
                        + "encrypted communication”.");
        assertThat(EN.format(r.fields())).startsWith("The changed records differ in the service name (12 records), ");
    }

    @Test
    void theOldestRelease_andOtherDays_haveNoPage() {
        assertThat(PAGES.page(LocalDate.parse("2017-03-10"))).isEmpty();
        assertThat(PAGES.page(LocalDate.parse("2025-12-14"))).isEmpty();
        ReleasePages.Release first = PAGES.page(LocalDate.parse("2018-12-18")).orElseThrow();
        assertThat(first.previous()).isEqualTo(LocalDate.parse("2017-03-10"));
        assertThat(first.next()).isEqualTo(LocalDate.parse("2020-12-29"));
        assertThat(List.of(first.added().size(), first.removed().size(), first.changed().size()))
                .containsExactly(203, 45, 81);
    }
}
