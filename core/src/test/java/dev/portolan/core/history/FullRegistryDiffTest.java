package dev.portolan.core.history;

import static dev.portolan.core.history.RealReleases.R2017;
import static dev.portolan.core.history.RealReleases.R2018;
import static dev.portolan.core.history.RealReleases.R2023;
import static dev.portolan.core.history.RealReleases.R2024;
import static dev.portolan.core.history.RealReleases.R2025;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.Assignment;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.RegistryDiff.Change;
import dev.portolan.core.history.RegistryDiff.Kind;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Diffs of the real releases, read from the shared data directory; skipped when it is absent (see
 * {@link SharedRegistryData}).
 */
class FullRegistryDiffTest {

    /** The 2025-12-15 release with six changes made by hand. */
    private static RegistrySnapshot withHandMadeChanges(RegistrySnapshot s) {
        List<Assignment> records = new ArrayList<>();
        int touched = 0;
        for (Assignment a : s.assignments()) {
            if (is(a, "ssh", 22, Transport.TCP)) {
                records.add(a.toBuilder().service("secure-shell").build());
                touched++;
            } else if (is(a, "http", 80, Transport.TCP)) {
                records.add(a.toBuilder().description("Hypertext Transfer Protocol").build());
                touched++;
            } else if (is(a, "telnet", 23, Transport.TCP)) {
                records.add(a.toBuilder().reference(new Reference(Reference.Kind.TEXT, "RFC 5198")).build());
                touched++;
            } else if (is(a, "qmtp", 209, Transport.UDP)) {
                touched++;
            } else if (is(a, "x11", 6000, Transport.TCP)) {
                records.add(a.toBuilder().ports(new PortRange(6000, 6070)).build());
                touched++;
            } else {
                records.add(a);
            }
        }
        assertThat(touched).as("records changed by hand").isEqualTo(5);
        records.add(Assignment.builder().service("portolan-test").ports(PortRange.of(60_327)).transport(Transport.TCP)
                .description("Portolan test service").assignee("Jon_Postel").build());
        return new RegistrySnapshot(s.info(), records, s.people(), s.footnotes());
    }

    private static boolean is(Assignment a, String service, int firstPort, Transport t) {
        return service.equals(a.service()) && a.ports() != null && a.ports().first() == firstPort && a.transport() == t;
    }

    @Test
    void handMadeChangesToTheDecember2025Release_areReportedExactly() {
        RegistrySnapshot real = SharedRegistryData.xml();
        RegistryDiff d = RegistryHistory.diff(real, withHandMadeChanges(real));
        assertThat(d.counts()).isEqualTo(new RegistryDiff.Counts(1, 1, 4));
        assertThat(d.changes()).extracting(Change::kind, c -> c.key().toString(), Change::fields).containsExactly(
                tuple(Kind.CHANGED, "ssh 22/tcp", List.of(Field.SERVICE)),
                tuple(Kind.CHANGED, "telnet 23/tcp", List.of(Field.REFERENCES)),
                tuple(Kind.CHANGED, "http 80/tcp", List.of(Field.DESCRIPTION)),
                tuple(Kind.REMOVED, "qmtp 209/udp", List.of()),
                tuple(Kind.CHANGED, "x11 6000-6063/tcp", List.of(Field.PORTS)),
                tuple(Kind.ADDED, "portolan-test 60327/tcp", List.of()));
        Change telnet = d.changes().get(1);
        assertThat(telnet.after().references()).containsExactly(new Reference(Reference.Kind.RFC, "RFC854"),
                new Reference(Reference.Kind.RFC, "RFC5198"));
        assertThat(d.changes().get(0).after().service()).isEqualTo("secure-shell");
        assertThat(d.changes().get(2).before().description()).isEqualTo("World Wide Web HTTP");
        assertThat(d.changes().get(4).after().ports()).isEqualTo(new PortRange(6000, 6070));
        assertThat(d.changes().get(5).after().assignees()).containsExactly("Jon Postel");
    }

    @Test
    void handMadeChanges_areReportedExactly_whateverTheFormattingOfEitherRelease() {
        RegistrySnapshot real = SharedRegistryData.xml();
        RegistryDiff plain = RegistryHistory.diff(real, withHandMadeChanges(real));
        Random random = new Random(20251215);
        RegistrySnapshot noisyOld = HistoryFixtures.noisy(real, random);
        RegistrySnapshot noisyNew = HistoryFixtures.noisy(withHandMadeChanges(real), random);
        assertThat(RegistryHistory.diff(real, noisyOld).isEmpty()).isTrue();
        assertThat(RegistryHistory.diff(noisyOld, noisyNew)).isEqualTo(plain);
    }

