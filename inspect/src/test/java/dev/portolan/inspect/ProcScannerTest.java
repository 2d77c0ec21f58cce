package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole Linux scan over a /proc built in a temporary directory. */
class ProcScannerTest {
    @TempDir
    Path proc;

    private Path passwd;

    @BeforeEach
    void buildProc() throws IOException {
        Path net = Files.createDirectories(proc.resolve("net"));
        for (String t : List.of("tcp", "tcp6", "udp", "udp6")) {
            Files.write(net.resolve(t), Fixtures.bytes("proc-net-" + t + ".txt"));
        }
        Path ipv4 = Files.createDirectories(proc.resolve("sys/net/ipv4"));
        Files.writeString(ipv4.resolve("ip_local_port_range"), "32768\t60999\n");
        Files.writeString(ipv4.resolve("ip_local_reserved_ports"), "40000-40010,50000\n");
        Files.writeString(ipv4.resolve("ip_unprivileged_port_start"), "1024\n");
        process(1, "systemd", "/sbin/init\0splash\0", 18001);
        process(612, "systemd-resolve", "/lib/systemd/systemd-resolved\0", 15001);
        process(800, "nginx", "nginx: master process /usr/sbin/nginx\0", 21001);
        process(801, "nginx", "nginx: worker process\0", 21001);
        process(900, "kworker/0:1", "", 0);
        Files.createDirectories(proc.resolve("self"));
        Files.createDirectories(proc.resolve("sys/kernel"));
        passwd = proc.resolve("passwd-fixture");
        Files.write(passwd, Fixtures.bytes("passwd"));
    }

    /** A process directory whose descriptor 3 is the socket with that inode (0: none), and an eventfd as 0. */
    private void process(long pid, String comm, String cmdline, long inode) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.write(dir.resolve("cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
        Path fd = Files.createDirectories(dir.resolve("fd"));
        Files.createSymbolicLink(fd.resolve("0"), Path.of("anon_inode:[eventfd]"));
        if (inode != 0) {
            Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[" + inode + "]"));
            Files.createSymbolicLink(fd.resolve("4"), Path.of("pipe:[" + inode + "]"));
        }
    }

    private SocketScan scan(boolean established) throws InspectException {
        return new ProcScanner(proc, passwd, ByteOrder.LITTLE_ENDIAN).scan(established);
    }

    private static String line(LocalSocket s) {
        StringBuilder b = new StringBuilder(s.transport() + " " + s.endpoint() + " " + s.state() + " user " + s.user());
        for (SocketOwner o : s.owners()) {
            b.append(" | ").append(o.pid()).append(' ').append(o.name()).append(" [").append(o.commandLine()).append(']');
        }
        return b.toString();
    }

    @Test
    void words_areWhatSplittingOnWhiteSpaceGives() {
        java.util.Random random = new java.util.Random(5);
        String alphabet = "ab1 \t\n\r\f\u000B\u2003\u00a0";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            org.assertj.core.api.Assertions.assertThat(ProcSettings.words(text)).as("\"%s\"", text)
                    .containsExactly(text.strip().split("\\s+"));
        }
    }

    @Test
    void socketsAreMatchedToTheProcessesThatHoldThem() throws InspectException {
        SocketScan scan = scan(false);
        assertThat(scan.platform()).isEqualTo(Platform.LINUX);
        assertThat(scan.source()).isEqualTo(proc.resolve("net").toString());
        assertThat(scan.sockets()).map(ProcScannerTest::line).containsExactly(
                "tcp 0.0.0.0:22 listen user root | 1 systemd [/sbin/init splash]",
                "tcp [fe80::c2a6:27ff:9adb:56fe]:22 listen user root",
                "tcp [::]:80 listen user www-data | 800 nginx [nginx: master process /usr/sbin/nginx]"
                        + " | 801 nginx [nginx: worker process]",
                "tcp 127.0.0.1:631 listen user root",
                "tcp [::1]:8080 listen user alice",
                "tcp [::ffff:127.0.0.1]:9000 listen user alice",
                "udp 127.0.0.53:53 bound user systemd-resolve | 612 systemd-resolve [/lib/systemd/systemd-resolved]",
                "udp 0.0.0.0:68 bound user root",
                "udp [::]:5353 bound user avahi");
        assertThat(scan.withoutOwner()).isEqualTo(6);
        assertThat(scan.limitations()).isEmpty();
        assertThat(scan.notes()).containsExactly(Note.of("scan.hidden", "count", 6, "reason",
                Note.of("hidden.noProcessInView", "sockets", 6)));
        // the notes of a port concern its own sockets
        assertThat(scan.notes(scan.at(631, dev.portolan.core.Transport.TCP))).containsExactly(Note.of("scan.hidden",
                "count", 1, "reason", Note.of("hidden.noProcessInView", "sockets", 1)));
        assertThat(scan.notes(scan.at(53, dev.portolan.core.Transport.UDP))).isEmpty();
    }

    @Test
    void establishedConnections_onlyWhenAsked() throws InspectException {
        assertThat(scan(true).sockets()).filteredOn(s -> s.state() == SocketState.ESTABLISHED)
                .map(ProcScannerTest::line).containsExactly("tcp 192.168.1.20:22 established user root",
                        "udp 192.168.1.20:55839 established user alice");
    }

