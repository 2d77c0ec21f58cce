package dev.portolan.inspect;

import static dev.portolan.inspect.CapturedOutputTest.ledger;
import static dev.portolan.inspect.CapturedOutputTest.sockets;
import static dev.portolan.inspect.CapturedOutputTest.unread;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Socket tables of {@code /proc/net} printed on another machine. The fixtures were written in the
 * layout the kernel prints (include the header line of each table, the addresses of a
 * little-endian machine), with addresses made up for them.
 */
class ProcNetCaptureTest {
    private static CapturedOutput.Reading read(String text) throws InspectException {
        return CapturedOutput.read(text.getBytes(StandardCharsets.US_ASCII), "paste");
    }

    @Test
    void catOfTcpAndTcp6_everyStateThatHoldsAPort_theUidAsUser_noProcess() throws InspectException {
        CaptureLedger ledger = ledger("proc-net-cat.txt");
        CapturedOutput.Reading r = ledger.reading();
        assertThat(r.format()).isEqualTo("/proc/net tables");
        assertThat(sockets(r)).containsExactly(
                "tcp ipv4 127.0.0.53:53 listen pid - user 101",
                "tcp ipv4 0.0.0.0:22 listen pid - user 0",
                "tcp ipv4 127.0.0.1:5432 listen pid - user 113",
                "tcp ipv4 10.0.2.15:22 established -> 10.0.2.2:55460 pid - user 0",
                "tcp ipv4 10.0.2.15:40000 time-wait -> 140.93.26.14:443 pid - user 0",
                "tcp ipv4 10.0.2.15:41394 close-wait -> 140.82.112.25:443 pid - user 1000",
                "tcp ipv6 [::]:80 listen pid - user 33",
                "tcp ipv6 [::1]:631 listen pid - user 0",
                "tcp ipv6 [::ffff:10.0.2.15]:22 established -> [::ffff:10.0.2.2]:55462 pid - user 0");
        assertThat(unread(r)).containsExactly(
                "1: comes before the header of a table, the line naming local_address",
                "9: has state 07, in which a TCP socket neither listens nor has a connection: not listed",
                "14: has 2 fields, expected at least 10 (sl, addresses, state, ..., uid, timeout, inode)");
        assertThat(ledger.headings()).containsExactly(2, 10);
    }

    @Test
    void headOfSeveralFiles_theSeparatorNamesTheTable_rawSocketsAreNotUdp() throws InspectException {
        CaptureLedger ledger = ledger("proc-net-head.txt");
        CapturedOutput.Reading r = ledger.reading();
        assertThat(sockets(r)).containsExactly(
                "udp ipv4 127.0.0.53:53 bound pid - user 101",
                "udp ipv4 0.0.0.0:68 bound pid - user 0",
                "udp ipv4 10.0.2.15:55839 established -> 10.0.2.2:53 pid - user 1000",
                "udp ipv6 [::]:5353 bound pid - user 104",
                "udp ipv6 [fe80::1ff:fe23:4567:890a]:546 bound pid - user 0");
        // /proc/net/raw has the header of a UDP table; its "port" is the IP protocol number
        assertThat(unread(r)).containsExactly("14: a line of /proc/net/raw, not of a TCP or UDP socket table");
        assertThat(ledger.headings()).containsExactly(1, 2, 7, 8, 12, 13);
    }

    private static final String TCP = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    private static final String UDP = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";
    private static final String UDP6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";

    @Test
    void withoutSeparators_theHeaderSaysTcpOrUdp_andEachLineItsFamily() throws InspectException {
        String row4 = "   0: 0100007F:0277 00000000:0000 %s 00000000:00000000 00:00000000 00000000     0        0 16742 1\n";
        String row6 = "   1: 00000000000000000000000001000000:0035 00000000000000000000000000000000:0000 07 "
                + "00000000:00000000 00:00000000 00000000   101        0 16743 2 0000000000000000 0\n";
        CapturedOutput.Reading r = read(TCP + row4.formatted("0A") + UDP + row4.formatted("07") + UDP6 + row6);
        assertThat(sockets(r)).containsExactly("tcp ipv4 127.0.0.1:631 listen pid - user 0",
                "udp ipv4 127.0.0.1:631 bound pid - user 0", "udp ipv6 [::1]:53 bound pid - user 101");
        assertThat(r.unread()).isEmpty();
    }

    @Test
    void damagedLines_areUnreadWithTheTablesOwnReason_theOthersRead() throws InspectException {
        CapturedOutput.Reading r = read(TCP
                + "   0: 0100007G:0277 00000000:0000 0A 0:0 0:0 0 0 0 16742\n"
                + "   1: 0100007F:0277 00000000:0000 0A 0:0 0:0 0 99999999999 0 1\n"
                + "   2: 0100007F:0277 00000000000000000000000000000000:0000 0A 0:0 0:0 0 0 0 16742\n"
                + "   3: 00000000:0016 00000000:0000 0A 0:0 0:0 0 0 0 18001\n"
                + "==> /proc/net/tcp6 <==\n"
                + "   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 0:0 0:0 0 33 0 1\n");
        assertThat(sockets(r)).containsExactly("tcp ipv4 0.0.0.0:22 listen pid - user 0");
        assertThat(unread(r)).containsExactly(
                "2: has local address \"0100007G\", expected 8 hex digits",
                "3: has uid 99999999999, expected a 32-bit user id",
                "4: has remote address \"00000000000000000000000000000000:0000\", expected 8 hex digits, a colon and 4 hex digits",
                "7: comes before the header of /proc/net/tcp6");
    }
}
