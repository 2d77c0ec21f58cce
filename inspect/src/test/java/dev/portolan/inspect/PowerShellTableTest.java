package dev.portolan.inspect;

import static dev.portolan.inspect.CapturedOutputTest.ledger;
import static dev.portolan.inspect.CapturedOutputTest.sockets;
import static dev.portolan.inspect.CapturedOutputTest.unread;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Get-NetTCPConnection and Get-NetUDPEndpoint in PowerShell's default table view. The fixtures
 * were written by hand in the shape of the cmdlets' output as people have published it (the
 * columns and their widths, 35 characters for an address of the TCP view and 40 of the UDP view,
 * left-aligned values), with made-up addresses; the narrow ones as a narrow console shows the same
 * view: addresses narrowed and cut short, the last columns left out.
 */
class PowerShellTableTest {
    private static CapturedOutput.Reading read(String text) throws InspectException {
        return CapturedOutput.read(text.getBytes(StandardCharsets.UTF_8), "paste");
    }

    @Test
    void tcpDefaultView_everyStateThatHoldsAPort_withItsProcess() throws InspectException {
        CaptureLedger ledger = ledger("powershell-tcp-table.txt");
        CapturedOutput.Reading r = ledger.reading();
        assertThat(r.format()).isEqualTo("PowerShell table");
        assertThat(sockets(r)).containsExactly(
                "tcp ipv6 [::1]:49670 listen pid 3560 user -",
                "tcp ipv6 [::]:445 listen pid 4 user -",
                "tcp ipv6 [::]:135 listen pid 1012 user -",
                "tcp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:139 listen pid 4 user -",
                "tcp ipv6 [2001:db8:40:1::20]:49815 established -> [2603:1030:20e:3::23c]:443 pid 7712 user -",
                "tcp ipv4 192.168.1.20:49812 time-wait -> 52.1.2.3:443 pid - user -",
                "tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 pid 7712 user -",
                "tcp ipv4 192.168.1.20:49790 close-wait -> 20.42.65.85:443 pid 7712 user -",
                "tcp ipv4 192.168.1.20:139 listen pid 4 user -",
                "tcp ipv4 127.0.0.1:49700 established -> 127.0.0.1:5354 pid 7712 user -",
                "tcp ipv4 127.0.0.1:5354 listen pid 3108 user -",
                "tcp ipv4 0.0.0.0:445 listen pid 4 user -",
                "tcp ipv4 0.0.0.0:135 listen pid 1012 user -");
        assertThat(unread(r)).containsExactly("1: a PowerShell prompt, not a socket",
                "16: has State \"Bound\", which neither listens nor holds a connection: not listed");
        assertThat(ledger.headings()).containsExactly(3, 4);
    }

    @Test
    void udpDefaultView_boundEndpointsWithoutAProcess() throws InspectException {
        CapturedOutput.Reading r = ledger("powershell-udp-table.txt").reading();
        assertThat(r.format()).isEqualTo("PowerShell table");
        assertThat(sockets(r)).containsExactly("udp ipv6 [::]:5353 bound pid - user -",
                "udp ipv6 [::]:123 bound pid - user -", "udp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:1900 bound pid - user -",
                "udp ipv4 0.0.0.0:5353 bound pid - user -", "udp ipv4 0.0.0.0:500 bound pid - user -",
                "udp ipv4 127.0.0.1:49664 bound pid - user -", "udp ipv4 0.0.0.0:123 bound pid - user -");
        assertThat(unread(r)).containsExactly("1: a PowerShell prompt, not a socket");
    }

    @Test
    void narrowConsole_addressesCutShortAreUnread_andWithoutOwningProcessNoProcessIsKnown() throws InspectException {
        CapturedOutput.Reading r = ledger("powershell-tcp-table-narrow.txt").reading();
        assertThat(sockets(r)).containsExactly(
                "tcp ipv6 [::1]:49670 listen pid - user -",
                "tcp ipv6 [::]:445 listen pid - user -",
                "tcp ipv6 [::]:135 listen pid - user -",
                "tcp ipv4 192.168.1.20:49812 time-wait -> 52.1.2.3:443 pid - user -",
                "tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 pid - user -",
                "tcp ipv4 192.168.1.20:49790 close-wait -> 20.42.65.85:443 pid - user -",
                "tcp ipv4 192.168.1.20:139 listen pid - user -",
                "tcp ipv4 127.0.0.1:49700 established -> 127.0.0.1:5354 pid - user -",
                "tcp ipv4 127.0.0.1:5354 listen pid - user -",
                "tcp ipv4 0.0.0.0:445 listen pid - user -",
                "tcp ipv4 0.0.0.0:135 listen pid - user -");
        String cut = ", cut short by the console's width: capture it again in a wider console, with | Format-List, "
                + "or with | ConvertTo-Csv";
        assertThat(unread(r)).containsExactly(
                "7: has LocalAddress \"fe80::1c2d:...\"" + cut,
                "8: has LocalAddress \"2001:db8:40...\"" + cut,
                "15: has State \"Bound\", which neither listens nor holds a connection: not listed");
    }

