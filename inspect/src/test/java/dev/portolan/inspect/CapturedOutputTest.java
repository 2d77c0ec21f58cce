package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Captures of other machines' output, each read line by line, unread lines kept with the reason. */
class CapturedOutputTest {
    private static CapturedOutput.Reading read(String fixture) throws InspectException {
        return CapturedOutput.read(Fixtures.bytes(fixture), fixture);
    }

    private static List<String> lines(CapturedOutput.Reading r) {
        return r.sockets().stream().map(LsofOutputTest::line).toList();
    }

    /** {@code tcp ipv4 10.0.2.15:22 established -> 10.0.2.2:55460 pid 812 user 0}; pid and user "-" when absent. */
    static List<String> sockets(CapturedOutput.Reading r) {
        return r.sockets().stream().map(s -> s.transport() + " " + s.family() + " " + s.endpoint() + " " + s.state()
                + s.remoteEndpoint().map(e -> " -> " + e).orElse("") + " pid "
                + (s.owners().isEmpty() ? "-" : s.owners().stream().map(o -> Long.toString(o.pid()))
                        .collect(Collectors.joining(",")))
                + " user " + (s.user() == null ? "-" : s.user())).toList();
    }

    /** {@code 12: why}. */
    static List<String> unread(CapturedOutput.Reading r) {
        return r.unread().stream().map(u -> u.line() + ": " + u.why()).toList();
    }

    /** Reads a fixture, checking that each of its lines is accounted for once. */
    static CaptureLedger ledger(String fixture) throws InspectException {
        CaptureLedger ledger = CapturedOutput.ledger(Fixtures.bytes(fixture), fixture);
        ParserFuzzTest.assertEveryLineAccounted(ledger);
        return ledger;
    }

    @Test
    void ss_listenersWithTheirProcesses_andALineItCannotRead() throws InspectException {
        CapturedOutput.Reading r = read("ss-tulpn.txt");
        assertThat(r.format()).isEqualTo("ss");
        assertThat(lines(r)).containsExactly(
                "udp ipv4 127.0.0.53:53 bound | 612 systemd-resolve (null)",
                "udp ipv4 0.0.0.0:5353 bound | 700 avahi-daemon (null)",
                "tcp ipv4 0.0.0.0:22 listen | 812 sshd (null)",
                "tcp ipv6 [::]:80 listen | 900 nginx (null), 901 nginx (null)",
                "tcp ipv4 127.0.0.1:5432 listen | ",
                "tcp ipv4 0.0.0.0:3000 listen | 1500 node (null)");
        assertThat(r.unread()).singleElement().satisfies(u -> {
            assertThat(u.line()).isEqualTo(8);
            assertThat(u.text()).isEqualTo("this line was cut by the terminal");
            assertThat(u.why()).contains("has the state \"this\"");
        });
    }

    @Test
    void ssWithoutNetid_connectionsInEveryState() throws InspectException {
        CapturedOutput.Reading r = read("ss-tanp.txt");
        assertThat(lines(r)).containsExactly("tcp ipv4 0.0.0.0:22 listen | 812 sshd (null)",
                "tcp ipv4 10.0.0.5:22 established -> 10.0.0.9:51234 | 3001 sshd (null)",
                "tcp ipv4 10.0.0.5:18850 established -> 140.82.112.25:443 | 4100 git-remote-http (null)",
                "tcp ipv4 10.0.0.5:51000 time-wait -> 93.184.215.14:80 | ",
                "tcp ipv6 [::1]:8080 close-wait -> [::1]:41000 | 2200 java (null)");
        assertThat(r.unread()).isEmpty();
    }

    @Test
    void linuxNetstat_tcpAndUdp_namesWithSpaces_unixSocketsSaidApart() throws InspectException {
        CapturedOutput.Reading r = read("netstat-linux.txt");
        assertThat(r.format()).isEqualTo("netstat (Linux)");
        assertThat(lines(r)).containsExactly("tcp ipv4 0.0.0.0:22 listen | 812 sshd (null)",
                "tcp ipv4 127.0.0.1:5432 listen | ",
                "tcp ipv4 10.0.0.5:22 established -> 10.0.0.9:51234 | 3001 sshd: alice [p (null)",
                "tcp ipv4 10.0.0.5:51000 time-wait -> 93.184.215.14:80 | ",
                "tcp ipv6 [::]:80 listen | 900 nginx: master p (null)",
                "udp ipv4 127.0.0.53:53 bound | 612 systemd-resolve (null)",
                "udp ipv6 [::]:5353 bound | 700 avahi-daemon: r (null)");
        assertThat(r.unread()).extracting(CapturedOutput.Unread::why).containsExactly("a unix socket, not a network one",
                "a unix socket, not a network one");
    }

