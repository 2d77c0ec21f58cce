package dev.portolan.inspect.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.inspect.AddressFamily;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.Platform;
import dev.portolan.inspect.PortSettings;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketScan;
import dev.portolan.inspect.SocketState;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AuditTest {
    private static final Registry REGISTRY = Registry.of(Baseline.load());
    private static final PortSettings LINUX = new PortSettings(new PortRange(32768, 60999), new PortRange(32768, 60999),
            List.of(new PortRange(40000, 40000)), 1024, false, "/proc/sys/net/ipv4");

    private static LocalSocket tcp(String address, int port, @Nullable String process, @Nullable String command) {
        return socket(Transport.TCP, address, port, process, command);
    }

    private static LocalSocket socket(Transport t, String address, int port, @Nullable String process,
            @Nullable String command) {
        List<SocketOwner> owners = process == null && command == null ? List.of()
                : List.of(new SocketOwner(100, process, command, "root"));
        return new LocalSocket(t, address.contains(":") ? AddressFamily.IPV6 : AddressFamily.IPV4, address, port,
                t == Transport.TCP ? SocketState.LISTEN : SocketState.BOUND, null, null, "root", owners);
    }

    private static List<String> audit(MalwarePorts malware, LocalSocket... sockets) {
        SocketScan scan = new SocketScan(Platform.LINUX, "/proc/net", List.of(sockets), LINUX, List.of());
        List<String> out = new ArrayList<>();
        for (Finding f : Audit.of(knowledge(malware, List.of())).findings(scan)) {
            out.add(f.severity() + " " + f.rule() + " " + f.socket().endpoint() + ": " + f.message());
        }
        return out;
    }

    /**
     * What the command line gives the audit, from the test registry alone: the status and services
     * of a port and transport, {@code programs} as the programs known everywhere, and the malware.
     */
    static PortKnowledge knowledge(MalwarePorts malware, List<String> programs) {
        return (port, t) -> {
            AssignmentStatus status = AssignmentStatus.UNASSIGNED;
            List<String> services = new ArrayList<>();
            for (Assignment a : REGISTRY.ports().resolve(port, t)) {
                if (a.status() == AssignmentStatus.ASSIGNED) {
                    status = AssignmentStatus.ASSIGNED;
                    if (a.service() != null) {
                        services.add(a.service());
                        services.addAll(a.aliases());
                    }
                } else if (a.status() == AssignmentStatus.RESERVED && status == AssignmentStatus.UNASSIGNED) {
                    status = AssignmentStatus.RESERVED;
                }
            }
            return new PortKnowledge.Facts(status, services, programs, malware.at(port, t));
        };
    }

    private static List<String> audit(LocalSocket... sockets) {
        return audit(MalwarePorts.none(), sockets);
    }

    @Test
    void expectedServers_giveNoFindings() {
        assertThat(audit(tcp("0.0.0.0", 22, "sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups"),
                tcp("::", 22, "systemd", "/sbin/init"), tcp("0.0.0.0", 80, "nginx", "nginx: master process"),
                tcp("0.0.0.0", 443, "caddy", null), tcp("127.0.0.1", 5432, "postgres", null),
                socket(Transport.UDP, "127.0.0.53", 53, "systemd-resolve", null),
                socket(Transport.UDP, "0.0.0.0", 123, "chronyd", null), tcp("127.0.0.1", 6379, "redis-server", null),
                tcp("0.0.0.0", 8080, "ssh", "ssh -L 8080:db:80 jump"), tcp("0.0.0.0", 3000, "node", null),
                tcp("0.0.0.0", 25, "master", "/usr/lib/postfix/sbin/master -w"),
                tcp("127.0.0.1", 631, "cupsd", null)))
                .isEmpty();
    }

    @Test
    void aProgramTheKnowledgeKnowsOnThePort_isExpectedThere() {
        SocketScan scan = new SocketScan(Platform.LINUX, "/proc/net",
                List.of(tcp("0.0.0.0", 80, "tomcat", "tomcat -Dcatalina.base=/srv")), LINUX, List.of());
        assertThat(Audit.of(knowledge(MalwarePorts.none(), List.of())).findings(scan)).hasSize(1);
        assertThat(Audit.of(knowledge(MalwarePorts.none(), List.of("Apache Tomcat", "tomcat"))).findings(scan))
                .as("Tomcat is known to serve HTTP on 80").isEmpty();
    }

    @Test
    void aProcessThatIsNoServerOfThePortsService_isReported() {
        assertThat(audit(tcp("0.0.0.0", 22, "python3", "python3 -m http.server 22"))).containsExactly(
                "medium unexpected-program 0.0.0.0:22: python3 (pid 100) listens on 0.0.0.0:22/tcp, the port of ssh, "
                        + "but is not a known ssh server (sshd, sshd-session, dropbear, tinysshd)");
        assertThat(audit(tcp("0.0.0.0", 22, "ssh", "ssh -L 22:host:22 jump")))
                .as("the ssh client is a forwarder elsewhere, but on the ssh port an SSH server is expected").hasSize(1);
        assertThat(audit(tcp("0.0.0.0", 80, "nc", "nc -l 80"))).singleElement().asString()
                .startsWith("medium unexpected-program 0.0.0.0:80: nc (pid 100) listens on 0.0.0.0:80/tcp, the port of http/www/www-http, but is not a known http/www/www-http server");
    }

    @Test
    void cutNames_andCommandLines_countAsTheProgram() {
        assertThat(audit(socket(Transport.UDP, "127.0.0.53", 53, "systemd-resolve", null))).isEmpty();
        assertThat(audit(tcp("0.0.0.0", 22, "launchd", null))).isEmpty();
        assertThat(audit(tcp("0.0.0.0", 5432, "postmaste", null)).stream().map(s -> s.split(" ")[1]))
                .as("lsof's 9 characters of postmaster").doesNotContain("unexpected-program");
        assertThat(audit(tcp("0.0.0.0", 80, "httpd.exe", null))).isEmpty();
        assertThat(audit(tcp("0.0.0.0", 80, "worker", "/usr/sbin/apache2 -k start"))).isEmpty();
        assertThat(audit(tcp("0.0.0.0", 80, "ng", null))).as("short names are not prefixes").hasSize(1);
    }

    @Test
    void hiddenOwnersAndUnknownServices_areNotGuessedAt() {
        assertThat(audit(tcp("0.0.0.0", 22, null, null))).isEmpty();
        assertThat(audit(tcp("0.0.0.0", 3000, "anything", null))).isEmpty();
    }

    @Test
    void unassignedOrReservedSystemPorts_areReported() {
        assertThat(audit(tcp("0.0.0.0", 4, "x", null))).containsExactly("medium unassigned-system-port 0.0.0.0:4: "
                + "x (pid 100) listens on 0.0.0.0:4/tcp, a system port that the registry lists as unassigned on tcp: "
                + "no standard service runs there");
        assertThat(audit(socket(Transport.UDP, "0.0.0.0", 1023, null, null))).containsExactly(
                "medium unassigned-system-port 0.0.0.0:1023: a process this user cannot see listens on 0.0.0.0:1023/udp, "
                        + "a system port that the registry lists as reserved on udp: no standard service runs there");
        assertThat(audit(tcp("0.0.0.0", 1024, "x", null))).as("not a system port").isEmpty();
    }

    @Test
    void localOnlyServicesOnOtherAddresses_areReported() {
        assertThat(audit(tcp("0.0.0.0", 6379, "redis-server", null))).containsExactly("medium exposed-local-service "
                + "0.0.0.0:6379: redis-server (pid 100) listens on all interfaces (0.0.0.0:6379/tcp), the default port of "
                + "Redis, which normally serves only this machine; this exposes its data, often without a password. "
                + "Bind it to 127.0.0.1 or ::1 unless other machines need it");
        assertThat(audit(tcp("192.168.1.20", 5432, "postgres", null))).singleElement().asString()
                .startsWith("medium exposed-local-service 192.168.1.20:5432: postgres (pid 100) listens on "
                        + "192.168.1.20:5432/tcp, the default port of PostgreSQL");
        assertThat(audit(tcp("::", 2375, "dockerd", null))).first().asString().startsWith("high exposed-local-service");
        assertThat(audit(tcp("::1", 6379, "redis-server", null))).isEmpty();
        assertThat(audit(tcp("::ffff:127.0.0.1", 27017, "mongod", null))).isEmpty();
    }

    @Test
    void tcpListenersInTheEphemeralRange_areReported_unlessReserved() {
        assertThat(audit(tcp("0.0.0.0", 45000, "java", null))).containsExactly("low ephemeral-range 0.0.0.0:45000: "
                + "java (pid 100) listens on 0.0.0.0:45000/tcp, inside this machine's ephemeral range 32768-60999: "
                + "while it is down, an outgoing connection may take the port and keep it from starting; reserve it with "
                + "sysctl net.ipv4.ip_local_reserved_ports=45000");
        assertThat(audit(tcp("0.0.0.0", 40000, "java", null))).isEmpty();
        assertThat(audit(socket(Transport.UDP, "0.0.0.0", 45000, "java", null))).as("UDP clients look the same").isEmpty();
        assertThat(audit(tcp("0.0.0.0", 61000, "java", null))).isEmpty();
    }

    @Test
    void malwarePorts_comeFromTheGivenSource_mostSevereFirst() {
        MalwarePorts source = MalwarePorts.of(List.of(
                new MalwarePorts.Report(31337, Transport.TCP, "Back Orifice", "knowledge/malware.yaml"),
                new MalwarePorts.Report(31337, Transport.UDP, "Back Orifice (UDP)", "knowledge/malware.yaml")));
        assertThat(audit(source, tcp("0.0.0.0", 45000, "java", null), tcp("0.0.0.0", 31337, "evil", null)))
                .containsExactly("high malware-port 0.0.0.0:31337: evil (pid 100) listens on 0.0.0.0:31337/tcp, a port "
                        + "reported for malware: Back Orifice (knowledge/malware.yaml)",
                        "low ephemeral-range 0.0.0.0:45000: java (pid 100) listens on 0.0.0.0:45000/tcp, inside this "
                                + "machine's ephemeral range 32768-60999: while it is down, an outgoing connection may take "
                                + "the port and keep it from starting; reserve it with sysctl "
                                + "net.ipv4.ip_local_reserved_ports=45000");
        assertThat(audit(MalwarePorts.none(), tcp("0.0.0.0", 31337, "evil", null))).isEmpty();
    }

    @Test
    void establishedConnections_areNotAudited() {
        LocalSocket conn = new LocalSocket(Transport.TCP, AddressFamily.IPV4, "192.168.1.20", 22,
                SocketState.ESTABLISHED, "192.168.1.5", 50000, "root", List.of(new SocketOwner(7, "python3", null, null)));
        assertThat(audit(conn)).isEmpty();
    }

    @Test
    void serverProgramNames() {
        assertThat(ServerPrograms.normalize("/usr/sbin/sshd:")).isEqualTo("sshd");
        assertThat(ServerPrograms.normalize("C:\\Windows\\System32\\svchost.exe")).isEqualTo("svchost");
        assertThat(ServerPrograms.matches("systemd-resolve", "systemd-resolved")).isTrue();
        assertThat(ServerPrograms.matches("sshd", "sshd-session")).as("4 characters are no cut-off name").isFalse();
        assertThat(ServerPrograms.of("SSH")).contains("sshd");
        assertThat(ServerPrograms.of("x11")).isNull();
        assertThat(Severity.parse("MEDIUM")).contains(Severity.MEDIUM);
        assertThat(Severity.parse("urgent")).isEmpty();
    }
}
