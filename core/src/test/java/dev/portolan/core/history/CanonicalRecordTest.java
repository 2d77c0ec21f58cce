package dev.portolan.core.history;

import static dev.portolan.core.history.HistoryFixtures.D2017;
import static dev.portolan.core.history.HistoryFixtures.named;
import static dev.portolan.core.history.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalRecordTest {

    private static CanonicalRecord canonical(Assignment.Builder b, String... people) {
        return RegistryHistory.canonical(snapshot(D2017, List.of(b.build()), people)).get(0);
    }

    private static CanonicalRecord record(String service, int port, String description) {
        return new CanonicalRecord(service, PortRange.of(port), Transport.TCP, description, AssignmentStatus.ASSIGNED,
                List.of(), List.of(), null, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void texts_haveWhiteSpaceCollapsedAndEmptyItemsDropped() {
        CanonicalRecord r = canonical(named("ssh", 22, Transport.TCP, "\n  The Secure\tShell\u00a0 (SSH)\r\n Protocol ")
                .note("  ").note("Defined TXT keys:\n   u=<username>").unauthorized("").serviceCode(" 1 "));
        assertThat(r.description()).isEqualTo("The Secure Shell (SSH) Protocol");
        assertThat(r.notes()).containsExactly("Defined TXT keys: u=<username>");
        assertThat(r.unauthorized()).isEmpty();
        assertThat(r.serviceCodes()).containsExactly("1");
    }

    @Test
    void rfcsCitedInText_readRfcAndTheNumber() {
        assertThat(canonical(named("a", 1, Transport.TCP, "see [RFC 6335], rfc0793 and RFC-9293; not RFCs or RFC6335a"))
                .description()).isEqualTo("see RFC6335, RFC793 and RFC9293; not RFCs or RFC6335a");
    }

    @Test
    void references_areNormalisedSortedAndEachOnce() {
        CanonicalRecord r = canonical(named("a", 1, Transport.TCP, "A")
                .reference(new Reference(Reference.Kind.TEXT, "[RFC 6335]"))
                .reference(new Reference(Reference.Kind.RFC, "rfc6335"))
                .reference(new Reference(Reference.Kind.TEXT, "RFC4251"))
                .reference(new Reference(Reference.Kind.TEXT, "[draft-IETF-tsvwg-Example-01]"))
                .reference(new Reference(Reference.Kind.TEXT, "https://example.org/spec"))
                .reference(new Reference(Reference.Kind.TEXT, "ITU-T  X.510"))
                .reference(new Reference(Reference.Kind.FOOTNOTE, " 1 ")));
        assertThat(r.references()).containsExactly(new Reference(Reference.Kind.RFC, "RFC4251"),
                new Reference(Reference.Kind.RFC, "RFC6335"),
                new Reference(Reference.Kind.DRAFT, "draft-ietf-tsvwg-example-01"),
                new Reference(Reference.Kind.URI, "https://example.org/spec"),
                new Reference(Reference.Kind.TEXT, "ITU-T X.510"),
                new Reference(Reference.Kind.FOOTNOTE, "1"));
    }

    @Test
    void people_areTheirNamesSortedAndEachOnce_unknownIdentifiersReadAsNames() {
        CanonicalRecord r = canonical(named("a", 1, Transport.TCP, "A").assignee("Zed_2").assignee("Ada")
                .contact("Ada").contact("Ada_Lovelace").contact("Jon_Postel"),
                "Zed_2", "Zed  Example", "Ada", "Ada Lovelace", "Ada_Lovelace", "Ada Lovelace");
        assertThat(r.assignees()).containsExactly("Ada Lovelace", "Zed Example");
        assertThat(r.contacts()).containsExactly("Ada Lovelace", "Jon Postel");
    }

    @Test
    void serviceName_keepsItsSpelling_butLetterCaseDoesNotCount() {
        CanonicalRecord upper = record("CAIlic", 216, "Computer Associates");
        CanonicalRecord lower = record("cailic", 216, "Computer Associates");
        assertThat(upper.service()).isEqualTo("CAIlic");
        assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
        assertThat(upper.compareTo(lower)).isZero();
        assertThat(upper.key()).isEqualTo(lower.key());
        assertThat(upper.key().service()).isEqualTo("cailic");
        assertThat(upper.differences(lower)).isEmpty();
    }

    @Test
    void blankServiceName_isNoName() {
        assertThat(record(" \n", 4, "Unassigned").service()).isNull();
    }

    @Test
    void differences_listTheFieldsThatDifferInFieldOrder() {
        CanonicalRecord a = record("ssh", 22, "SSH");
        CanonicalRecord b = new CanonicalRecord("secsh", PortRange.of(22), Transport.UDP, "SSH",
                AssignmentStatus.RESERVED, List.of("IESG"), List.of(), null, null, List.of(), List.of("n"), List.of(),
                List.of(), List.of());
        assertThat(a.differences(b)).containsExactly(Field.SERVICE, Field.TRANSPORT, Field.STATUS, Field.ASSIGNEES,
                Field.NOTES);
        assertThat(Field.SERVICE_CODES.id()).isEqualTo("service-codes");
    }

    @Test
    void keys_areOrderedByPortTransportAndName_recordsWithoutPortLast() {
        List<CanonicalRecord.Key> keys = new ArrayList<>(List.of(
                new CanonicalRecord.Key(null, null, "rdp"),
                new CanonicalRecord.Key(PortRange.of(80), Transport.UDP, "http"),
                new CanonicalRecord.Key(PortRange.of(80), Transport.TCP, "www"),
                new CanonicalRecord.Key(PortRange.of(80), Transport.TCP, "http"),
                new CanonicalRecord.Key(PortRange.of(80), null, null),
                new CanonicalRecord.Key(new PortRange(79, 81), Transport.TCP, null),
                new CanonicalRecord.Key(PortRange.of(80), Transport.TCP, null)));
        Collections.sort(keys);
        assertThat(keys).extracting(CanonicalRecord.Key::toString).containsExactly("(no name) 79-81/tcp",
                "(no name) 80/any", "(no name) 80/tcp", "http 80/tcp", "www 80/tcp", "http 80/udp",
                "rdp (no port)/any");
    }

    @Test
    void canonicalForm_isAFixedPoint() {
        CanonicalRecord r = canonical(named("ssh", 22, Transport.TCP, " SSH  [RFC 4251] ")
                .reference(new Reference(Reference.Kind.TEXT, "[RFC 4251]")).note(" a\n b ").assignee("x"),
                "x", " X  Y ");
        CanonicalRecord again = new CanonicalRecord(r.service(), r.ports(), r.transport(), r.description(), r.status(),
                r.assignees(), r.contacts(), r.registered(), r.modified(), r.references(), r.notes(), r.unauthorized(),
                r.serviceCodes(), r.aliases());
        assertThat(again).isEqualTo(r);
        assertThat(again.description()).isEqualTo(r.description()).isEqualTo("SSH RFC4251");
    }
}
