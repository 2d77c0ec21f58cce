package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portolan listening --format json} lists what {@code ss -tulpn} lists on the same machine:
 * the same (transport, address, port) sockets, held by the same process ids, or hidden from both.
 * Other programs open and close sockets meanwhile, so ss runs before and after, and only sockets
 * that both ss runs show are compared; a difference in the other direction gets two more tries.
 */
@EnabledOnOs(OS.LINUX)
class SsComparisonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** {@code tcp|127.0.0.1|8080} to the process ids that hold it (empty: hidden). */
    private static Map<String, Set<Long>> ss() throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("ss", "-tulpnH").redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeTrue(false, "ss (iproute2) is not installed, so listening cannot be compared with ss -tulpn: "
                    + e.getMessage());
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("ss -tulpnH exit code").isZero();
        Map<String, Set<Long>> sockets = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            String local = f[4];
            int colon = local.lastIndexOf(':');
            String address = local.substring(0, colon);
            int percent = address.indexOf('%');
            if (percent >= 0) {
                address = address.substring(0, percent); // a device the socket is bound to: /proc does not show it
            }
            if (address.startsWith("[") && address.endsWith("]")) {
                address = address.substring(1, address.length() - 1);
            }
            if (address.equals("*")) {
                address = "::"; // ss writes an IPv6 wildcard socket that also takes IPv4 as *
            }
            Set<Long> pids = sockets.computeIfAbsent(f[0] + "|" + address + "|" + local.substring(colon + 1),
                    k -> new TreeSet<>());
            for (int at = line.indexOf("pid="); at >= 0; at = line.indexOf("pid=", at + 4)) {
                int end = at + 4;
                while (end < line.length() && Character.isDigit(line.charAt(end))) {
                    end++;
                }
                pids.add(Long.parseLong(line.substring(at + 4, end)));
            }
        }
        return sockets;
    }

    private Map<String, Set<Long>> portolan() throws IOException {
        Cli.Run r = Cli.run(home, "listening", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Set<Long>> sockets = new HashMap<>();
        for (JsonNode s : JSON.readTree(r.out())) {
            Set<Long> pids = sockets.computeIfAbsent(s.get("transport").asText() + "|" + s.get("address").asText() + "|"
                    + s.get("port").asInt(), k -> new TreeSet<>());
            for (JsonNode o : s.get("owners")) {
                pids.add(o.get("pid").asLong());
            }
            if (s.get("pid").isNull()) {
                assertThat(s.get("process").isNull()).isTrue();
            } else {
                assertThat(pids).contains(s.get("pid").asLong());
            }
        }
        return sockets;
    }

    @Test
    void listeningJson_matchesSsTulpn() throws Exception {
        try (ServerSocketChannel tcp4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
                ServerSocketChannel tcp6 = ServerSocketChannel.open(StandardProtocolFamily.INET6);
                DatagramChannel udp4 = DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel udp6 = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            tcp4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            tcp6.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            udp4.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0));
            udp6.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            String mine = "tcp|127.0.0.1|" + ((InetSocketAddress) tcp4.getLocalAddress()).getPort();

            AssertionError last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Map<String, Set<Long>> before = ss();
                Map<String, Set<Long>> ours = portolan();
                Map<String, Set<Long>> after = ss();
                assertThat(before).containsKey(mine);
                assertThat(ours.get(mine)).containsExactly(ProcessHandle.current().pid());
                Map<String, Set<Long>> stable = new HashMap<>();
                for (Map.Entry<String, Set<Long>> e : before.entrySet()) {
                    if (e.getValue().equals(after.get(e.getKey()))) {
                        stable.put(e.getKey(), e.getValue());
                    }
                }
                assertThat(stable).containsKey(mine);
                for (Map.Entry<String, Set<Long>> e : stable.entrySet()) {
                    assertThat(ours).as("sockets that ss -tulpn lists before and after").containsKey(e.getKey());
                    assertThat(ours.get(e.getKey())).as("process ids of %s", e.getKey()).isEqualTo(e.getValue());
                }
                Set<String> seenBySs = new HashSet<>(before.keySet());
                seenBySs.addAll(after.keySet());
                Set<String> onlyOurs = new HashSet<>(ours.keySet());
                onlyOurs.removeAll(seenBySs);
                if (onlyOurs.isEmpty()) {
                    return;
                }
                last = new AssertionError("listed by portolan but by neither ss run: " + onlyOurs);
            }
            throw last;
        }
    }
}
