package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSockets;
import dev.portolan.inspect.audit.MalwarePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The commands on this machine's real sockets, opened by the test. */
@EnabledOnOs(OS.LINUX)
class LiveInspectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path home;

    private static int port(java.nio.channels.NetworkChannel c) throws java.io.IOException {
        return ((InetSocketAddress) c.getLocalAddress()).getPort();
    }

    private static List<JsonNode> matching(JsonNode all, String transport, String address, int port) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : all) {
            if (s.get("transport").asText().equals(transport) && s.get("address").asText().equals(address)
                    && s.get("port").asInt() == port) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A port held by a connection, not a listener: the local end of an outgoing connection (an
     * ephemeral port), and one that a closed connection keeps in TIME-WAIT. Both used to be
     * answered "nothing holds port N here" and "free".
     */
    /** A client over IPv4 only (an open channel is dual-stack: it would show as ::ffff:127.0.0.1). */
    private static java.nio.channels.SocketChannel connect(ServerSocketChannel server) throws java.io.IOException {
        java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open(StandardProtocolFamily.INET);
        c.connect(server.getLocalAddress());
        return c;
    }

    @Test
    void whoAndCheck_seeConnections_andTimeWait_andNoteOnlyThePortsOwnSockets() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            try (java.nio.channels.SocketChannel client = connect(server);
                    java.nio.channels.SocketChannel accepted = server.accept()) {
                assertThat(accepted.isConnected()).isTrue();
                int local = port(client);
                Cli.Run who = Cli.run(home, "who", Integer.toString(local), "--tcp");
                assertThat(who.outLines()).first().asString().startsWith("127.0.0.1:" + local + "/tcp established to 127.0.0.1:"
                        + port(server) + ": java (pid " + PID);
                Cli.Run check = Cli.run(home, "check", local + "/tcp");
                assertThat(check.code()).isEqualTo(ExitCode.TAKEN);
                assertThat(check.outLines()).first().asString().startsWith(local + "/tcp: taken on 127.0.0.1 by java (pid "
                        + PID).endsWith("(established connection to 127.0.0.1:" + port(server) + ")");
                Cli.Run json = Cli.run(home, "who", Integer.toString(local), "--tcp", "--format", "json");
                JsonNode sockets = JSON.readTree(json.out()).get("sockets");
                assertThat(sockets).hasSize(1);
                assertThat(sockets.get(0).get("state").asText()).isEqualTo("established");
                // The notes concern this port's sockets only: every one of them has its owner here.
                assertThat(who.out()).doesNotContain("no visible owner");
            }
            // The side that closes first keeps its port in TIME-WAIT, with no process.
            java.nio.channels.SocketChannel client = connect(server);
            int closed = port(client);
            try (java.nio.channels.SocketChannel accepted = server.accept()) {
                try (client) {
                    assertThat(client.isConnected()).isTrue();
                }
                accepted.read(java.nio.ByteBuffer.allocate(1)); // the peer's FIN: then close this side
            }
            Cli.Run who = Cli.run(home, "who", Integer.toString(closed), "--tcp");
            assertThat(who.outLines()).first().asString().startsWith("127.0.0.1:" + closed + "/tcp time-wait to 127.0.0.1:"
                    + port(server) + ": no process");
            Cli.Run check = Cli.run(home, "check", closed + "/tcp");
            assertThat(check.code()).as(check.out()).isEqualTo(ExitCode.OK);
            assertThat(check.outLines()).contains(closed + "/tcp: free").anySatisfy(l -> assertThat(l)
                    .contains("keeps it in TIME-WAIT").contains("SO_REUSEADDR"));
            assertThat(who.out()).doesNotContain("no visible owner");
        }
    }

    @Test
    void suggest_proposesFreePortsWithTheirReasons_andRefusesABadCount() throws Exception {
        Cli.Run r = Cli.run(home, "suggest", "-n", "3", "--seed", "5");
        assertThat(r.code()).isZero();
        String[] ports = r.outLines().get(0).trim().split("\\s+");
        assertThat(ports).hasSize(3);
        for (String p : ports) {
            // each is free here: check agrees
            assertThat(Cli.run(home, "check", p).code()).as(p).isEqualTo(ExitCode.OK);
        }
        assertThat(r.out()).contains("unassigned in the IANA registry", "free on this machine now");
        assertThat(Cli.run(home, "suggest", "-n", "3", "--seed", "5").out()).isEqualTo(r.out());
        JsonNode json = JSON.readTree(Cli.run(home, "suggest", "-n", "2", "--udp", "--format", "json").out());
        assertThat(json.get("ports")).hasSize(2);
        assertThat(json.get("transports").get(0).asText()).isEqualTo("udp");
        Cli.Run bad = Cli.run(home, "suggest", "-n", "0");
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("-n must be between 1 and 100, not 0");
    }

    /**
     * A child JVM that listens on a free TCP port and prints it; with {@code ignoreTerm}, it ignores
     * SIGTERM. Started from a one-file program in the test's directory, with this JVM's java.
     */
    private Process listener(boolean ignoreTerm) throws Exception {
        java.nio.file.Path source = home.resolve(ignoreTerm ? "Stubborn.java" : "Polite.java");
        java.nio.file.Files.writeString(source, "public class " + (ignoreTerm ? "Stubborn" : "Polite") + " {\n"
                + "  public static void main(String[] a) throws Exception {\n"
                + (ignoreTerm ? "    sun.misc.Signal.handle(new sun.misc.Signal(\"TERM\"), s -> {});\n" : "")
                + "    var s = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName(\"127.0.0.1\"));\n"
                + "    System.out.println(s.getLocalPort()); System.out.flush(); Thread.sleep(120_000);\n  }\n}\n");
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, source.toString()).start();
    }

    private static int portOf(Process p) throws Exception {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
        return Integer.parseInt(line.strip());
    }

    @Test
    void free_asksOrDryRuns_thenStopsTheHolder_withSigkillWhenSigtermIsIgnored() throws Exception {
        Process polite = listener(false);
        try {
            int port = portOf(polite);
            Cli.Run dry = Cli.run(home, "free", Integer.toString(port), "--dry-run");
            assertThat(dry.code()).isZero();
            assertThat(dry.out()).contains("port " + port + " is held by:", "would do:",
                    "stop pid " + polite.pid() + " (java) with SIGTERM, then SIGKILL if it still runs after 5 s");
            // without a terminal and without --yes it asks for --yes and stops nothing
            Cli.Run unasked = Cli.run(home, "free", Integer.toString(port));
            assertThat(unasked.code()).isEqualTo(ExitCode.FAILURE);
            assertThat(unasked.err()).contains("give --yes to stop without asking");
            assertThat(polite.isAlive()).isTrue();
            Cli.Run freed = Cli.run(home, "free", port + "/tcp", "--yes");
            assertThat(freed.code()).as(freed.out()).isZero();
            assertThat(freed.out()).contains("pid " + polite.pid() + " (java) ended after SIGTERM",
                    "port " + port + " is free now");
            assertThat(polite.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            polite.destroyForcibly();
        }
        Process stubborn = listener(true);
        try {
            int port = portOf(stubborn);
            Cli.Run freed = Cli.run(home, "free", Integer.toString(port), "--yes", "--grace", "1");
            assertThat(freed.code()).as(freed.out()).isZero();
            assertThat(freed.out()).contains("did not end within 1 s of SIGTERM and was killed with SIGKILL");
        } finally {
            stubborn.destroyForcibly();
        }
        // nothing to free, and bad input
        assertThat(Cli.run(home, "free", "1", "--tcp").out()).contains("nothing holds port 1 here (tcp): it is free");
        assertThat(Cli.run(home, "free", "0").code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Cli.run(home, "free", "80", "--grace", "601").err()).contains("--grace must be between 0 and 600");
    }

    @Test
    void free_ofAPortThisProgramHolds_refusesToStopIt() throws Exception {
        try (java.net.ServerSocket held = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(held.getLocalPort());
            Cli.Run r = Cli.run(home, "free", port, "--yes");
            assertThat(r.out()).contains("not stopped: pid " + PID + " is this program");
            assertThat(held.isClosed()).isFalse();
        }
    }

    @Test
    void free_refusesInitThisProgramAndContainerProxies_andStopsServicesThroughSystemd() {
        java.util.function.LongFunction<java.util.Optional<String>> units = pid -> pid == 812
                ? java.util.Optional.of("nginx.service") : java.util.Optional.empty();
        long self = 4242;
        assertThat(FreeCommand.step(new dev.portolan.inspect.SocketOwner(1, "systemd", null, "root"), units, self, 5))
                .isInstanceOf(FreeCommand.Refuse.class).extracting(s -> s.plan(CliText.english())).asString()
                .contains("pid 1 (systemd) is the system's init");
        assertThat(FreeCommand.step(new dev.portolan.inspect.SocketOwner(self, "java", null, "root"), units, self, 5).plan(CliText.english()))
                .isEqualTo("not stopped: pid 4242 is this program");
        assertThat(FreeCommand.step(new dev.portolan.inspect.SocketOwner(900, "docker-proxy", null, "root"), units, self, 5)
                .plan(CliText.english())).contains("publishes a container's port: stop the container", "never its proxy");
        assertThat(FreeCommand.step(new dev.portolan.inspect.SocketOwner(812, "nginx", null, "root"), units, self, 5))
                .isEqualTo(new FreeCommand.StopUnit("nginx.service", 812));
        assertThat(FreeCommand.step(new dev.portolan.inspect.SocketOwner(813, "node", null, "alice"), units, self, 5))
                .isEqualTo(new FreeCommand.Signal(813, "node", 5));
    }

    @Test
    void listeningJson_findsThisJvmsSockets_andWhoAndCheckAgree() throws Exception {
        try (ServerSocketChannel tcp4 = ServerSocketChannel.open(StandardProtocolFamily.INET);
                ServerSocketChannel tcp6 = ServerSocketChannel.open(StandardProtocolFamily.INET6);
                DatagramChannel udp4 = DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel udp6 = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            tcp4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            tcp6.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            udp4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            udp6.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));

            Cli.Run r = Cli.run(home, "listening", "--format", "json");
            assertThat(r.code()).isZero();
            JsonNode all = JSON.readTree(r.out());
            for (Object[] expected : new Object[][] {{"tcp", "127.0.0.1", port(tcp4), "listen"},
                {"tcp", "::1", port(tcp6), "listen"}, {"udp", "127.0.0.1", port(udp4), "bound"},
                {"udp", "::1", port(udp6), "bound"}}) {
                List<JsonNode> found = matching(all, (String) expected[0], (String) expected[1], (Integer) expected[2]);
                assertThat(found).as("%s", List.of(expected)).hasSize(1);
                assertThat(found.get(0).get("pid").asLong()).isEqualTo(PID);
                assertThat(found.get(0).get("process").asText()).isEqualTo("java");
                assertThat(found.get(0).get("state").asText()).isEqualTo(expected[3]);
            }

            Cli.Run who = Cli.run(home, "who", Integer.toString(port(tcp4)), "--tcp");
            assertThat(who.outLines()).first().asString()
                    .startsWith("127.0.0.1:" + port(tcp4) + "/tcp listen: java (pid " + PID);
            Cli.Run check = Cli.run(home, "check", port(udp6) + "/udp");
            assertThat(check.code()).isEqualTo(ExitCode.TAKEN);
            assertThat(check.outLines()).first().asString().startsWith(port(udp6) + "/udp: taken on ::1 by java (pid " + PID);

            // The malware source the command line is given reaches the audit.
            MalwarePorts malware = MalwarePorts.of(List.of(
                    new MalwarePorts.Report(port(tcp4), Transport.TCP, "Test Trojan", "this test")));
            Cli.Run audit = Cli.run(home, new LocalInspection(LocalSockets.forThisMachine(), malware), "audit",
                    "--format", "json", "--min-severity", "high");
            assertThat(audit.code()).isEqualTo(ExitCode.FINDINGS);
            JsonNode findings = JSON.readTree(audit.out());
            List<JsonNode> mine = new ArrayList<>();
            findings.forEach(f -> {
                if (f.get("rule").asText().equals("malware-port")) {
                    mine.add(f);
                }
            });
            assertThat(mine).singleElement().satisfies(f -> {
                assertThat(f.get("pid").asLong()).isEqualTo(PID);
                assertThat(f.get("message").asText()).endsWith("a port reported for malware: Test Trojan (this test)");
            });
        }
    }
}
