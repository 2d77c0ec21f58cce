package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class LsofOutputTest {
    static String line(LocalSocket s) {
        String owners = s.owners().stream().map(o -> o.pid() + " " + o.name() + " (" + o.user() + ")")
                .collect(Collectors.joining(", "));
        return s.transport() + " " + s.family() + " " + s.endpoint() + " " + s.state()
                + (s.remoteAddress() == null ? "" : " -> " + Addresses.endpoint(s.remoteAddress(), s.remotePort()))
                + " | " + owners;
    }

    private static List<String> parse(String fixture, boolean established) throws InspectException {
        return new LsofOutput("lsof", established).parse(Fixtures.text(fixture)).stream().sorted(LocalSocket.ORDER)
                .map(LsofOutputTest::line).toList();
    }

    @Test
    void macOsDefaultWidth_zonesTruncatedNamesEscapedSpacesSharedSockets() throws InspectException {
        assertThat(parse("lsof-macos.txt", false)).containsExactly(
                "tcp ipv4 0.0.0.0:22 listen | 1 launchd (root)",
                "tcp ipv6 [::]:22 listen | 1 launchd (root)",
                "tcp ipv4 0.0.0.0:80 listen | 800 nginx (root), 801 nginx (nobody)",
                "tcp ipv4 127.0.0.1:5432 listen | 742 postgres (alice)",
                "tcp ipv6 [::1]:5432 listen | 742 postgres (alice)",
                "tcp ipv4 0.0.0.0:7000 listen | 601 ControlCe (alice)",
                "tcp ipv4 0.0.0.0:49152 listen | 512 rapportd (alice)",
                "tcp ipv6 [::]:49152 listen | 512 rapportd (alice)",
                "udp ipv4 0.0.0.0:514 bound | 103 syslogd (root)",
                "udp ipv4 0.0.0.0:5353 bound | 389 mDNSRespo (_mdnsresponder)",
                "udp ipv4 0.0.0.0:5353 bound | 733 Google  (alice)",
                "udp ipv6 [fe80::aede:48ff:fe00:1122%en0]:5353 bound | 389 mDNSRespo (_mdnsresponder)",
                "udp ipv6 [fe80:4::aede:48ff:fe00:1122]:61000 bound | 845 sharingd (alice)");
    }

    @Test
    void fullNames_withPlusC0_andEstablishedOnRequest() throws InspectException {
        assertThat(parse("lsof-macos-c0.txt", false)).containsExactly(
                "tcp ipv6 [::]:22 listen | 1 launchd (root)",
                "tcp ipv4 0.0.0.0:7000 listen | 601 ControlCenter (alice)",
                "tcp ipv6 [::]:8765 listen | 760 Café Sync (alice)",
                "udp ipv4 0.0.0.0:5353 bound | 389 mDNSResponder (_mdnsresponder)",
                "udp ipv4 0.0.0.0:5353 bound | 733 Google Chrome Helper (alice)");
        assertThat(parse("lsof-macos-c0.txt", true)).as("a connection in CLOSE_WAIT holds its port too")
                .contains("tcp ipv4 192.168.1.20:52000 established -> 17.253.144.10:443 | 770 Safari (alice)",
                        "tcp ipv4 192.168.1.20:52001 close-wait -> 17.253.144.10:443 | 770 Safari (alice)")
                .hasSize(7);
        assertThat(parse("lsof-macos.txt", true))
                .contains("udp ipv4 192.168.1.20:61001 established -> 192.168.1.1:53 | 910 Spotify (alice)");
    }

    @Test
    void commandEscapes() {
        assertThat(LsofOutput.command("Google\\x20Chrome")).isEqualTo("Google Chrome");
        assertThat(LsofOutput.command("a\\\\b")).isEqualTo("a\\b");
        assertThat(LsofOutput.command("cut\\x2")).isEqualTo("cut\\x2");
        assertThat(LsofOutput.command("Caf\\xc3\\xa9")).isEqualTo("Café");
        assertThat(LsofOutput.command("plain")).isEqualTo("plain");
    }

    private static String error(String text) {
        try {
            new LsofOutput("lsof -nP", false).parse(text);
        } catch (InspectException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void damagedOutput_isRefusedWithTheLine() {
        String header = "COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n";
        assertThat(error("launchd 1 root 7u IPv6 0x1 0t0 TCP *:22 (LISTEN)\n")).isEqualTo("lsof -nP: line 1 is not "
                + "lsof's header, expected COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME: \"launchd 1 root 7u IPv6 0x1 0t0 TCP *:22 (LISTEN)\"");
        assertThat(error(header + "launchd x root 7u IPv6 0x1 0t0 TCP *:22 (LISTEN)\n"))
                .startsWith("lsof -nP: line 2 has PID \"x\", expected a process id");
        assertThat(error(header + "launchd 1 root 7u unix 0x1 0t0 TCP *:22 (LISTEN)\n"))
                .startsWith("lsof -nP: line 2 has TYPE \"unix\", expected IPv4 or IPv6");
        assertThat(error(header + "launchd 1 root 7u IPv4 0x1 0t0 SCTP *:22\n"))
                .startsWith("lsof -nP: line 2 has no NODE column, expected TCP or UDP before the NAME");
        assertThat(error(header + "launchd 1 root 7u IPv4 0x1 0t0 TCP *:99999 (LISTEN)\n"))
                .startsWith("lsof -nP: line 2 has NAME \"*:99999\", expected ADDRESS:PORT or [IPV6]:PORT, optionally ->REMOTE");
        assertThat(error(header + "a 1 b\n")).startsWith("lsof -nP: line 2 has 3 columns");
    }

    @Test
    void emptyOutput_meansNoSockets() throws InspectException {
        assertThat(new LsofOutput("lsof", false).parse("")).isEmpty();
        assertThat(new LsofOutput("lsof", false).parse("COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n")).isEmpty();
    }

    /**
     * The whole lsof path on this machine (Linux's lsof prints the same format as macOS's): TCP and
     * UDP sockets this test opens are found with this JVM's pid, and the missing sysctl names are
     * replaced by the documented defaults, which the scan says.
     */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void lsofScanner_findsTcpAndUdp() throws Exception {
        assumeLsof();
        try (ServerSocketChannel tcp = ServerSocketChannel.open(StandardProtocolFamily.INET6);
                DatagramChannel udp = DatagramChannel.open(StandardProtocolFamily.INET)) {
            tcp.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            udp.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int tcpPort = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
            int udpPort = ((InetSocketAddress) udp.getLocalAddress()).getPort();
            SocketScan scan = new LsofScanner(Platform.OTHER_UNIX, new SystemCommand(LocalSockets.COMMAND_TIME_LIMIT))
                    .scan(false);
            long pid = ProcessHandle.current().pid();
            assertThat(scan.sockets()).map(LsofOutputTest::line)
                    .contains("tcp ipv6 [::1]:" + tcpPort + " listen | " + pid + " java (" + System.getProperty("user.name") + ")",
                            "udp ipv4 127.0.0.1:" + udpPort + " bound | " + pid + " java (" + System.getProperty("user.name") + ")");
            assertThat(scan.sockets()).noneMatch(s -> s.state() == SocketState.ESTABLISHED);
            assertThat(scan.source()).isEqualTo("lsof +c 0 -nP -iTCP -iUDP");
            if (Platform.current() == Platform.LINUX) {
                assertThat(scan.settings().source()).isEqualTo("the system's documented defaults ('sysctl -n "
                        + "net.inet.ip.portrange.first net.inet.ip.portrange.last' could not be read)");
            }
        }
    }

    private static void assumeLsof() {
        try {
            new SystemCommand(LocalSockets.COMMAND_TIME_LIMIT).run(List.of("lsof", "-v"));
        } catch (InspectException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "lsof is not installed: " + e.getMessage());
        }
    }

    /** Linux's lsof prints the same format: a listener this test opens is found with this JVM's pid. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void realLsofOutput_isRead() throws Exception {
        SystemCommand command = new SystemCommand(LocalSockets.COMMAND_TIME_LIMIT);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            SystemCommand.Result r;
            try {
                r = command.run(List.of("lsof", "+c", "0", "-nP", "-iTCP:" + port, "-sTCP:LISTEN"));
            } catch (InspectException e) {
                org.junit.jupiter.api.Assumptions.assumeTrue(false, "lsof is not installed: " + e.getMessage());
                return;
            }
            List<LocalSocket> sockets = new LsofOutput("lsof", false).parse(new String(r.out(), StandardCharsets.UTF_8));
            assertThat(sockets).hasSize(1);
            LocalSocket s = sockets.get(0);
            assertThat(s.transport()).isEqualTo(Transport.TCP);
            assertThat(s.endpoint()).isEqualTo("127.0.0.1:" + port);
            assertThat(s.owner().orElseThrow().pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(s.owner().orElseThrow().name()).isEqualTo("java");
        }
    }
}
