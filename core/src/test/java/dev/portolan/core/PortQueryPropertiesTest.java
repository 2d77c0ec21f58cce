package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PortQueryPropertiesTest {

    @Property(tries = 2000)
    void parse_anyString_returnsOrThrowsInvalidQueryException(@ForAll String argument) {
        assertParsesOrRefuses(argument);
    }

    @Property(tries = 2000)
    void parse_stringsOfQueryCharacters_returnsOrThrowsInvalidQueryException(@ForAll("queryLike") String argument) {
        assertParsesOrRefuses(argument);
    }

    @Property
    void parse_everyPortNumber_isThatPort(@ForAll @IntRange(min = 0, max = 65_535) int port,
            @ForAll Transport transport) throws InvalidQueryException {
        assertThat(PortQuery.parse(Integer.toString(port))).isEqualTo(new PortQuery.Port(port, null));
        assertThat(PortQuery.parse(port + "/" + transport.id())).isEqualTo(new PortQuery.Port(port, transport));
    }

    @Property
    void parse_everyOrderedPairOfPorts_isThatRange(@ForAll @IntRange(min = 0, max = 65_535) int a,
            @ForAll @IntRange(min = 0, max = 65_535) int b) throws InvalidQueryException {
        int first = Math.min(a, b);
        int last = Math.max(a, b);
        assertThat(PortQuery.parse(first + "-" + last)).isEqualTo(new PortQuery.Range(new PortRange(first, last), null));
    }

    @Property
    void parse_numbersAbove65535_areRefused(@ForAll @IntRange(min = 65_536) int port) {
        try {
            PortQuery.parse(Integer.toString(port));
            throw new AssertionError("accepted port " + port);
        } catch (InvalidQueryException e) {
            assertThat(e.getMessage()).startsWith("port " + port + " in ");
        }
    }

    @Provide
    Arbitrary<String> queryLike() {
        return Arbitraries.strings().withChars("0123456789-+/ ._tcpudTCPsx\t").ofMinLength(0).ofMaxLength(80);
    }

    private static void assertParsesOrRefuses(String argument) {
        try {
            PortQuery q = PortQuery.parse(argument);
            assertThat(q).isNotNull();
            if (q instanceof PortQuery.Port p) {
                assertThat(p.port()).isBetween(0, 65_535);
            }
        } catch (InvalidQueryException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
