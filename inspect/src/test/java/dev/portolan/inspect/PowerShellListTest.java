package dev.portolan.inspect;

import static dev.portolan.inspect.CapturedOutputTest.ledger;
import static dev.portolan.inspect.CapturedOutputTest.sockets;
import static dev.portolan.inspect.CapturedOutputTest.unread;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Get-NetTCPConnection and Get-NetUDPEndpoint piped to Format-List. The fixtures were written by
 * hand in the shape of the cmdlets' list output as people have published it (names padded to the
 * longest, {@code Name : Value}, a blank line between entries); {@code fl *} with the properties
 * of the MSFT_NetTCPConnection class as Microsoft documents it, the values made up.
 */
class PowerShellListTest {
    private static CapturedOutput.Reading read(String text) throws InspectException {
        return CapturedOutput.read(text.getBytes(StandardCharsets.UTF_8), "paste");
    }

    @Test
    void formatList_tcpAndUdpEntries_oneSocketEach_theOtherPropertiesNotRead() throws InspectException {
        CaptureLedger ledger = ledger("powershell-list.txt");
        CapturedOutput.Reading r = ledger.reading();
        assertThat(r.format()).isEqualTo("PowerShell list");
        assertThat(sockets(r)).containsExactly(
                "tcp ipv6 [::]:135 listen pid 1012 user -",
                "tcp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:139 listen pid 4 user -",
                "tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 pid 7712 user -",
                "tcp ipv4 192.168.1.20:49812 time-wait -> 52.1.2.3:443 pid - user -",
                "tcp ipv4 127.0.0.1:5354 listen pid 3108 user -",
                "udp ipv4 0.0.0.0:123 bound pid 1460 user -",
                "udp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:1900 bound pid 5008 user -");
        assertThat(unread(r)).containsExactly("1: a PowerShell prompt, not a socket",
                "44: the entry of lines 44-52 is not read: line 48 has State \"Bound\", which neither listens nor "
                        + "holds a connection: not listed",
                "65: a PowerShell prompt, not a socket");
        assertThat(ledger.unreadLines()).containsExactly(1, 44, 45, 46, 47, 48, 49, 50, 51, 52, 65);
        assertThat(ledger.headings()).isEmpty();
    }

    @Test
    void formatListStar_manyMoreProperties_andStateNotConfusedWithTheOtherStates() throws InspectException {
        CaptureLedger ledger = ledger("powershell-list-all.txt");
        CapturedOutput.Reading r = ledger.reading();
        assertThat(sockets(r)).containsExactly("tcp ipv6 [::]:135 listen pid 1012 user -",
                "tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 pid 7712 user -");
        assertThat(unread(r)).containsExactly("1: a PowerShell prompt, not a socket");
        assertThat(ledger.socketLines()).containsExactlyElementsOf(
                IntStream.concat(IntStream.rangeClosed(4, 39), IntStream.rangeClosed(41, 76)).boxed().toList());
    }

    @Test
    void narrowConsole_aLongValueGoesOnIndentedOnTheNextLine() throws InspectException {
        CaptureLedger ledger = ledger("powershell-list-narrow.txt");
        assertThat(sockets(ledger.reading())).containsExactly(
                "tcp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:139 listen pid 4 user -",
                "tcp ipv6 [2001:db8:40:1::20]:49815 established -> [2603:1030:20e:3::23c]:443 pid 7712 user -");
        assertThat(ledger.reading().unread()).isEmpty();
        assertThat(ledger.socketLines()).contains(3, 4, 16, 17);
    }

    @Test
    void aWrappedValueWhoseIndentationWasLost_isNotTakenForTheWholeValue() throws InspectException {
        // fe80::1c2d:3e4f:5a6 is an address too, but not the one shown
        CapturedOutput.Reading r = read("LocalAddress   : fe80::1c2d:3e4f:5a6\nb:7c8d%12\nLocalPort      : 139\n"
                + "State          : Listen\n");
        assertThat(r.sockets()).isEmpty();
        assertThat(unread(r)).containsExactly("1: the entry of lines 1-4 is not read: line 2, under LocalAddress, may "
                + "be the rest of its value, not indented",
                "2: not a line of Format-List: neither Name : Value nor the indented rest of a long value");
    }

    @Test
    void entriesThatAreNotSockets_andLinesThatAreNotProperties_areUnreadWithTheReason() throws InspectException {
        CapturedOutput.Reading r = read("""
                LocalAddress  : 0.0.0.0
                LocalPort     : 123
                -- More --
                OwningProcess : 1460

                Id      : 4
                Name    : System

                LocalAddress   : 10.0.0.2
                LocalPort      : 49811
                LocalAddress   : 10.0.0.3
                LocalPort      : 49812
                State          : Established

                LocalAddress   : 10.0.0.2
                LocalPort      : 49811
                RemoteAddress  : 140.82.112.25
                RemotePort     : 443
                State          : Establ...

                LocalAddress   : 10.0.0.2
                LocalPort      : 49811
                State          : Listening
                OwningProcess  : 4
                """);
        assertThat(sockets(r)).containsExactly("udp ipv4 0.0.0.0:123 bound pid 1460 user -");
        assertThat(unread(r)).containsExactly(
                "3: not a line of Format-List: neither Name : Value nor the indented rest of a long value",
                "6: an entry of lines 6-7 without LocalAddress and LocalPort, not a socket of Get-NetTCPConnection or "
                        + "Get-NetUDPEndpoint",
                "9: the entry of lines 9-13 has LocalAddress twice: two entries without a blank line between them?",
                "15: the entry of lines 15-19 is not read: line 19 has State \"Establ...\", cut short by the console's "
                        + "width: capture it again in a wider console, with | Format-List, or with | ConvertTo-Csv",
                "21: the entry of lines 21-24 is not read: line 23 has State \"Listening\", expected one of "
                        + "Get-NetTCPConnection's (Listen, Established, TimeWait...)");
    }
}