    @Test
    void narrowPowerShell7_cutWithAnEllipsis_stateTheLastColumnLeft() throws InspectException {
        CapturedOutput.Reading r = ledger("powershell-tcp-table-ps7-narrow.txt").reading();
        assertThat(sockets(r)).containsExactly(
                "tcp ipv6 [::1]:49670 listen pid - user -",
                "tcp ipv6 [::]:445 listen pid - user -",
                "tcp ipv6 [::]:135 listen pid - user -",
                "tcp ipv4 192.168.1.20:49812 time-wait -> 52.1.2.3:443 pid - user -",
                "tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 pid - user -",
                "tcp ipv4 192.168.1.20:49790 close-wait -> 20.42.65.85:443 pid - user -");
        assertThat(unread(r)).extracting(u -> u.substring(0, u.indexOf(", cut short"))).containsExactly(
                "7: has LocalAddress \"fe80::1c2d:\u2026\"", "8: has LocalAddress \"2001:db8:40\u2026\"");
    }

    @Test
    void formatTableWrap_aLongValueGoesOnUnderItsColumn() throws InspectException {
        CaptureLedger ledger = ledger("powershell-tcp-table-wrap.txt");
        assertThat(sockets(ledger.reading())).containsExactly(
                "tcp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:139 listen pid 4 user -",
                "tcp ipv6 [2001:db8:40:1::20]:49815 established -> [2603:1030:20e:3::23c]:443 pid 7712 user -",
                "tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 pid 7712 user -");
        assertThat(ledger.socketLines()).containsExactly(4, 5, 6, 7, 8);
        assertThat(unread(ledger.reading())).containsExactly(
                "9: has State \"Bound\", which neither listens nor holds a connection: not listed");
    }

    @Test
    void oneTableAfterAnother_eachFromItsHeader() throws InspectException {
        CapturedOutput.Reading r = read(Fixtures.text("powershell-tcp-table.txt") + Fixtures.text("powershell-udp-table.txt"));
        assertThat(sockets(r)).hasSize(13 + 7).startsWith("tcp ipv6 [::1]:49670 listen pid 3560 user -")
                .endsWith("udp ipv4 127.0.0.1:49664 bound pid - user -", "udp ipv4 0.0.0.0:123 bound pid - user -");
        assertThat(unread(r)).containsExactly("1: a PowerShell prompt, not a socket",
                "16: has State \"Bound\", which neither listens nor holds a connection: not listed",
                "21: a PowerShell prompt, not a socket");
    }

    private static final String HEADER = "LocalAddress                        LocalPort RemoteAddress                       "
            + "RemotePort State       AppliedSetting OwningProcess\n------------                        --------- "
            + "-------------                       ---------- -----       -------------- -------------\n";

    @Test
    void columnsLeftOut_withoutStateTheStateIsUnknown_withoutRemoteColumnsNoPeer() throws InspectException {
        CapturedOutput.Reading r = read("LocalAddress   LocalPort RemoteAddress  RemotePort\n"
                + "------------   --------- -------------  ----------\n"
                + "0.0.0.0        135       0.0.0.0        0\n");
        assertThat(sockets(r)).isEmpty();
        assertThat(unread(r)).containsExactly("3: has no State, expected the state of the TCP connection: was its "
                + "column left out for the console's width?");
        r = read("LocalAddress LocalPort       State OwningProcess\n"
                + "------------ ---------       ----- -------------\n"
                + "::                 443      Listen             4\n"
                + "192.168.1.20     49811 Established          7712\n");
        assertThat(sockets(r)).as("Format-Table of chosen columns aligns numbers right")
                .containsExactly("tcp ipv6 [::]:443 listen pid 4 user -",
                        "tcp ipv4 192.168.1.20:49811 established pid 7712 user -");
    }

    @Test
    void wordsOutOfTheColumns_orTwoInOne_areUnread_andTheTableGoesOn() throws InspectException {
        CapturedOutput.Reading r = read("Active connections:\n" + HEADER
                + "0.0.0.0  135 0.0.0.0 0 Listen 1012\n"
                + "WARNING: 1 columns do not fit into the display and were removed.\n"
                + "0.0.0.0                             445       0.0.0.0                             0          Listen  "
                + "                   4\n"
                + "0.0.0.0                             70000     0.0.0.0                             0          Listen  "
                + "                   4\n"
                + "                                              0.0.0.0                             0          Listen\n");
        assertThat(sockets(r)).containsExactly("tcp ipv4 0.0.0.0:445 listen pid 4 user -");
        assertThat(unread(r)).containsExactly(
                "1: comes before the table's header, LocalAddress LocalPort ... over a rule of dashes",
                "4: does not line up with the columns of the rule of dashes on line 3",
                "5: does not line up with the columns of the rule of dashes on line 3",
                "7: the row of lines 7-8 has LocalPort \"70000\", expected a port number from 0 to 65535");
    }

    @Test
    void aHeaderCutShort_namesTheOnePropertyItCanBegin_andNoneWhenItCanBeginTwo() throws InspectException {
        CapturedOutput.Reading r = read("LocalAddress LocalPort RemoteA... Rem... State\n"
                + "------------ --------- ---------- ------ -----\n"
                + "10.0.0.2     49811     10.0.0.9   443    Established\n");
        assertThat(sockets(r)).as("Rem... may be RemoteAddress or RemotePort: the peer's port is not known")
                .containsExactly("tcp ipv4 10.0.0.2:49811 established pid - user -");
        assertThat(r.unread()).isEmpty();
        r = read("LocalAddress LocalPort RemoteA... RemoteP... State\n"
                + "------------ --------- ---------- ---------- -----\n"
                + "10.0.0.2     49811     10.0.0.9   443        Established\n");
        assertThat(sockets(r)).containsExactly("tcp ipv4 10.0.0.2:49811 established -> 10.0.0.9:443 pid - user -");
    }
}
