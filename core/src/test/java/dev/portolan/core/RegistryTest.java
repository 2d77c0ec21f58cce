package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.testsupport.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryTest {
    private static final String NO_WORDS = "\" has no words: give a service name or words of its description, "
            + "e.g. portolan search redis";

    private final Registry registry = Registry.of(Fixtures.xml());

    @Test
    void lookup_port_givesTcpAndUdpAlwaysAndSctpDccpWhereListed() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("7"), null))
                .extracting(PortEntry::port, PortEntry::transport, e -> e.assignment().service())
                .containsExactly(tuple(7, Transport.TCP, "tally"), tuple(7, Transport.TCP, "tallyd"),
                        tuple(7, Transport.UDP, "tally"), tuple(7, Transport.SCTP, "tally"),
                        tuple(7, Transport.DCCP, "tally"));
        assertThat(registry.lookup(PortQuery.parse("22"), null))
                .extracting(PortEntry::transport, e -> e.assignment().origin())
                .containsExactly(tuple(Transport.TCP, Assignment.Origin.LISTED),
                        tuple(Transport.UDP, Assignment.Origin.IMPLIED));
    }

    @Test
    void lookup_protocolLessRecord_answersForTcpAndUdpAndForAnyNamedTransport() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("51"), null)).extracting(PortEntry::transport)
                .containsExactly(Transport.TCP, Transport.UDP);
        assertThat(registry.lookup(PortQuery.parse("51/sctp"), null)).singleElement().satisfies(e -> {
            assertThat(e.transport()).isEqualTo(Transport.SCTP);
            assertThat(e.assignment().transport()).isEqualTo(Transport.SCTP);
            assertThat(e.assignment().status()).isEqualTo(AssignmentStatus.RESERVED);
        });
    }

    @Test
    void lookup_portWithTransport_alwaysAnswersThatTransport() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("22/udp"), null)).singleElement().satisfies(e -> {
            assertThat(e.assignment().status()).isEqualTo(AssignmentStatus.UNASSIGNED);
            assertThat(e.assignment().origin()).isEqualTo(Assignment.Origin.IMPLIED);
            assertThat(e.range()).isEqualTo(RangeClass.SYSTEM);
        });
        assertThat(registry.lookup(PortQuery.parse("60327"), Transport.DCCP)).singleElement()
                .satisfies(e -> assertThat(e.range()).isEqualTo(RangeClass.DYNAMIC));
    }

    @Test
    void lookup_range_givesOneRowPerPort() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("6062-6065/tcp"), null))
                .extracting(PortEntry::port, e -> e.assignment().service())
                .containsExactly(tuple(6062, "gridview"), tuple(6063, "gridview"), tuple(6064, null), tuple(6065, null));
    }

    @Test
    void lookup_serviceName_isCaseInsensitiveAndGivesEveryPortOfIt() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("NTP"), null)).extracting(PortEntry::port, PortEntry::transport)
                .containsExactly(tuple(123, Transport.TCP), tuple(123, Transport.UDP));
        assertThat(registry.lookup(PortQuery.parse("ntp/udp"), null)).extracting(PortEntry::transport)
                .containsExactly(Transport.UDP);
        assertThat(registry.lookup(PortQuery.parse("gridview/udp"), null)).hasSize(64)
                .extracting(PortEntry::port).startsWith(6000).endsWith(6063);
    }

    @Test
    void lookup_serviceWithoutPort_givesARowWithoutPort() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("push-notify"), null)).singleElement().satisfies(e -> {
            assertThat(e.port()).isNull();
            assertThat(e.transport()).isEqualTo(Transport.TCP);
            assertThat(e.range()).isNull();
            assertThat(e.assignment().notes()).containsExactly("Defined TXT Keys: None");
        });
    }

    @Test
    void lookupAndSearch_serviceWithoutPortOrProtocol_giveOneRow() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("argon"), null)).singleElement()
                .satisfies(e -> assertThat(e.port()).isNull());
        assertThat(registry.search("argon", null, 0)).singleElement()
                .satisfies(e -> assertThat(e.assignment().service()).isEqualTo("argon"));
    }

    @Test
    void lookup_unknownService_isRefusedWithAHint() throws InvalidQueryException {
        PortQuery q = PortQuery.parse("nosuchservice");
        assertThatThrownBy(() -> registry.lookup(q, null)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("no service named \"nosuchservice\" in the IANA registry of 2025-06-30 (XML); "
                        + "try: portolan search nosuchservice");
    }

    @Test
    void lookup_serviceWithoutTheTransport_isRefused() throws InvalidQueryException {
        PortQuery q = PortQuery.parse("ssh/udp");
        assertThatThrownBy(() -> registry.lookup(q, null)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("service \"ssh\" has no udp entry in the registry");
    }

    @Test
    void lookup_queryTransportAndOnlyDisagreeing_isRefused() throws InvalidQueryException {
        PortQuery q = PortQuery.parse("53/udp");
        assertThatThrownBy(() -> registry.lookup(q, Transport.TCP)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("the argument names udp but --transport is tcp: give one of them");
        assertThat(registry.lookup(q, Transport.UDP)).hasSize(1);
    }

    @Test
    void service_findsNamesCaseInsensitively() {
        assertThat(registry.service("Tally")).hasValueSatisfying(list -> assertThat(list).hasSize(4));
        assertThat(registry.service("nosuchservice")).isEmpty();
        assertThat(registry.snapshot().assignments()).hasSize(Fixtures.RECORDS);
    }

    @Test
    void search_ntp_ranksTheNtpServiceAboveNntp() throws InvalidQueryException {
        for (Registry r : List.of(registry, Registry.of(Baseline.load()))) {
            List<String> names = services(r.search("ntp", null, 0));
            assertThat(names).startsWith("ntp", "ntp");
            if (names.contains("nntp")) {
                assertThat(names.indexOf("nntp")).isGreaterThan(names.lastIndexOf("ntp"));
            }
        }
    }

    @Test
    void search_aWordOfBothDescriptions_ranksTheShorterNameFirst() throws InvalidQueryException {
        assertThat(services(registry.search("network", null, 0))).containsExactly("ntp", "ntp", "nntp");
    }

    @Test
    void search_postgers_findsPostgresqlFirst() throws InvalidQueryException {
        for (Registry r : List.of(registry, Registry.of(Baseline.load()))) {
            assertThat(r.search("postgers", null, 3)).first().satisfies(e -> {
                assertThat(e.assignment().service()).isEqualTo("postgresql");
                assertThat(e.port()).isEqualTo(5432);
            });
        }
    }

    @Test
    void search_everyWordMustMatch() throws InvalidQueryException {
        assertThat(services(registry.search("network time", null, 0))).containsOnly("ntp");
        assertThat(registry.search("network zebra", null, 0)).isEmpty();
    }

    @Test
    void search_transportFilter_keepsOnlyThatTransport() throws InvalidQueryException {
        assertThat(registry.search("tally", Transport.SCTP, 0)).singleElement()
                .satisfies(e -> assertThat(e.transport()).isEqualTo(Transport.SCTP));
        assertThat(registry.search("tally", Transport.UDP, 0)).extracting(PortEntry::transport)
                .containsOnly(Transport.UDP);
    }

    @Test
    void search_limit_capsTheRowsAndZeroMeansAll() throws InvalidQueryException {
        assertThat(registry.search("tally", null, 0)).hasSize(5);
        assertThat(registry.search("tally", null, 2)).extracting(e -> e.assignment().service())
                .containsExactly("tally", "tally");
        assertThat(registry.search("tally", null, 100)).hasSize(5);
    }

    @Test
    void search_unassignedEntries_areNotFoundByTheirDescription() throws InvalidQueryException {
        assertThat(registry.search("unassigned", null, 0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "-- / --"})
    void search_queryWithoutLettersOrDigits_isRefused(String query) {
        assertThatThrownBy(() -> registry.search(query, null, 10)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("search query \"" + query + NO_WORDS);
    }

    @Test
    void search_controlCharactersAreNotEchoed() {
        assertThatThrownBy(() -> registry.search("\u001b\u0007", null, 10)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("search query \"??" + NO_WORDS);
    }

    @Test
    void search_oversizedQuery_isRefused() throws InvalidQueryException {
        assertThatThrownBy(() -> registry.search("x".repeat(201), null, 10)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("search query is 201 characters long, at most 200 are accepted");
        assertThat(registry.search("tally " + " ".repeat(194), null, 0)).hasSize(5);
    }

    private static List<String> services(List<PortEntry> rows) {
        return rows.stream().map(e -> e.assignment().service()).toList();
    }
}
