package dev.portolan.core.history;

import static dev.portolan.core.history.HistoryFixtures.D2017;
import static dev.portolan.core.history.HistoryFixtures.D2018;
import static dev.portolan.core.history.HistoryFixtures.named;
import static dev.portolan.core.history.HistoryFixtures.row;
import static dev.portolan.core.history.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.RegistryDiff.Change;
import dev.portolan.core.history.RegistryDiff.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegistryDiffTest {
    private static final Assignment SSH = named("ssh", 22, Transport.TCP, "The Secure Shell (SSH) Protocol")
            .reference(Reference.rfc("RFC4251")).assignee("IESG").contact("IETF_Chair").build();

    @Test
    void diff_ofASnapshotWithItself_isEmpty() {
        RegistrySnapshot s = snapshot(D2017, List.of(SSH), "IESG", "IESG", "IETF_Chair", "IETF Chair");
        RegistryDiff d = RegistryHistory.diff(s, s);
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.counts()).isEqualTo(new RegistryDiff.Counts(0, 0, 0));
        assertThat(d.older()).isEqualTo(D2017);
        assertThat(d.newer()).isEqualTo(D2017);
    }

    @Test
    void diff_reportsAddedRemovedAndChangedRecordsWithTheFieldsThatDiffer() {
        RegistrySnapshot older = snapshot(D2017, named("echo", 7, Transport.TCP, "Echo"),
                named("discard", 9, Transport.TCP, "Discard"), named("ssh", 22, Transport.TCP, "SSH"));
        RegistrySnapshot newer = snapshot(D2018, named("echo", 7, Transport.TCP, "Echo"),
                named("ssh", 22, Transport.TCP, "The Secure Shell (SSH) Protocol").reference(Reference.rfc("4251")),
                named("telnet", 23, Transport.TCP, "Telnet"));

        RegistryDiff d = RegistryHistory.diff(older, newer);

        assertThat(d.counts()).isEqualTo(new RegistryDiff.Counts(1, 1, 1));
        assertThat(d.changes()).extracting(Change::kind, c -> c.key().toString())
                .containsExactly(
                        tuple(Kind.REMOVED, "discard 9/tcp"),
                        tuple(Kind.CHANGED, "ssh 22/tcp"),
                        tuple(Kind.ADDED, "telnet 23/tcp"));
        Change ssh = d.changes().get(1);
        assertThat(ssh.fields()).containsExactly(Field.DESCRIPTION, Field.REFERENCES);
        assertThat(ssh.before().description()).isEqualTo("SSH");
        assertThat(ssh.after().references()).containsExactly(new Reference(Reference.Kind.RFC, "RFC4251"));
        assertThat(d.fieldCounts()).isEqualTo(Map.of(Field.DESCRIPTION, 1, Field.REFERENCES, 1));
    }

    @Test
    void diff_ignoresRecordOrder() {
        List<Assignment> records = new ArrayList<>();
        for (int p = 1; p <= 40; p++) {
            records.add(named("svc" + p, p, p % 2 == 0 ? Transport.TCP : Transport.UDP, "Service " + p).build());
        }
        List<Assignment> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(RegistryHistory.diff(snapshot(D2017, records), snapshot(D2018, shuffled)).isEmpty()).isTrue();
    }

    @Test
    void diff_ignoresWhiteSpaceLineBreaksAndTheSpellingOfRfcs() {
        RegistrySnapshot older = snapshot(D2017, named("ssh", 22, Transport.TCP, "The Secure Shell\n   (SSH)  Protocol")
                .reference(new Reference(Reference.Kind.TEXT, "[RFC 4251]")).note("See RFC 4253 for\tthe transport."));
        RegistrySnapshot newer = snapshot(D2018, named("ssh", 22, Transport.TCP, " The Secure Shell (SSH) Protocol ")
                .reference(new Reference(Reference.Kind.RFC, "rfc4251")).note("See [RFC4253] for the transport.")
                .note("  "));
        assertThat(RegistryHistory.diff(older, newer).isEmpty()).isTrue();
        assertThat(RegistryHistory.canonical(newer).get(0).notes()).containsExactly("See RFC4253 for the transport.");
    }

    @Test
    void diff_comparesPeopleByNameNotByTheRegistrysIdentifier() {
        RegistrySnapshot older = snapshot(D2017, List.of(named("qvr", 5028, Transport.TCP, "Quiqum Virtual Relais")
                .assignee("Philipp_Marcel_Albre").contact("Philipp_Marcel_Albre").build()),
                "Philipp_Marcel_Albre", "Philipp Marcel Albrecht");
        RegistrySnapshot newer = snapshot(D2018, List.of(named("qvr", 5028, Transport.TCP, "Quiqum Virtual Relais")
                .assignee("Philipp_Marcel_Albrecht").contact("Philipp_Marcel_Albrecht").build()),
                "Philipp_Marcel_Albrecht", "Philipp  Marcel Albrecht");
        assertThat(RegistryHistory.diff(older, newer).isEmpty()).isTrue();
    }

    @Test
    void diff_aNewContactName_isAChangeOfContacts() {
        RegistrySnapshot older = snapshot(D2017, List.of(named("qmtp", 209, Transport.TCP, "QMTP")
                .contact("Dan_Bernstein").build()), "Dan_Bernstein", "Dan Bernstein");
        RegistrySnapshot newer = snapshot(D2018, List.of(named("qmtp", 209, Transport.TCP, "QMTP")
                .contact("D_J_Bernstein").build()), "D_J_Bernstein", "D. J. Bernstein");
        assertThat(RegistryHistory.diff(older, newer).changes()).singleElement().satisfies(c -> {
            assertThat(c.fields()).containsExactly(Field.CONTACTS);
            assertThat(c.after().contacts()).containsExactly("D. J. Bernstein");
        });
    }

    @Test
    void diff_aServiceNameInOtherLetterCase_isNoChange() {
        assertThat(RegistryHistory.diff(snapshot(D2017, named("CAIlic", 216, Transport.TCP, "Computer Associates")),
                snapshot(D2018, named("cailic", 216, Transport.TCP, "Computer Associates"))).isEmpty()).isTrue();
    }

    @Test
    void diff_aRenamedServiceOnTheSamePortAndTransport_isAChangeOfItsName() {
        RegistryDiff d = RegistryHistory.diff(snapshot(D2017, named("fox-skytale", 4319, Transport.TCP, "Fox SkyTale")),
                snapshot(D2018, named("skytale", 4319, Transport.TCP, "Sentyron SkyTale")));
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.CHANGED);
            assertThat(c.fields()).containsExactly(Field.SERVICE, Field.DESCRIPTION);
            assertThat(c.before().service()).isEqualTo("fox-skytale");
            assertThat(c.after().service()).isEqualTo("skytale");
        });
    }

    @Test
    void diff_aNamedRangeWidened_isAChangeOfItsPorts() {
        RegistryDiff d = RegistryHistory.diff(snapshot(D2017, named("x11", 6000, Transport.TCP, "X Window System")
                .ports(new PortRange(6000, 6063))), snapshot(D2018, named("x11", 6000, Transport.TCP, "X Window System")
                .ports(new PortRange(6000, 6070))));
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.fields()).containsExactly(Field.PORTS);
            assertThat(c.touches(6070)).isTrue();
            assertThat(c.touches(6071)).isFalse();
        });
    }

    @Test
    void diff_aNamedRecordMovedToAPortOutsideItsRange_isARemovalAndAnAddition() {
        RegistryDiff d = RegistryHistory.diff(snapshot(D2017, named("foo", 100, Transport.TCP, "Foo")),
                snapshot(D2018, named("foo", 200, Transport.TCP, "Foo")));
        assertThat(d.changes()).extracting(Change::kind).containsExactly(Kind.REMOVED, Kind.ADDED);
    }

    @Test
    void diff_anUnassignedRangeSplitToAssignAPort_isTheOldRangeRemovedAndTheNewRowsAdded() {
        RegistryDiff d = RegistryHistory.diff(snapshot(D2017, row(288, 307, null, "Unassigned")),
                snapshot(D2018, row(288, 299, null, "Unassigned"),
                        named("tacacss", 300, Transport.TCP, "TLS Secure Login Host Protocol (TACACSS)"),
                        row(300, 300, Transport.UDP, "Reserved"), row(301, 307, null, "Unassigned")));
        assertThat(d.changes()).extracting(Change::kind, c -> c.key().toString()).containsExactly(
                tuple(Kind.ADDED, "(no name) 288-299/any"),
                tuple(Kind.REMOVED, "(no name) 288-307/any"),
                tuple(Kind.ADDED, "tacacss 300/tcp"),
                tuple(Kind.ADDED, "(no name) 300/udp"),
                tuple(Kind.ADDED, "(no name) 301-307/any"));
    }

    @Test
    void diff_aDeassignedPort_isTheServiceRemovedAndAReservedRowAdded() {
        RegistryDiff d = RegistryHistory.diff(
                snapshot(D2017, named("compressnet", 2, Transport.TCP, "Management Utility")),
                snapshot(D2018, row(2, 2, Transport.TCP, "Reserved")
                        .note("De-assigned on 2025-02-13, previously compressnet")));
        assertThat(d.changes()).extracting(Change::kind, c -> c.record().status())
                .containsExactly(tuple(Kind.ADDED, AssignmentStatus.RESERVED),
                        tuple(Kind.REMOVED, AssignmentStatus.ASSIGNED));
    }

    @Test
    void diff_aRowWithoutNameThatIsReservedNow_isAChangeOfItsStatus() {
        RegistryDiff d = RegistryHistory.diff(snapshot(D2017, row(4, 4, Transport.TCP, "Unassigned")),
                snapshot(D2018, row(4, 4, Transport.TCP, "Reserved")));
        assertThat(d.changes()).singleElement().satisfies(c ->
                assertThat(c.fields()).containsExactly(Field.DESCRIPTION, Field.STATUS));
    }

    @Test
    void diff_duplicatesOfOneKey_matchEqualRecordsFirstThenInCanonicalOrder() {
        Assignment reliable = Assignment.builder().service("rdp").description("Reliable Data Protocol").build();
        Assignment windows = Assignment.builder().service("rdp").description("Windows Remote Desktop Protocol").build();
        Assignment windowsNoted = windows.toBuilder().note("Defined TXT keys: None").build();
        // The two rdp names without port stay; one gains a note: one change, whichever order.
        RegistryDiff d = RegistryHistory.diff(snapshot(D2017, List.of(windows, reliable)),
                snapshot(D2018, List.of(reliable, windowsNoted)));
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.before().description()).isEqualTo("Windows Remote Desktop Protocol");
            assertThat(c.fields()).containsExactly(Field.NOTES);
        });
        // A third rdp is an addition; equal duplicates are no change.
        RegistryDiff more = RegistryHistory.diff(snapshot(D2017, List.of(reliable, reliable)),
                snapshot(D2018, List.of(reliable, reliable, windows)));
        assertThat(more.changes()).extracting(Change::kind).containsExactly(Kind.ADDED);
        assertThat(more.changes().get(0).after().description()).isEqualTo("Windows Remote Desktop Protocol");
    }

    @Test
    void diff_changesAreOrderedByPortTransportAndName() {
        RegistrySnapshot older = snapshot(D2017, named("b", 80, Transport.UDP, "B"), named("a", 80, Transport.TCP, "A"),
                named("z", 7, Transport.UDP, "Z"), Assignment.builder().service("nameonly").description("N"));
        RegistrySnapshot newer = snapshot(D2018, named("c", 80, Transport.TCP, "C").ports(new PortRange(79, 80)),
                named("a", 80, null, "A"));
        assertThat(RegistryHistory.diff(older, newer).changes()).extracting(c -> c.kind() + " " + c.key())
                .containsExactly("REMOVED z 7/udp", "ADDED c 79-80/tcp", "ADDED a 80/any", "REMOVED a 80/tcp",
                        "REMOVED b 80/udp", "REMOVED nameonly (no port)/any");
    }

    @Test
    void apply_ofTheDiff_givesTheNewerContent() {
        RegistrySnapshot older = snapshot(D2017, List.of(SSH, named("discard", 9, Transport.TCP, "Discard").build()),
                "IESG", "IESG", "IETF_Chair", "IETF Chair");
        RegistrySnapshot newer = snapshot(D2018, List.of(SSH.toBuilder().description("SSH").modified(
                new RegistryDate(2018, 1, 2)).build(), named("telnet", 23, Transport.TCP, "Telnet").build()),
                "IESG", "Internet Engineering Steering Group", "IETF_Chair", "IETF Chair");
        RegistrySnapshot applied = RegistryHistory.apply(older, RegistryHistory.diff(older, newer));
        assertThat(RegistryHistory.sameContent(applied, newer)).isTrue();
        assertThat(applied.info().updated()).isEqualTo(D2018);
        assertThat(applied.assignments()).extracting(Assignment::service).containsExactly("ssh", "telnet");
        assertThat(applied.person(applied.assignments().get(0).assignees().get(0)).name())
                .isEqualTo("Internet Engineering Steering Group");
    }

    @Test
    void apply_toAReleaseWithoutTheChangedRecord_isRefused() {
        RegistrySnapshot older = snapshot(D2017, named("ssh", 22, Transport.TCP, "SSH"));
        RegistrySnapshot newer = snapshot(D2018, named("ssh", 22, Transport.TCP, "Secure Shell"));
        RegistryDiff d = RegistryHistory.diff(older, newer);
        assertThatThrownBy(() -> RegistryHistory.apply(newer, d)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the diff has changed record ssh 22/tcp, which the release does not hold: the diff "
                        + "was made from another release");
    }

    @Test
    void change_ofTheWrongShape_isRefused() {
        CanonicalRecord r = RegistryHistory.canonical(snapshot(D2017, named("ssh", 22, Transport.TCP, "SSH")))
                .get(0);
        assertThatThrownBy(() -> new Change(Kind.CHANGED, r, r)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("changed needs two different records, before and after");
        assertThatThrownBy(() -> new Change(Kind.ADDED, r, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("added needs a record after and none before");
    }
}