    @Test
    void lsofWindowsNetstatAndPowerShellCaptures_areReadByTheScannersReaders() throws InspectException {
        assertThat(read("lsof-macos.txt").format()).isEqualTo("lsof");
        assertThat(lines(read("lsof-macos.txt"))).contains("udp ipv4 192.168.1.20:61001 established -> 192.168.1.1:53 | 910 Spotify (alice)");
        CapturedOutput.Reading netstat = read("windows-netstat.txt");
        assertThat(netstat.format()).isEqualTo("netstat (Windows)");
        assertThat(lines(netstat)).contains("tcp ipv4 0.0.0.0:135 listen | 1012 null (null)",
                "tcp ipv4 192.168.1.20:49812 time-wait -> 52.1.2.3:443 | ");
        CapturedOutput.Reading ps = read("windows-powershell.csv");
        assertThat(ps.format()).isEqualTo("PowerShell CSV");
        assertThat(lines(ps)).contains("udp ipv4 127.0.0.1:49664 bound | 3108 null (null)");
    }

    @Test
    void netstatAnob_namesTheProcessFromTheBracketedLine() throws InspectException {
        String text = "\r\nActive Connections\r\n\r\n  Proto  Local Address          Foreign Address        State           PID\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1012\r\n  RpcSs\r\n [svchost.exe]\r\n"
                + "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4\r\n Can not obtain ownership information\r\n";
        CapturedOutput.Reading r = CapturedOutput.read(text.getBytes(StandardCharsets.UTF_8), "paste");
        assertThat(lines(r)).containsExactly("tcp ipv4 0.0.0.0:135 listen | 1012 svchost.exe (null)",
                "tcp ipv4 0.0.0.0:445 listen | 4 null (null)");
        assertThat(r.unread()).extracting(CapturedOutput.Unread::text).containsExactly("  RpcSs",
                " Can not obtain ownership information");
    }

    @Test
    void netstatAnob_theProgramOfAnUnreadLine_namesNoEarlierSocket() throws InspectException {
        // The program named under a line that was not read (a state in the display language) belonged to
        // the socket of the last line that was: svchost.exe's port 135 became chrome.exe's.
        String text = "  Proto  Lokale Adresse         Remoteadresse          Status           PID\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              ABHÖREN         1012\r\n  RpcSs\r\n [svchost.exe]\r\n"
                + "  TCP    10.0.0.2:49811         140.82.112.25:443      HERGESTELLT     7712\r\n [chrome.exe]\r\n"
                + " [svchost.exe]\r\n";
        CapturedOutput.Reading r = CapturedOutput.read(text.getBytes(StandardCharsets.UTF_8), "paste");
        assertThat(lines(r)).containsExactly("tcp ipv4 0.0.0.0:135 listen | 1012 svchost.exe (null)");
        assertThat(r.unread()).extracting(u -> u.line() + " " + u.why()).containsExactly(
                "3 not a TCP or UDP line of netstat",
                "5 a state this command does not read (netstat writes it in the display language)",
                "6 names the program of a line above that was not read as a socket",
                "7 names the program of a line above that was not read as a socket");
    }

