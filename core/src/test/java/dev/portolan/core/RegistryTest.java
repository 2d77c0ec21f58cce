package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.testsupport.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {

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
    void lookup_serviceWithoutPortOrProtocol_givesOneRow() throws InvalidQueryException {
        assertThat(registry.lookup(PortQuery.parse("argon"), null)).singleElement()
                .satisfies(e -> assertThat(e.port()).isNull());
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

}