    @Test
    void onePortsScan_isTheWholeScansSocketsOfThatPort() throws InspectException {
        ProcScanner scanner = new ProcScanner(proc, passwd, ByteOrder.LITTLE_ENDIAN);
        SocketScan whole = scanner.scan(true);
        java.util.Set<Integer> ports = new java.util.TreeSet<>(List.of(0, 1, 631, 9000, 65535));
        for (LocalSocket s : whole.sockets()) {
            ports.add(s.port());
        }
        for (int port : ports) {
            SocketScan one = scanner.scanPort(port);
            assertThat(one.sockets()).as("port %d", port).map(ProcScannerTest::line)
                    .containsExactlyElementsOf(whole.onPort(port).sockets().stream().map(ProcScannerTest::line).toList());
            assertThat(one.sockets()).allMatch(s -> s.port() == port);
            assertThat(one.settings()).isEqualTo(whole.settings());
            assertThat(one.notes(one.sockets())).isEqualTo(whole.notes(whole.onPort(port).sockets()));
        }
        // port 22 has a listener on IPv4 and IPv6 and an established connection
        assertThat(scanner.scanPort(22).sockets()).map(ProcScannerTest::line).containsExactly(
                "tcp 0.0.0.0:22 listen user root | 1 systemd [/sbin/init splash]",
                "tcp 192.168.1.20:22 established user root",
                "tcp [fe80::c2a6:27ff:9adb:56fe]:22 listen user root");
    }

    @Test
    void aDamagedLine_isRefused_byAOnePortScanToo() throws Exception {
        Path tcp = proc.resolve("net/tcp");
        Files.writeString(tcp, Files.readString(tcp) + "   9: 0100007F:ZZZZ 00000000:0000 0A 00000000:00000000 "
                + "00:00000000 00000000     0        0 99999 1 0000000000000000 100 0 0 10 0\n");
        ProcScanner scanner = new ProcScanner(proc, passwd, ByteOrder.LITTLE_ENDIAN);
        assertThatThrownBy(() -> scanner.scanPort(22)).isInstanceOf(InspectException.class)
                .hasMessageContaining("local address port");
    }

    @Test
    void settingsComeFromSysNetIpv4() throws InspectException {
        PortSettings s = scan(false).settings();
        assertThat(s.ephemeral(Transport.TCP)).isEqualTo(new PortRange(32768, 60999));
        assertThat(s.ephemeral(Transport.UDP)).isEqualTo(new PortRange(32768, 60999));
        assertThat(s.reserved()).containsExactly(new PortRange(40000, 40010), new PortRange(50000, 50000));
        assertThat(s.privilegedBelow()).isEqualTo(1024);
        assertThat(s.isEphemeral(45000, Transport.TCP)).isTrue();
        assertThat(s.isEphemeral(40005, Transport.TCP)).as("reserved").isFalse();
        assertThat(s.isEphemeral(8080, Transport.TCP)).isFalse();
        assertThat(s.bindPermission(80)).isEqualTo(PortSettings.BindPermission.PRIVILEGED);
        assertThat(s.bindPermission(1024)).isEqualTo(PortSettings.BindPermission.ANY_USER);
        assertThat(s.source()).isEqualTo(proc.resolve("sys/net/ipv4").toString());
    }

    @Test
    void olderKernels_withoutUnprivilegedPortStart_use1024() throws Exception {
        Files.delete(proc.resolve("sys/net/ipv4/ip_unprivileged_port_start"));
        Files.delete(proc.resolve("sys/net/ipv4/ip_local_reserved_ports"));
        PortSettings s = scan(false).settings();
        assertThat(s.privilegedBelow()).isEqualTo(1024);
        assertThat(s.reserved()).isEmpty();
    }

    @Test
    void aKernelWithoutIpv6_listsIpv4Only() throws Exception {
        Files.delete(proc.resolve("net/tcp6"));
        Files.delete(proc.resolve("net/udp6"));
        assertThat(scan(false).sockets()).allMatch(s -> s.family() == AddressFamily.IPV4).hasSize(4);
    }

    @Test
    void damagedSettings_areRefused() throws Exception {
        Path range = proc.resolve("sys/net/ipv4/ip_local_port_range");
        Files.writeString(range, "60999 32768\n");
        assertThatThrownBy(() -> scan(false)).isInstanceOf(InspectException.class).hasMessage(range
                + " is \"60999 32768?\", expected two port numbers from 0 to 65535, the lower first");
        Files.writeString(range, "32768\n");
        assertThatThrownBy(() -> scan(false)).isInstanceOf(InspectException.class)
                .hasMessage(range + " is \"32768?\", expected two port numbers");
        Files.writeString(range, "32768 60999\n");
        Path reserved = proc.resolve("sys/net/ipv4/ip_local_reserved_ports");
        Files.writeString(reserved, "8080,9000-x\n");
        assertThatThrownBy(() -> scan(false)).isInstanceOf(InspectException.class)
                .hasMessage(reserved + " has \"x\", expected a number");
        Files.delete(reserved);
        Files.delete(range);
        assertThatThrownBy(() -> scan(false)).isInstanceOf(InspectException.class)
                .hasMessage(range + ": no such file (is /proc mounted?)");
    }

    @Test
    void aDamagedSocketTable_isRefused() throws Exception {
        Files.writeString(proc.resolve("net/udp"), "garbage\n");
        assertThatThrownBy(() -> scan(false)).isInstanceOf(InspectException.class)
                .hasMessage(proc.resolve("net/udp") + ": line 1 is not the table's header, expected a line naming local_address");
    }
}