    @Test
    void capturesSavedByWindowsPowerShell_utf16WithItsMark_andUtf8WithAMark() throws InspectException {
        // Windows PowerShell's > and Out-File write UTF-16LE with a byte order mark; Out-File -Encoding utf8
        // writes a mark before UTF-8
        String csv = Fixtures.text("windows-powershell.csv");
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            CapturedOutput.Reading r = CapturedOutput.read(("\uFEFF" + csv).getBytes(charset), "ps.csv");
            assertThat(r.format()).isEqualTo("PowerShell CSV");
            assertThat(r.sockets()).isEqualTo(read("windows-powershell.csv").sockets());
            assertThat(r.unread()).isEqualTo(read("windows-powershell.csv").unread());
        }
        CapturedOutput.Reading r = CapturedOutput.read(("\uFEFF" + Fixtures.text("lsof-macos.txt"))
                .getBytes(StandardCharsets.UTF_8), "lsof.txt");
        assertThat(r.format()).as("the mark is not part of the first line").isEqualTo("lsof");
        assertThat(r.sockets()).isEqualTo(read("lsof-macos.txt").sockets());
        byte[] odd = Arrays.copyOf(("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE), 101);
        assertThatThrownBy(() -> CapturedOutput.read(odd, "ps.csv")).isInstanceOf(InspectException.class)
                .hasMessage("ps.csv starts with the byte order mark of UTF-16LE but is not UTF-16LE text: save the "
                        + "capture again, or as UTF-8");
    }

    @Test
    void procNetTables_areFoundByTheirHeader_rowsWithoutOneAreRefused() throws InspectException {
        assertThat(read("proc-net-cat.txt").format()).isEqualTo("/proc/net tables");
        assertThat(read("proc-net-head.txt").format()).isEqualTo("/proc/net tables");
        String rows = "   0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 16742 1\n";
        assertThatThrownBy(() -> CapturedOutput.read(rows.getBytes(StandardCharsets.US_ASCII), "rows.txt"))
                .isInstanceOf(InspectException.class).hasMessage("rows.txt " + UNKNOWN);
    }

    private static final String UNKNOWN = "is not output this command knows: give ss -tulpn or -tanp, netstat -tulpn "
            + "(Linux) or -ano (Windows), lsof -i, cat /proc/net/tcp (tcp6, udp, udp6), or Get-NetTCPConnection or "
            + "Get-NetUDPEndpoint as PowerShell prints them, with | Format-List or with | ConvertTo-Csv";

    @Test
    void powerShellTablesAndLists_areFoundByTheirHeaderAndRuleOrTheirLocalAddress() throws InspectException {
        for (String table : List.of("powershell-tcp-table.txt", "powershell-udp-table.txt",
                "powershell-tcp-table-narrow.txt", "powershell-tcp-table-ps7-narrow.txt", "powershell-tcp-table-wrap.txt")) {
            assertThat(read(table).format()).as(table).isEqualTo("PowerShell table");
        }
        for (String list : List.of("powershell-list.txt", "powershell-list-all.txt", "powershell-list-narrow.txt")) {
            assertThat(read(list).format()).as(list).isEqualTo("PowerShell list");
        }
        assertThat(read("windows-powershell.csv").format()).isEqualTo("PowerShell CSV");
    }

    @Test
    void textThatOnlyLooksLikeATableOrAList_isRefused() {
        for (String text : List.of(
                // a header without its rule of dashes (a chat that squeezed the spaces out)
                "LocalAddress LocalPort RemoteAddress RemotePort State AppliedSetting OwningProcess\n"
                        + "0.0.0.0 135 0.0.0.0 0 Listen 1012\n",
                // a rule under another table's header
                "Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName\n"
                        + "-------  ------    -----      -----     ------     --  -- -----------\n"
                        + "    655      40    23460      31560       2.33   1012   0 svchost\n",
                // another object's list
                "Id      : 1012\nHandles : 655\nName    : svchost\n",
                // rows of a table without its header
                "::                                  135       ::                                  0          Listen\n",
                "local address 0.0.0.0 and port 22\n")) {
            assertThatThrownBy(() -> CapturedOutput.read(text.getBytes(StandardCharsets.UTF_8), "paste"))
                    .as(text).isInstanceOf(InspectException.class).hasMessage("paste " + UNKNOWN);
        }
    }

    @Test
    void binaryUnknownAndHugeInput_areRefusedWithTheReason() {
        assertThatThrownBy(() -> CapturedOutput.read(new byte[] {'a', 0, 'b'}, "x.bin"))
                .hasMessageStartingWith("x.bin is not text (it holds NUL bytes)");
        assertThatThrownBy(() -> CapturedOutput.read("hello\nworld\n".getBytes(StandardCharsets.UTF_8), "notes.txt"))
                .hasMessage("notes.txt " + UNKNOWN);
        assertThatThrownBy(() -> CapturedOutput.read(new byte[CapturedOutput.MOST_BYTES + 1], "big"))
                .hasMessageContaining("at most 8388608 (8 MiB)");
    }
}
