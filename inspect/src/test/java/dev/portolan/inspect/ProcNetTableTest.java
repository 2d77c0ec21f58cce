package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Transport;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixtures were written by a little-endian (x86) kernel. */
class ProcNetTableTest {
    private static List<ProcNetTable.Entry> parse(String fixture, Transport t, AddressFamily f, boolean established)
            throws InspectException {
        List<ProcNetTable.Entry> out = new ArrayList<>();
        new ProcNetTable(fixture, t, f, established, ByteOrder.LITTLE_ENDIAN).parse(Fixtures.bytes(fixture), out);
        return out;
    }

    private static String line(ProcNetTable.Entry e) {
        LocalSocket s = e.socket();
        return s.transport() + " " + s.family() + " " + s.endpoint() + " " + s.state()
                + (s.remoteAddress() == null ? "" : " -> " + s.remoteAddress() + ":" + s.remotePort())
                + " uid " + e.uid() + " inode " + e.inode();
    }

    @Test
    void tcp_listenersAndOnRequestConnectionsInEveryState() throws InspectException {
        assertThat(parse("proc-net-tcp.txt", Transport.TCP, AddressFamily.IPV4, false)).map(ProcNetTableTest::line)
                .containsExactly("tcp ipv4 127.0.0.1:631 listen uid 0 inode 16742",
                        "tcp ipv4 0.0.0.0:22 listen uid 0 inode 18001");
        assertThat(parse("proc-net-tcp.txt", Transport.TCP, AddressFamily.IPV4, true)).map(ProcNetTableTest::line)
                .as("a connection holds its local port in every state, TIME-WAIT (06, no inode) included")
                .containsExactly("tcp ipv4 127.0.0.1:631 listen uid 0 inode 16742",
                        "tcp ipv4 0.0.0.0:22 listen uid 0 inode 18001",
                        "tcp ipv4 192.168.1.20:22 established -> 192.168.1.5:54321 uid 0 inode 19555",
                        "tcp ipv4 192.168.1.20:50000 time-wait -> 140.42.112.25:443 uid 0 inode 0");
    }

    @Test
    void tcp_everyStateNumberOfTheKernel() throws InspectException {
        // include/net/tcp_states.h: 1 ESTABLISHED ... 12 NEW_SYN_RECV; 7 (CLOSE) has no port yet
        StringBuilder table = new StringBuilder(HEADER);
        for (int state = 1; state <= 12; state++) {
            table.append(String.format("  %d: 0100007F:%04X 0100007F:0050 %02X 0:0 0:0 0 0 0 %d%n", state,
                    40000 + state, state, 100 + state));
        }
        List<ProcNetTable.Entry> out = new ArrayList<>();
        new ProcNetTable("states", Transport.TCP, AddressFamily.IPV4, true, ByteOrder.LITTLE_ENDIAN)
                .parse(table.toString().getBytes(StandardCharsets.US_ASCII), out);
        assertThat(out).map(e -> e.socket().port() - 40000 + " " + e.socket().state()).containsExactly("1 established",
                "2 syn-sent", "3 syn-received", "4 fin-wait-1", "5 fin-wait-2", "6 time-wait", "8 close-wait",
                "9 last-ack", "10 listen", "11 closing", "12 syn-received");
    }

    @Test
    void tcp6_loopbackWildcardMappedAndLinkLocal() throws InspectException {
        assertThat(parse("proc-net-tcp6.txt", Transport.TCP, AddressFamily.IPV6, false)).map(ProcNetTableTest::line)
                .containsExactly("tcp ipv6 [::1]:8080 listen uid 1000 inode 21000",
                        "tcp ipv6 [::]:80 listen uid 33 inode 21001",
                        "tcp ipv6 [::ffff:127.0.0.1]:9000 listen uid 1000 inode 21002",
                        "tcp ipv6 [fe80::c2a6:27ff:9adb:56fe]:22 listen uid 0 inode 21003");
    }

