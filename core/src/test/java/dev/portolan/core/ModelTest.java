package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTest {

    @Test
    void transport_parse_isCaseInsensitiveAndKnowsExactlyFourProtocols() {
        assertThat(Transport.parse("tcp")).contains(Transport.TCP);
        assertThat(Transport.parse("UDP")).contains(Transport.UDP);
        assertThat(Transport.parse("Sctp")).contains(Transport.SCTP);
        assertThat(Transport.parse("dccp")).contains(Transport.DCCP);
        assertThat(Transport.parse("ddp")).isEmpty();
        assertThat(Transport.parse("")).isEmpty();
        assertThat(Transport.parse(" tcp")).isEmpty();
        assertThat(Transport.TCP.id()).isEqualTo("tcp");
        assertThat(Transport.DCCP).hasToString("dccp");
    }

    @Test
    void portRange_acceptsTheWholeUnsigned16BitSpace() {
        assertThat(PortRange.ALL.first()).isZero();
        assertThat(PortRange.ALL.last()).isEqualTo(65_535);
        assertThat(PortRange.ALL.size()).isEqualTo(65_536);
        assertThat(PortRange.of(80).isSingle()).isTrue();
        assertThat(PortRange.of(80)).hasToString("80");
        assertThat(new PortRange(6000, 6063)).hasToString("6000-6063");
        assertThat(new PortRange(6000, 6063).contains(5999)).isFalse();
        assertThat(new PortRange(6000, 6063).contains(6000)).isTrue();
        assertThat(new PortRange(6000, 6063).contains(6063)).isTrue();
        assertThat(new PortRange(6000, 6063).contains(6064)).isFalse();
        assertThat(new PortRange(6000, 6063).intersection(new PortRange(6060, 7000))).contains(new PortRange(6060, 6063));
        assertThat(new PortRange(6000, 6063).intersection(PortRange.of(6063))).contains(PortRange.of(6063));
        assertThat(new PortRange(6000, 6063).intersection(PortRange.ALL)).contains(new PortRange(6000, 6063));
        assertThat(new PortRange(6000, 6063).intersection(new PortRange(6064, 6100))).isEmpty();
        assertThat(new PortRange(6000, 6063).intersection(new PortRange(0, 5999))).isEmpty();
    }

    @Test
    void portRange_refusesPortsOutside0To65535AndReversedRanges() {
        assertThatThrownBy(() -> PortRange.of(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port -1 is outside 0-65535");
        assertThatThrownBy(() -> new PortRange(1, 65_536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 65536 is outside 0-65535");
        assertThatThrownBy(() -> new PortRange(9000, 8000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("range 9000-8000 is reversed");
    }

    @Test
    void portRange_ordersByFirstThenLast() {
        assertThat(new PortRange(10, 20)).isLessThan(new PortRange(11, 12));
        assertThat(new PortRange(10, 20)).isLessThan(new PortRange(10, 21));
        assertThat(new PortRange(10, 20)).isEqualByComparingTo(new PortRange(10, 20));
    }

    @ParameterizedTest
    @CsvSource({
        "0, SYSTEM", "1023, SYSTEM", "1024, USER", "49151, USER", "49152, DYNAMIC", "65535, DYNAMIC"
    })
    void rangeClass_of_placesTheRfc6335Boundaries(int port, RangeClass expected) {
        assertThat(RangeClass.of(port)).isEqualTo(expected);
        assertThat(expected.ports().contains(port)).isTrue();
    }

    @Test
    void rangeClass_rangesAreContiguousAndCoverEveryPort() {
        assertThat(RangeClass.SYSTEM.ports()).isEqualTo(new PortRange(0, 1023));
        assertThat(RangeClass.USER.ports()).isEqualTo(new PortRange(1024, 49_151));
        assertThat(RangeClass.DYNAMIC.ports()).isEqualTo(new PortRange(49_152, 65_535));
        assertThat(RangeClass.DYNAMIC.id()).isEqualTo("dynamic");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rangeClass_of_refusesPortsOutsideTheRegistry(int port) {
        assertThatThrownBy(() -> RangeClass.of(port)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port " + port + " is outside 0-65535");
    }

    @ParameterizedTest
    @CsvSource({
        "Reserved, RESERVED", "reserved, RESERVED", "'  Reserved ', RESERVED",
        "Unassigned, UNASSIGNED", "unassigned, UNASSIGNED",
        "Reserved for future use, ASSIGNED", "Echo, ASSIGNED", "'', ASSIGNED"
    })
    void assignmentStatus_fromDescription_readsOnlyTheBareWords(String description, AssignmentStatus expected) {
        assertThat(AssignmentStatus.fromDescription(description)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"rfc6335, RFC6335", "RFC6335, RFC6335", "RFC 6335, RFC6335", "' rfc  4251', RFC4251"})
    void reference_rfc_normalisesEverySpelling(String text, String expected) {
        assertThat(Reference.rfc(text)).isEqualTo(new Reference(Reference.Kind.RFC, expected));
    }

    @ParameterizedTest
    @CsvSource({
        "RFC4251, RFC, RFC4251",
        "rfc 8999, RFC, RFC8999",
        "draft-ietf-foo-bar-07, DRAFT, draft-ietf-foo-bar-07",
        "RFC-ietf-emailcore-rfc5321bis-43, DRAFT, RFC-ietf-emailcore-rfc5321bis-43",
        "https://example.org/spec.pdf, URI, https://example.org/spec.pdf",
        "ftp://example.org/x, URI, ftp://example.org/x",
        "1, FOOTNOTE, 1",
        "123, FOOTNOTE, 123",
        "1234, TEXT, 1234",
        "n/a, TEXT, n/a",
        "'RFC8765, Section 6.1', TEXT, 'RFC8765, Section 6.1'"
    })
    void reference_parse_classifiesCsvReferences(String text, Reference.Kind kind, String value) {
        assertThat(Reference.parse(text)).isEqualTo(new Reference(kind, value));
    }

    @Test
    void reference_label_bracketsFootnotesOnly() {
        assertThat(new Reference(Reference.Kind.FOOTNOTE, "1").label()).isEqualTo("[1]");
        assertThat(Reference.rfc("rfc4251").label()).isEqualTo("RFC4251");
        assertThat(Reference.parse("n/a")).hasToString("n/a");
        assertThat(Reference.Kind.DRAFT.id()).isEqualTo("draft");
    }

    @Test
    void reference_refusesABlankValue() {
        assertThatThrownBy(() -> new Reference(Reference.Kind.URI, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a uri reference needs a value");
    }

    @Test
    void registryDate_keepsThePrecisionTheRegistryGives() {
        assertThat(RegistryDate.parse("2025-02-13")).contains(new RegistryDate(2025, 2, 13));
        assertThat(RegistryDate.parse("2007-06")).contains(new RegistryDate(2007, 6, 0));
        assertThat(RegistryDate.parse("2007")).contains(new RegistryDate(2007, 0, 0));
        assertThat(RegistryDate.parse(" 2007-06 ")).contains(new RegistryDate(2007, 6, 0));
        assertThat(new RegistryDate(2025, 2, 13)).hasToString("2025-02-13");
        assertThat(new RegistryDate(2007, 6, 0)).hasToString("2007-06");
        assertThat(new RegistryDate(2007, 0, 0)).hasToString("2007");
        assertThat(new RegistryDate(2025, 2, 13).toLocalDate()).contains(LocalDate.of(2025, 2, 13));
        assertThat(new RegistryDate(2007, 6, 0).toLocalDate()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "07-06-2007", "2007-6", "2025-02-30", "2025-13", "1899", "2025-02-13T00:00", "abcd"})
    void registryDate_parse_isEmptyForAnythingElse(String text) {
        assertThat(RegistryDate.parse(text)).isEmpty();
    }

    @Test
    void registryDate_parse_readsWhatTheRegularExpressionItReplacedRead() {
        java.util.regex.Pattern form = java.util.regex.Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
        java.util.Random random = new java.util.Random(11);
        String alphabet = "0123456789--- \t\u0663\u2003x";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            if (random.nextBoolean()) {
                b.append(1900 + random.nextInt(200)).append('-').append(String.format("%02d", random.nextInt(14)));
                if (random.nextBoolean()) {
                    b.append('-').append(String.format("%02d", random.nextInt(33)));
                }
            }
            for (int n = random.nextInt(4); n > 0; n--) {
                b.insert(random.nextInt(b.length() + 1), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            java.util.regex.Matcher m = form.matcher(text.strip());
            java.util.Optional<RegistryDate> expected = java.util.Optional.empty();
            if (m.matches()) {
                try {
                    expected = java.util.Optional.of(new RegistryDate(Integer.parseInt(m.group(1)),
                            m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                            m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
                } catch (IllegalArgumentException e) {
                    expected = java.util.Optional.empty();
                }
            }
            assertThat(RegistryDate.parse(text)).as("\"%s\"", text).isEqualTo(expected);
        }
    }

    @Test
    void registryDate_ordersLessPreciseDatesFirst() {
        assertThat(new RegistryDate(2007, 0, 0)).isLessThan(new RegistryDate(2007, 1, 0));
        assertThat(new RegistryDate(2007, 6, 0)).isLessThan(new RegistryDate(2007, 6, 1));
        assertThat(new RegistryDate(2024, 12, 31)).isLessThan(new RegistryDate(2025, 1, 1));
        assertThatThrownBy(() -> new RegistryDate(2007, 0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a date: 2007-0-5");
    }

    @Test
    void assignment_builder_derivesTheStatusFromTheDescriptionUnlessSet() {
        assertThat(Assignment.builder().description("Reserved").build().status()).isEqualTo(AssignmentStatus.RESERVED);
        assertThat(Assignment.builder().description("Echo").build().status()).isEqualTo(AssignmentStatus.ASSIGNED);
        assertThat(Assignment.builder().description("Echo").status(AssignmentStatus.UNASSIGNED).build().status())
                .isEqualTo(AssignmentStatus.UNASSIGNED);
    }

    @Test
    void assignment_blankServiceNameMeansNone() {
        Assignment a = Assignment.builder().service("  ").description("Reserved").build();
        assertThat(a.service()).isNull();
        assertThat(a.serviceName()).isEmpty();
        assertThat(a.origin()).isEqualTo(Assignment.Origin.LISTED);
    }

    @Test
    void assignment_listsAreImmutableCopies() {
        Assignment a = Assignment.builder().service("x").description("X").note("n").build();
        assertThatThrownBy(() -> a.notes().add("more")).isInstanceOf(UnsupportedOperationException.class);
        Assignment.Builder b = a.toBuilder();
        b.note("second");
        assertThat(a.notes()).containsExactly("n");
        assertThat(b.build().notes()).containsExactly("n", "second");
    }

    @Test
    void assignment_covers_protocolLessRecordsCoverEveryTransport() {
        Assignment tcpOnly = Assignment.builder().ports(new PortRange(6000, 6063)).transport(Transport.TCP)
                .description("X").build();
        Assignment anyTransport = Assignment.builder().ports(PortRange.of(51)).description("Reserved").build();
        Assignment noPort = Assignment.builder().service("argon").description("ARGON").build();
        assertThat(tcpOnly.covers(6003, Transport.TCP)).isTrue();
        assertThat(tcpOnly.covers(6003, Transport.UDP)).isFalse();
        assertThat(tcpOnly.covers(6064, Transport.TCP)).isFalse();
        for (Transport t : Transport.values()) {
            assertThat(anyTransport.covers(51, t)).isTrue();
            assertThat(noPort.covers(0, t)).isFalse();
        }
    }

    @Test
    void assignment_on_namesTheTransportAndKeepsEverythingElse() {
        Assignment any = Assignment.builder().ports(PortRange.of(51)).description("Reserved")
                .modified(new RegistryDate(2013, 5, 24)).note("withdrawn").build();
        Assignment onUdp = any.on(Transport.UDP);
        assertThat(onUdp.transport()).isEqualTo(Transport.UDP);
        assertThat(onUdp.toBuilder().transport(null).build()).isEqualTo(any);
        assertThat(onUdp.on(Transport.UDP)).isSameAs(onUdp);
    }

    @Test
    void person_unresolved_readsTheIdentifierAsAName() {
        assertThat(Person.unresolved("Jon_Postel")).isEqualTo(new Person("Jon_Postel", "Jon Postel", false, null, null));
        assertThat(Person.unresolved("_1026_Labs").name()).isEqualTo("1026 Labs");
    }

    @Test
    void registrySnapshot_person_fallsBackToTheIdentifier() {
        Person ada = new Person("Ada_Lovelace", "Ada Lovelace", false, null, LocalDate.of(2019, 3, 4));
        RegistrySnapshot s = new RegistrySnapshot(info(SnapshotInfo.Source.IANA_XML, null, null), List.of(),
                Map.of("Ada_Lovelace", ada), Map.of("1", "A footnote."));
        assertThat(s.person("Ada_Lovelace")).isSameAs(ada);
        assertThat(s.person("Grace_Hopper").name()).isEqualTo("Grace Hopper");
        assertThat(s.footnote("1")).contains("A footnote.");
        assertThat(s.footnote("2")).isEmpty();
    }

    @Test
    void snapshotInfo_describe_saysWhichDataAnswers() {
        assertThat(info(SnapshotInfo.Source.IANA_XML, LocalDate.of(2025, 12, 15), null).describe())
                .isEqualTo("IANA registry of 2025-12-15 (XML)");
        assertThat(info(SnapshotInfo.Source.IANA_XML, LocalDate.of(2025, 12, 15), Instant.parse("2026-01-02T03:04:05Z"))
                .describe()).isEqualTo("IANA registry of 2025-12-15 (XML, imported 2026-01-02)");
        assertThat(info(SnapshotInfo.Source.IANA_CSV, null, null).describe()).isEqualTo("IANA registry (CSV)");
        assertThat(new SnapshotInfo(SnapshotInfo.Source.BASELINE, "IANA registry of 2025-12-15, SHA-256 18b51f94b72a",
                LocalDate.of(2025, 12, 15), null).describe()).isEqualTo("embedded IANA registry of 2025-12-15");
        assertThat(new SnapshotInfo(SnapshotInfo.Source.SERVICES, "/etc/services", null, null).describe())
                .isEqualTo("services file /etc/services");
        assertThat(SnapshotInfo.Source.IANA_XML.id()).isEqualTo("iana-xml");
    }

    @Test
    void snapshotInfo_importDay_isTheDayInUtcThatInstantPrints() {
        java.util.Random random = new java.util.Random(7);
        List<Instant> moments = new java.util.ArrayList<>(List.of(Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-01T23:59:59.999Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2000-02-29T12:00:00Z")));
        for (int i = 0; i < 10_000; i++) {
            moments.add(Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L), random.nextInt(1_000_000_000)));
        }
        for (Instant m : moments) {
            assertThat(info(SnapshotInfo.Source.IANA_XML, null, m).importDay()).as(m.toString()).hasToString(m.toString()
                    .substring(0, 10));
        }
        assertThat(info(SnapshotInfo.Source.IANA_XML, null, null).importDay()).isNull();
    }

    @Test
    void portEntry_range_followsThePortAndIsNullWithoutOne() {
        Assignment a = Assignment.builder().description("X").build();
        assertThat(new PortEntry(1023, Transport.TCP, a).range()).isEqualTo(RangeClass.SYSTEM);
        assertThat(new PortEntry(1024, Transport.TCP, a).range()).isEqualTo(RangeClass.USER);
        assertThat(new PortEntry(49_151, Transport.TCP, a).range()).isEqualTo(RangeClass.USER);
        assertThat(new PortEntry(49_152, Transport.TCP, a).range()).isEqualTo(RangeClass.DYNAMIC);
        assertThat(new PortEntry(null, null, a).range()).isNull();
    }

    private static SnapshotInfo info(SnapshotInfo.Source source, LocalDate updated, Instant imported) {
        return new SnapshotInfo(source, "label", updated, imported);
    }
}