    @Test
    void consecutiveReleases_changeAFewHundredRecordsEach() {
        // Known answers of 2017 to 2025: additions, removals and changes of each release.
        List<RegistryDiff.Counts> expected = List.of(new RegistryDiff.Counts(203, 45, 81),
                new RegistryDiff.Counts(206, 51, 74), new RegistryDiff.Counts(156, 31, 106),
                new RegistryDiff.Counts(71, 15, 35), new RegistryDiff.Counts(70, 23, 47));
        List<LocalDate> dates = RealReleases.DATES;
        for (int i = 1; i < dates.size(); i++) {
            RegistrySnapshot older = RealReleases.snapshot(dates.get(i - 1));
            RegistrySnapshot newer = RealReleases.snapshot(dates.get(i));
            RegistryDiff d = RegistryHistory.diff(older, newer);
            assertThat(d.counts()).as("%s to %s", dates.get(i - 1), dates.get(i)).isEqualTo(expected.get(i - 1));
            assertThat(RegistryHistory.sameContent(RegistryHistory.apply(older, d), newer)).isTrue();
        }
    }

    @Test
    void release2025_renamedFoxSkytaleAndDeassignedCompressnet() {
        RegistryDiff d = RegistryHistory.diff(RealReleases.snapshot(R2024), RealReleases.snapshot(R2025));
        assertThat(d.touching(4319)).extracting(c -> c.before().service(), c -> c.after().service(), Change::fields)
                .containsExactly(
                        tuple("fox-skytale", "skytale", List.of(Field.SERVICE, Field.DESCRIPTION, Field.ASSIGNEES,
                                Field.MODIFIED)),
                        tuple("fox-skytale", "skytale", List.of(Field.SERVICE, Field.DESCRIPTION, Field.ASSIGNEES,
                                Field.MODIFIED)));
        assertThat(d.touching(2)).extracting(Change::kind, c -> c.key().toString()).containsExactly(
                tuple(Kind.ADDED, "(no name) 2/tcp"), tuple(Kind.REMOVED, "compressnet 2/tcp"),
                tuple(Kind.ADDED, "(no name) 2/udp"), tuple(Kind.REMOVED, "compressnet 2/udp"));
        assertThat(d.touching(2).get(0).after().notes())
                .containsExactly("De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]");
    }

    @Test
    void release2024_renamedAPersonsIdentifier_whichIsNoChange() {
        // qvr's assignee Philipp_Marcel_Albre became Philipp_Marcel_Albrecht, with the same name.
        RegistrySnapshot older = RealReleases.snapshot(R2023);
        RegistrySnapshot newer = RealReleases.snapshot(R2024);
        assertThat(assignee(older, "qvr", 5028)).isEqualTo("Philipp_Marcel_Albre");
        assertThat(assignee(newer, "qvr", 5028)).isEqualTo("Philipp_Marcel_Albrecht");
        assertThat(RegistryHistory.diff(older, newer).touching(5028)).isEmpty();
    }

    @Test
    void release2018_correctedTheSpellingOfAContactsName_whichIsAChange() {
        // Heikki_E's name was "Heikki Ellil√§" (UTF-8 read as Mac Roman) in 2017, "Heikki Ellilä" after.
        RegistryDiff d = RegistryHistory.diff(RealReleases.snapshot(R2017), RealReleases.snapshot(R2018));
        assertThat(d.touching(4431)).filteredOn(c -> "wspipe".equals(c.record().service())).singleElement()
                .satisfies(c -> {
                    assertThat(c.fields()).containsExactly(Field.ASSIGNEES, Field.CONTACTS);
                    assertThat(c.after().contacts()).containsExactly("Heikki Ellilä");
                });
    }

    private static String assignee(RegistrySnapshot s, String service, int port) {
        return s.assignments().stream().filter(a -> service.equals(a.service()) && a.ports() != null
                && a.ports().first() == port).map(a -> a.assignees().get(0)).filter(Objects::nonNull).findFirst()
                .orElseThrow();
    }
}
