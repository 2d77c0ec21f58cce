package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortQueryTest {
    private static final String EXPECTED_ANY = "expected a port 0-65535 (443), port/transport (53/udp), "
            + "range (8000-8010) or service name (ssh)";

    @Test
    void parse_443_isAPortOnEveryTransport() throws InvalidQueryException {
        assertThat(PortQuery.parse("443")).isEqualTo(new PortQuery.Port(443, null));
        assertThat(PortQuery.parse("443").transport()).isEmpty();
    }

    @Test
    void parse_53udp_isAPortOnOneTransport() throws InvalidQueryException {
        assertThat(PortQuery.parse("53/udp")).isEqualTo(new PortQuery.Port(53, Transport.UDP));
        assertThat(PortQuery.parse("53/UDP").transport()).contains(Transport.UDP);
    }

    @Test
    void parse_8000to8010_isAnInclusiveRange() throws InvalidQueryException {
        assertThat(PortQuery.parse("8000-8010")).isEqualTo(new PortQuery.Range(new PortRange(8000, 8010), null));
        assertThat(PortQuery.parse("8000 - 8010/tcp"))
                .isEqualTo(new PortQuery.Range(new PortRange(8000, 8010), Transport.TCP));
        assertThat(PortQuery.parse("0-65535")).isEqualTo(new PortQuery.Range(PortRange.ALL, null));
        assertThat(PortQuery.parse("22-22")).isEqualTo(new PortQuery.Range(PortRange.of(22), null));
    }

    @Test
    void parse_ssh_isAServiceName() throws InvalidQueryException {
        assertThat(PortQuery.parse("ssh")).isEqualTo(new PortQuery.Service("ssh", null));
    }

    @Test
    void parse_SSHslashTCP_keepsTheNameAsTypedAndReadsTheTransport() throws InvalidQueryException {
        assertThat(PortQuery.parse("SSH/TCP")).isEqualTo(new PortQuery.Service("SSH", Transport.TCP));
    }

    @Test
    void parse_acceptsServiceNamesWithDigitsDotsPlusAndHyphens() throws InvalidQueryException {
        assertThat(PortQuery.parse("whois++")).isEqualTo(new PortQuery.Service("whois++", null));
        assertThat(PortQuery.parse("z39.50")).isEqualTo(new PortQuery.Service("z39.50", null));
        assertThat(PortQuery.parse("914c-g")).isEqualTo(new PortQuery.Service("914c-g", null));
        assertThat(PortQuery.parse("x11/udp")).isEqualTo(new PortQuery.Service("x11", Transport.UDP));
    }

    @Test
    void parse_stripsSurroundingBlanksAndLeadingZeros() throws InvalidQueryException {
        assertThat(PortQuery.parse("  22\t")).isEqualTo(new PortQuery.Port(22, null));
        assertThat(PortQuery.parse("0080")).isEqualTo(new PortQuery.Port(80, null));
        assertThat(PortQuery.parse("+80")).isEqualTo(new PortQuery.Port(80, null));
        assertThat(PortQuery.parse("00000")).isEqualTo(new PortQuery.Port(0, null));
        assertThat(PortQuery.parse("65535/dccp")).isEqualTo(new PortQuery.Port(65_535, Transport.DCCP));
    }

    @Test
    void parse_minus1_isOutOfRange() {
        assertInvalid("-1", "port -1 in \"-1\" is out of range: port numbers are 0 to 65535");
    }

    @Test
    void parse_65536_isOutOfRange() {
        assertInvalid("65536", "port 65536 in \"65536\" is out of range: port numbers are 0 to 65535");
        assertInvalid("65536/tcp", "port 65536 in \"65536/tcp\" is out of range: port numbers are 0 to 65535");
    }

    @Test
    void parse_aThirtyDigitNumber_isOutOfRangeAndShownShortened() {
        assertInvalid("123456789012345678901234567890",
                "port 12345678901234567890... in \"12345678901234567890...\" is out of range: port numbers are 0 to 65535");
    }

    @Test
    void parse_80slashXyz_namesTheUnknownTransport() {
        assertInvalid("80/xyz", "unknown transport \"xyz\" in \"80/xyz\": expected tcp, udp, sctp or dccp");
        assertInvalid("80/", "unknown transport \"\" in \"80/\": expected tcp, udp, sctp or dccp");
    }

    @Test
    void parse_9000to8000_isAReversedRange() {
        assertInvalid("9000-8000", "range \"9000-8000\" is reversed: write the lower port first, as in 8000-9000");
    }

    @Test
    void parse_aRangeEndOutOfRange_namesThatEnd() {
        assertInvalid("1-999999", "port 999999 in \"1-999999\" is out of range: port numbers are 0 to 65535");
    }

    @Test
    void parse_a100CharacterString_isRefusedBeforeParsing() {
        assertInvalid("a".repeat(100), "argument is 100 characters long, at most 64 are accepted: "
                + "expected a port 0-65535 (443), port/transport (53/udp), range (8000-8010) or service name (ssh)");
        assertThat(PortQuery.MAX_LENGTH).isEqualTo(64);
    }

    @Test
    void parse_a64CharacterName_isStillAccepted() throws InvalidQueryException {
        String name = "a".repeat(64);
        assertThat(PortQuery.parse(name)).isEqualTo(new PortQuery.Service(name, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void parse_blank_isAnEmptyArgument(String arg) {
        assertInvalid(arg, "empty argument: expected a port 0-65535 (443), port/transport (53/udp), range (8000-8010) "
                + "or service name (ssh)");
    }

    @Test
    void parse_punctuation_isNotAPortRangeOrName() {
        assertInvalid("!!", "\"!!\" is not a port, range or service name: " + EXPECTED_ANY);
        assertInvalid("80/tcp/udp", "\"80/tcp/udp\" is not a port, range or service name: " + EXPECTED_ANY);
        assertInvalid("-ssh", "\"-ssh\" is not a port, range or service name: " + EXPECTED_ANY);
        assertInvalid("1-2-3", "\"1-2-3\" is not a port, range or service name: " + EXPECTED_ANY);
    }

    @Test
    void parse_controlCharactersAreNeverEchoed() {
        assertInvalid("a\u001b[2Jb", "\"a?[2Jb\" is not a port, range or service name: " + EXPECTED_ANY);
        assertInvalid("80/t\u0007", "unknown transport \"t?\" in \"80/t?\": expected tcp, udp, sctp or dccp");
    }

    @Test
    void parse_rangeWithControlBlanks_neverEchoesControlCharacters() {
        for (String arg : new String[] {"9000\t-\t8000", "9000\r-8000", "1\n-\n99999"}) {
            assertThatThrownBy(() -> PortQuery.parse(arg)).isInstanceOf(InvalidQueryException.class)
                    .message().doesNotContainPattern("\\p{Cntrl}");
        }
    }

    @Test
    void parse_abc_isAServiceNameThatLookupThenRefuses() throws InvalidQueryException {
        PortQuery q = PortQuery.parse("abc");
        assertThat(q).isEqualTo(new PortQuery.Service("abc", null));
        Registry registry = Registry.of(Fixtures.xml());
        assertThatThrownBy(() -> registry.lookup(q, null)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("no service named \"abc\" in the IANA registry of 2025-06-30 (XML); try: portolan search abc");
    }

    private static void assertInvalid(String arg, String message) {
        assertThatThrownBy(() -> PortQuery.parse(arg)).isInstanceOf(InvalidQueryException.class).hasMessage(message);
    }
}
