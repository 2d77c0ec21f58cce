package dev.portolan.knowledge.page;

import static dev.portolan.knowledge.page.PortPagesFixtureTest.first;
import static dev.portolan.knowledge.page.PortPagesFixtureTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.testsupport.Fixtures;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The History section tells each port's timeline across the registry's releases embedded in the
 * program (2017-03-10 to 2025-12-15), over the embedded registry of the last of them.
 */
class RegistryTimelineTest {
    static PortPages pages;

    @BeforeAll
    static void load() {
        pages = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded(), EmbeddedHistory.load());
    }

    /** The History section as English text, one line a paragraph or item. */
    static String history(int port) {
        return history(pages.page(port), ULocale.ENGLISH);
    }

    static String history(PortPage page, ULocale language) {
        String rendered = new PlainTextPage(Messages.of(language), 1_000_000).render(page);
        String heading = Messages.of(language).format("section.history.heading");
        int start = rendered.indexOf("\n" + heading + "\n");
        int end = rendered.indexOf("\n\n", start + heading.length() + 2);
        int next = rendered.indexOf("\n", rendered.indexOf("\n", start + 1) + 1);
        return rendered.substring(next + 1, end < 0 ? rendered.length() : end);
    }

    /** Every text of the History section, in reading order. */
    static List<Text> historyTexts(PortPage page) {
        return PortPage.bodyTexts(List.of(page.section(Section.Id.HISTORY).orElseThrow()), List.of(), List.of());
    }

    @Test
    void port2_lostCompressnetBetweenTheReleasesOf2024And2025_andWasReserved() {
        PortPage page = pages.page(2);
        Text removed = first(page, "timeline.removed");
        assertThat(removed.args()).containsExactlyInAnyOrderEntriesOf(Map.of("port", "2", "services", List.of("compressnet"),
                "after", new PageDate(2024, 8, 1), "by", new PageDate(2025, 12, 15), "then", "reserved"));
        assertThat(removed.cites()).containsExactly("iana-registry-releases");
        assertThat(history(2)).contains("The registry’s release of March 10, 2017, the oldest Portolan compares, "
                + "already lists compressnet on port 2. Port 2 lost compressnet between the registry’s releases of "
                + "August 1, 2024 and December 15, 2025, and the registry reserved the port instead.[");
        assertThat(page.timeline()).isNotNull();
        assertThat(page.timeline().port()).isEqualTo(2);
        // the oldest release lists it, the removal is the last change: nothing more to say
        assertThat(keys(page)).doesNotContain("timeline.unchanged", "timeline.unchangedSince", "timeline.reserved");
    }

    @Test
    void port23_withoutChange_saysSinceWhenItHasBeenAsItIs() {
        assertThat(history(23)).contains("The registry’s release of March 10, 2017, the oldest Portolan compares, "
                + "already lists telnet on port 23. Every release of the registry that Portolan compares, from "
                + "March 10, 2017 to December 15, 2025, lists port 23 as it is today.[");
        assertThat(keys(pages.page(23))).doesNotContain("timeline.changed", "timeline.removed", "timeline.appeared");
    }

    @Test
    void anUnassignedPort_whoseRowOnlyMovedWithItsNeighbours_hasNotChanged() {
        // 288-307 became 288-299 and 301-307 around tacacss on 300 in 2025: no change for 295
        assertThat(keys(pages.page(295))).contains("timeline.unchanged")
                .doesNotContain("timeline.changed", "timeline.removed", "timeline.appeared", "timeline.reserved");
    }

    @Test
    void port80_tellsEachChangeFieldByField_onTheDayItsRecordsWereChanged() {
        String history = history(80);
        assertThat(history).contains("On October 1, 2021, between the registry’s releases of December 29, 2020 and "
                + "January 4, 2023, IANA changed 4 records of port 80:[")
                .contains("- The assignee of http (TCP, UDP) and www changed from none to IESG.[")
                .contains("- The contact of http (TCP, UDP) and www changed from none to IETF Chair.[")
                .contains("- The references of http (TCP, UDP) and www changed from none to RFC 9110.[")
                // a later day between the same releases: they are named once
                .contains("On February 7, 2022, IANA changed a record of port 80:[")
                .contains("- The references of http (SCTP) changed from RFC 4960 to RFC 9260.[")
                .contains("Since the registry’s release of January 4, 2023, port 80 has been as it is today.[");
        // the day of the change is the registry's date of last change: it is not said again
        assertThat(history).doesNotContain("last changed on October 1, 2021", "last changed on February 7, 2022");
        Text changed = first(pages.page(80), "timeline.changed");
        assertThat(changed.args()).containsEntry("exact", "yes").containsEntry("date", new PageDate(2021, 10, 1))
                .containsEntry("count", 4);
    }

    @Test
    void port4319_tellsTheRenameOfItsService() {
        assertThat(history(4319)).contains("IANA registered skytale on January 20, 2022.")
                .contains("- The service fox-skytale was renamed skytale.[")
                .contains("- The description of skytale changed from “Fox SkyTale encrypted communication” to "
                        + "“Sentyron SkyTale encrypted communication”.[");
    }

    @Test
    void port300_aNewServiceIsToldByItsRegistration_andTheReservationBeside() {
        String history = history(300);
        assertThat(history).contains("IANA registered tacacss on July 15, 2025.[1] Between the registry’s releases "
                + "of August 1, 2024 and December 15, 2025, port 300 became reserved on UDP.[");
        assertThat(keys(pages.page(300))).doesNotContain("timeline.appeared");
    }

    @Test
    void aReportOfUnauthorizedUse_onAnUnassignedRange_isAChange_pointingToTheReportTheSecuritySectionQuotes() {
        assertThat(history(33436)).contains("- The reports of unauthorized use of the entry for ports 33436-33655 "
                + "changed from none to the reports quoted under Security.[");
        assertThat(keys(pages.page(33436))).contains("security.unauthorized");
    }

    @Test
    void aLongDescription_thatChanged_isQuotedWhereItChanged() {
        // the overview quotes the description as it is now; its second sentence stayed as it was
        assertThat(history(4646)).contains("- The description of dots-signal changed from “DOTS Signal Channel "
                + "Protocol. …” to “Distributed Denial-of-Service Open Threat Signaling (DOTS) Signal Channel "
                + "Protocol. …”.[");
    }

    @Test
    void history_isToldInDateOrder_theReleasesAmongTheRegistrysDates() {
        for (int port : List.of(2, 22, 80, 300, 443, 4319, 5683, 49151)) {
            String last = "";
            for (Text t : historyTexts(pages.page(port))) {
                Object date = t.args().containsKey("date") ? t.args().get("date") : t.args().get("by");
                if (date instanceof PageDate d && !t.key().equals("timeline.unchangedSince")) {
                    assertThat(d.toString()).as(port + " " + t.key()).isGreaterThanOrEqualTo(last);
                    last = d.toString();
                }
            }
        }
    }

    @Test
    void withoutHistory_orOverOtherData_thePageTellsNoTimeline() {
        PortPage plain = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded()).page(2);
        assertThat(plain.timeline()).isNull();
        assertThat(keys(plain)).noneMatch(k -> k.startsWith("timeline."));
        // the test registry is not the last release of the history: its timeline would not end with it
        PortPages other = new PortPages(Registry.of(Fixtures.xml()), Knowledge.embedded(), EmbeddedHistory.load());
        assertThat(other.hasTimeline()).isFalse();
        assertThat(other.page(22).timeline()).isNull();
        assertThat(pages.hasTimeline()).isTrue();
    }

    @Test
    void everyLanguage_tellsTheTimelineInItsOwnWords() {
        List<String> english = new ArrayList<>();
        for (ULocale language : Languages.all()) {
            String text = history(pages.page(2), language);
            assertThat(text).as(language.toString()).doesNotContain("timeline.", "{", "}").contains("compressnet");
            english.add(text);
        }
        assertThat(english).doesNotHaveDuplicates();
        assertThat(history(pages.page(2), ULocale.GERMAN)).contains(
                "Zwischen den Registry-Ausgaben vom 1. August 2024 und vom 15. Dezember 2025 verlor Port 2 "
                        + "compressnet, und die Registry reservierte den Port stattdessen.");
    }
}