    @Test
    void udp_boundSocketsAreState07_connectedOnesOnRequest() throws InspectException {
        assertThat(parse("proc-net-udp.txt", Transport.UDP, AddressFamily.IPV4, false)).map(ProcNetTableTest::line)
                .containsExactly("udp ipv4 127.0.0.53:53 bound uid 101 inode 15001",
                        "udp ipv4 0.0.0.0:68 bound uid 0 inode 15002");
        assertThat(parse("proc-net-udp.txt", Transport.UDP, AddressFamily.IPV4, true)).hasSize(3).last()
                .extracting(ProcNetTableTest::line)
                .isEqualTo("udp ipv4 192.168.1.20:55839 established -> 192.168.1.1:53 uid 1000 inode 15003");
        assertThat(parse("proc-net-udp6.txt", Transport.UDP, AddressFamily.IPV6, false)).map(ProcNetTableTest::line)
                .containsExactly("udp ipv6 [::]:5353 bound uid 104 inode 16001");
    }

    @Test
    void bigEndianMachines_writeAddressesInNetworkOrder() throws InspectException {
        String text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 7F000001:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 16742 1\n";
        List<ProcNetTable.Entry> out = new ArrayList<>();
        new ProcNetTable("be", Transport.TCP, AddressFamily.IPV4, false, ByteOrder.BIG_ENDIAN)
                .parse(text.getBytes(StandardCharsets.US_ASCII), out);
        assertThat(out).map(ProcNetTableTest::line).containsExactly("tcp ipv4 127.0.0.1:631 listen uid 0 inode 16742");
    }

    private static String error(String text, AddressFamily family) {
        List<ProcNetTable.Entry> out = new ArrayList<>();
        try {
            new ProcNetTable("/proc/net/tcp", Transport.TCP, family, false, ByteOrder.LITTLE_ENDIAN)
                    .parse(text.getBytes(StandardCharsets.ISO_8859_1), out);
        } catch (InspectException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + text);
    }

    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    @Test
    void damagedTables_areRefusedWithTheLineAndTheRule() {
        assertThat(error("", AddressFamily.IPV4))
                .isEqualTo("/proc/net/tcp is empty: expected a header line and one line per socket");
        assertThat(error("hello\n", AddressFamily.IPV4))
                .isEqualTo("/proc/net/tcp: line 1 is not the table's header, expected a line naming local_address");
        assertThat(error(HEADER + "   0: 0100007F:0277 00000000:0000 0A\n", AddressFamily.IPV4))
                .isEqualTo("/proc/net/tcp: line 2 has 4 fields, expected at least 10 (sl, addresses, state, ..., uid, timeout, inode)");
        assertThat(error(HEADER + "   0: 0100007G:0277 00000000:0000 0A 0:0 0:0 0 0 0 16742\n", AddressFamily.IPV4))
                .isEqualTo("/proc/net/tcp: line 2 has local address \"0100007G\", expected 8 hex digits");
        assertThat(error(HEADER + "   0: 0100007F:0277 00000000:0000 0A 0:0 0:0 0 0 0 16742\n", AddressFamily.IPV6))
                .isEqualTo("/proc/net/tcp: line 2 has local address \"0100007F:0277\", expected 32 hex digits, a colon and 4 hex digits");
        assertThat(error(HEADER + "   0: 0100007F:0277 00000000:0000 XA 0:0 0:0 0 0 0 16742\n", AddressFamily.IPV4))
                .isEqualTo("/proc/net/tcp: line 2 has state \"XA\", expected 2 hex digits");
        assertThat(error(HEADER + "   0: 0100007F:0277 00000000:0000 0A 0:0 0:0 0 0 0 -1\n", AddressFamily.IPV4))
                .isEqualTo("/proc/net/tcp: line 2 has inode \"-1\", expected a decimal number");
        assertThat(error(HEADER + "   0: 0100007F:0277 00000000:0000 0A 0:0 0:0 0 99999999999 0 1\n", AddressFamily.IPV4))
                .isEqualTo("/proc/net/tcp: line 2 has uid 99999999999, expected a 32-bit user id");
    }

    @Test
    void blankLinesAndCarriageReturns_areAccepted() throws InspectException {
        String text = HEADER + "\r\n   0: 0100007F:0277 00000000:0000 0A 0:0 0:0 0 0 0 16742\r\n\n";
        List<ProcNetTable.Entry> out = new ArrayList<>();
        new ProcNetTable("t", Transport.TCP, AddressFamily.IPV4, false, ByteOrder.LITTLE_ENDIAN)
                .parse(text.getBytes(StandardCharsets.US_ASCII), out);
        assertThat(out).hasSize(1);
        assertThatThrownBy(() -> new LocalSocket(Transport.SCTP, AddressFamily.IPV4, "0.0.0.0", 1, SocketState.LISTEN,
                null, null, null, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transport sctp: local sockets are tcp or udp");
    }
}
