package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Sockets this test opens are found, on IPv4 and IPv6, with this JVM's process id. */
@EnabledOnOs(OS.LINUX)
class LiveLinuxSocketsTest {
    private static final long PID = ProcessHandle.current().pid();

    private static int port(java.nio.channels.NetworkChannel c) throws IOException {
        return ((InetSocketAddress) c.getLocalAddress()).getPort();
    }

    private static LocalSocket find(SocketScan scan, Transport t, String address, int port, SocketState state) {
        List<LocalSocket> found = scan.sockets().stream().filter(s -> s.transport() == t && s.port() == port
                && s.address().equals(address) && s.state() == state).toList();
        assertThat(found).as("%s %s:%d %s in %s", t, address, port, state, scan.sockets()).hasSize(1);
        return found.get(0);
    }

    private static void ownedByThisJvm(LocalSocket s) {
        assertThat(s.owners()).as("owners of %s", s).extracting(SocketOwner::pid).contains(PID);
        SocketOwner me = s.owners().stream().filter(o -> o.pid() == PID).findFirst().orElseThrow();
        assertThat(me.name()).isEqualTo("java");
        assertThat(me.commandLine()).contains("java");
        assertThat(me.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(s.user()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void ownPid_isThisJvms() {
        assertThat(LocalSockets.forThisMachine().ownPid()).isEqualTo(PID);
    }

    @Test
    void tcpAndUdpOnIpv4AndIpv6_areFoundWithThisJvmsPid() throws Exception {
        try (ServerSocketChannel tcp4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
                ServerSocketChannel tcp6 = ServerSocketChannel.open(StandardProtocolFamily.INET6);
                DatagramChannel udp4 = DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel udp6 = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            tcp4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            tcp6.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            udp4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            udp6.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));

            SocketScan scan = LocalSockets.forThisMachine().scan(false);

            LocalSocket t4 = find(scan, Transport.TCP, "127.0.0.1", port(tcp4), SocketState.LISTEN);
            assertThat(t4.family()).isEqualTo(AddressFamily.IPV4);
            ownedByThisJvm(t4);
            LocalSocket t6 = find(scan, Transport.TCP, "::1", port(tcp6), SocketState.LISTEN);
            assertThat(t6.family()).isEqualTo(AddressFamily.IPV6);
            assertThat(t6.isLoopback()).isTrue();
            ownedByThisJvm(t6);
            ownedByThisJvm(find(scan, Transport.UDP, "127.0.0.1", port(udp4), SocketState.BOUND));
            LocalSocket u6 = find(scan, Transport.UDP, "::", port(udp6), SocketState.BOUND);
            assertThat(u6.isWildcard()).isTrue();
            ownedByThisJvm(u6);
            assertThat(scan.settings().source()).isEqualTo("/proc/sys/net/ipv4");
        }
    }

    @Test
    void establishedConnections_areListedOnlyWhenAsked() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = port(server);
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
                client.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                SocketChannel accepted = server.accept();
                int clientPort = port(client);

                SocketScan all = LocalSockets.forThisMachine().scan(true);
                LocalSocket out = find(all, Transport.TCP, "127.0.0.1", clientPort, SocketState.ESTABLISHED);
                assertThat(out.remoteAddress()).isEqualTo("127.0.0.1");
                assertThat(out.remotePort()).isEqualTo(port);
                ownedByThisJvm(out);
                assertThat(all.sockets()).anyMatch(s -> s.port() == port && s.state() == SocketState.ESTABLISHED
                        && Integer.valueOf(clientPort).equals(s.remotePort()));

                SocketScan listening = LocalSockets.forThisMachine().scan(false);
                assertThat(listening.sockets()).noneMatch(s -> s.state() == SocketState.ESTABLISHED);
                ownedByThisJvm(find(listening, Transport.TCP, "127.0.0.1", port, SocketState.LISTEN));
                assertThat(accepted.isConnected()).isTrue();
                accepted.close();
            }
        }
    }
}
