package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.PortRange;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowsOutputTest {
    private static List<String> lines(List<LocalSocket> sockets) {
        return sockets.stream().sorted(LocalSocket.ORDER).map(LsofOutputTest::line).toList();
    }

    @Test
    void powerShellCsv_bothSections_zoneIds_onlyListenAndBound() throws InspectException {
        assertThat(lines(WindowsOutput.powerShell(Fixtures.text("windows-powershell.csv"), "ps", false))).containsExactly(
                "tcp ipv4 0.0.0.0:135 listen | 1012 null (null)",
                "tcp ipv6 [::]:135 listen | 1012 null (null)",
                "tcp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:139 listen | 4 null (null)",
                "tcp ipv4 0.0.0.0:445 listen | 4 null (null)",
                "tcp ipv4 127.0.0.1:5354 listen | 3108 null (null)",
                "tcp ipv6 [::1]:49670 listen | 3560 null (null)",
                "udp ipv4 0.0.0.0:123 bound | 1460 null (null)",
                "udp ipv6 [::]:123 bound | 1460 null (null)",
                "udp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:1900 bound | 5008 null (null)",
                "udp ipv4 127.0.0.1:49664 bound | 3108 null (null)");
        assertThat(lines(WindowsOutput.powerShell(Fixtures.text("windows-powershell.csv"), "ps", true)))
                .contains("tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 | 7712 null (null)",
                        "tcp ipv4 192.168.1.20:49812 time-wait -> 52.1.2.3:443 | ")
                .hasSize(12);
    }

    @Test
    void powerShellCsv_withTypeLineUnquotedAndNumericStates() throws InspectException {
        String text = "#TYPE Selected.Microsoft.Management.Infrastructure.CimInstance\n"
                + "OwningProcess,State,LocalPort,LocalAddress\n4,2,445,0.0.0.0\n7712,5,49811,10.0.0.2\n";
        assertThat(lines(WindowsOutput.powerShell(text, "ps", false))).containsExactly("tcp ipv4 0.0.0.0:445 listen | 4 null (null)");
    }

    @Test
    void powerShellCsv_errors() {
        assertThatThrownBy(() -> WindowsOutput.powerShell("\"0.0.0.0\",\"135\"\n", "ps", false))
                .isInstanceOf(InspectException.class)
                .hasMessage("ps: line 1 comes before any header, expected a header naming LocalAddress");
        assertThatThrownBy(() -> WindowsOutput.powerShell("LocalAddress,State\n", "ps", false))
                .hasMessage("ps: line 1 is a header without LocalPort");
        assertThatThrownBy(() -> WindowsOutput.powerShell("LocalAddress,LocalPort,OwningProcess\nx,1,2\n", "ps", false))
                .hasMessage("ps: line 2 has LocalAddress \"x\", expected an IPv4 or IPv6 address");
        assertThatThrownBy(() -> WindowsOutput.powerShell("LocalAddress,LocalPort,OwningProcess\n::,70000,2\n", "ps", false))
                .hasMessage("ps: line 2 has LocalPort \"70000\", expected a port number from 0 to 65535");
        assertThatThrownBy(() -> WindowsOutput.powerShell("LocalAddress,LocalPort,OwningProcess\n::,7,-2\n", "ps", false))
                .hasMessage("ps: line 2 has OwningProcess \"-2\", expected a process id");
    }

    @Test
    void netstat_englishAndTranslated() throws InspectException {
        assertThat(lines(WindowsOutput.netstat(Fixtures.text("windows-netstat.txt"), "netstat -ano", false)))
                .containsExactly("tcp ipv4 0.0.0.0:135 listen | 1012 null (null)",
                        "tcp ipv6 [::]:135 listen | 1012 null (null)",
                        "tcp ipv4 192.168.1.20:139 listen | 4 null (null)",
                        "tcp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:139 listen | 4 null (null)",
                        "tcp ipv4 0.0.0.0:445 listen | 4 null (null)",
                        "tcp ipv4 127.0.0.1:5354 listen | 3108 null (null)",
                        "tcp ipv6 [::1]:49670 listen | 3560 null (null)",
                        "udp ipv4 0.0.0.0:123 bound | 1460 null (null)",
                        "udp ipv6 [::]:123 bound | 1460 null (null)",
                        "udp ipv6 [fe80::1c2d:3e4f:5a6b:7c8d%12]:1900 bound | 5008 null (null)",
                        "udp ipv4 0.0.0.0:5353 bound | 2480 null (null)");
        assertThat(lines(WindowsOutput.netstat(Fixtures.text("windows-netstat.txt"), "netstat -ano", true)))
                .contains("tcp ipv4 192.168.1.20:49811 established -> 140.82.112.25:443 | 7712 null (null)",
                        "tcp ipv4 192.168.1.20:49812 time-wait -> 52.1.2.3:443 | ").hasSize(13);
        assertThat(lines(WindowsOutput.netstat(Fixtures.text("windows-netstat-de.txt"), "netstat -ano", true)))
                .as("listening is recognised by the foreign port 0 in any language; established only in English")
                .containsExactly("tcp ipv4 0.0.0.0:135 listen | 1012 null (null)", "tcp ipv6 [::]:445 listen | 4 null (null)",
                        "udp ipv4 0.0.0.0:500 bound | 3456 null (null)");
    }

    @Test
    void netstat_errors() {
        assertThatThrownBy(() -> WindowsOutput.netstat("  TCP 0.0.0.0:135 0.0.0.0:0 1012\n", "netstat -ano", false))
                .hasMessage("netstat -ano: line 1 has 4 columns, expected 5 (TCP local foreign state pid): \"TCP 0.0.0.0:135 0.0.0.0:0 1012\"");
        assertThatThrownBy(() -> WindowsOutput.netstat("  UDP 0.0.0.0 *:* 1012\n", "netstat -ano", false))
                .hasMessage("netstat -ano: line 1 has address \"0.0.0.0\", expected ADDRESS:PORT or [IPV6]:PORT");
        assertThatThrownBy(() -> WindowsOutput.netstat("  UDP *:* *:* 1012\n", "netstat -ano", false))
                .hasMessage("netstat -ano: line 1 has local address \"*:*\", expected ADDRESS:PORT");
    }

    @Test
    void tasklist_namesWithSpacesAndCommas_headerInAnyLanguage() throws InspectException {
        Map<Long, String> names = WindowsOutput.tasklist(Fixtures.text("windows-tasklist.csv"), "tasklist");
        assertThat(names).hasSize(8).containsEntry(0L, "System Idle Process").containsEntry(4L, "System")
                .containsEntry(3108L, "Adobe Desktop Service.exe").containsEntry(5008L, "Acme, Inc. Updater.exe");
        assertThat(WindowsOutput.tasklist(Fixtures.text("windows-tasklist-header-de.csv"), "tasklist"))
                .containsOnly(Map.entry(4L, "System"), Map.entry(1012L, "svchost.exe"));
        assertThatThrownBy(() -> WindowsOutput.tasklist("\"a\",\"1\"\n\"b\",\"x\"\n", "tasklist"))
                .hasMessage("tasklist: line 2 has \"b,x\", expected \"IMAGE\",\"PID\",...");
    }

    @Test
    void netsh_excludedPortRangesInAnyLanguage_administeredOnesIncluded() throws InspectException {
        assertThat(WindowsOutput.netshExcludedPorts(Fixtures.text("windows-netsh-excluded.txt"), "netsh"))
                .containsExactly(new PortRange(2869, 2869), new PortRange(5357, 5357), new PortRange(50000, 50059),
                        new PortRange(50060, 50159));
        assertThat(WindowsOutput.netshExcludedPorts(Fixtures.text("windows-netsh-excluded-de.txt"), "netsh"))
                .containsExactly(new PortRange(1080, 1179));
        assertThat(WindowsOutput.netshExcludedPorts("no ranges here\n", "netsh")).isEmpty();
        assertThatThrownBy(() -> WindowsOutput.netshExcludedPorts("  70000 70001\n", "netsh"))
                .hasMessage("netsh: line 1 has the range \"70000 70001\", expected a start and an end port within 0-65535");
        assertThatThrownBy(() -> WindowsOutput.netshExcludedPorts("  5000 4000\n", "netsh"))
                .isInstanceOf(InspectException.class);
    }

    @Test
    void netsh_dynamicPortsInAnyLanguage() throws InspectException {
        assertThat(WindowsOutput.netshDynamicPorts(Fixtures.text("windows-netsh-tcp.txt"), "netsh"))
                .isEqualTo(new PortRange(49152, 65535));
        assertThat(WindowsOutput.netshDynamicPorts(Fixtures.text("windows-netsh-udp-de.txt"), "netsh"))
                .isEqualTo(new PortRange(10000, 10999));
        assertThatThrownBy(() -> WindowsOutput.netshDynamicPorts("Start Port : 60000\nNumber of Ports : 9000\n", "netsh"))
                .hasMessage("netsh did not give a start port and a number of ports within 0-65535");
    }
}
