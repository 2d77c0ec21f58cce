package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.inspect.audit.MalwarePorts;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owners people recognize: the systemd service of a process (from its cgroup), and the
 * container behind a published port, asked of an engine over its unix socket. No engine runs
 * here: the test serves an answer recorded in the shape of Docker Engine API's
 * {@code GET /containers/json} on a real unix socket.
 */
class ContainersAndServicesTest {
    private static final String CONTAINERS = "[{\"Id\":\"4f2a9c1b7e3d\",\"Names\":[\"/shop-web-1\"],\"Image\":\"nginx:1.27\","
            + "\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":80,\"PublicPort\":8080,\"Type\":\"tcp\"}],"
            + "\"Labels\":{\"com.docker.compose.project\":\"shop\",\"com.docker.compose.service\":\"web\"}},"
            + "{\"Id\":\"77aa\",\"Names\":[\"/metrics\"],\"Image\":\"prom/prometheus:v3\","
            + "\"Ports\":[{\"IP\":\"0.0.0.0\",\"PrivatePort\":9090,\"PublicPort\":9091,\"Type\":\"tcp\"}],\"Labels\":{}}]";

    @TempDir
    Path home;

    @TempDir
    Path proc;

    @TempDir
    Path run;

    /** An engine that answers every request with the recorded list. */
    private Path engine() throws IOException {
        Path socket = run.resolve("docker.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        byte[] body = CONTAINERS.getBytes(StandardCharsets.UTF_8);
        Thread t = new Thread(() -> {
            try (server) {
                while (true) {
                    try (SocketChannel c = server.accept()) {
                        c.read(ByteBuffer.allocate(4096));
                        c.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                        c.write(ByteBuffer.wrap(body));
                    }
                }
            } catch (IOException e) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return socket;
    }

    private LocalInspection machine(List<Path> engines) throws IOException {
        FakeProc p = new FakeProc(proc).tcpListener("0.0.0.0", 22, 612, "sshd")
                .tcpListener("0.0.0.0", 8080, 900, "docker-proxy");
        LocalInspection made = new LocalInspection(p.sockets(), MalwarePorts.none(), engines);
        Files.writeString(proc.resolve("612").resolve("cgroup"), "0::/system.slice/ssh.service\n");
        Files.writeString(proc.resolve("900").resolve("cgroup"), "0::/system.slice/docker.service\n");
        return made;
    }

    @Test
    void who_namesTheSystemdServiceAndTheContainer() throws IOException {
        LocalInspection m = machine(List.of(engine()));
        Cli.Run ssh = Cli.run(home, m, "who", "22/tcp");
        assertThat(ssh.outLines()).contains("  pid 612 runs in the systemd service ssh.service (systemctl status ssh.service)");
        Cli.Run web = Cli.run(home, m, "who", "8080/tcp");
        assertThat(web.outLines()).contains("  container shop-web-1 (image nginx:1.27, compose project shop, service web) "
                + "publishes it; docker stop shop-web-1 frees it");
        // published through the firewall alone: no process holds it, the engine says which container publishes it
        Cli.Run firewall = Cli.run(home, m, "who", "9091/tcp");
        assertThat(firewall.outLines()).startsWith("nothing holds port 9091 here (tcp)",
                "  but container metrics (image prom/prometheus:v3) publishes 9091/tcp through the firewall");
    }

    @Test
    void check_namesThemToo() throws IOException {
        LocalInspection m = machine(List.of(engine()));
        assertThat(Cli.run(home, m, "check", "22/tcp").outLines())
                .contains("  pid 612 runs in the systemd service ssh.service (systemctl stop ssh.service frees the port)");
        assertThat(Cli.run(home, m, "check", "8080/tcp").outLines()).contains("  container shop-web-1 (image nginx:1.27, "
                + "compose project shop, service web) publishes it; docker stop shop-web-1 frees it");
    }

    @Test
    void free_stopsTheServiceThroughSystemd_andNamesTheContainerInsteadOfSignallingItsProxy() throws IOException {
        LocalInspection m = machine(List.of(engine()));
        Cli.Run ssh = Cli.run(home, m, "free", "22/tcp", "--dry-run");
        assertThat(ssh.out()).contains("systemctl stop ssh.service  (pid 612 runs in this systemd service");
        Cli.Run web = Cli.run(home, m, "free", "8080/tcp", "--dry-run");
        assertThat(web.out()).contains("container shop-web-1", "docker stop shop-web-1 frees it",
                "not stopped: pid 900 (docker-proxy) publishes a container's port");
    }

    /** kube-proxy held the node ports of NodePort Services until 2022: who names the Service's way, free refuses. */
    @Test
    void kubeProxy_isNamedAsTheHolderOfANodePort_andFreeRefusesToStopIt() throws IOException {
        FakeProc p = new FakeProc(proc.resolve("k8s")).tcpListener("0.0.0.0", 30046, 951, "kube-proxy");
        LocalInspection m = new LocalInspection(p.sockets(), MalwarePorts.none(), List.of());
        assertThat(Cli.run(home, m, "who", "30046/tcp").outLines()).contains("  kube-proxy holds it for a Kubernetes "
                + "Service of type NodePort: it is the Service that kubectl get services --all-namespaces shows with "
                + ":30046 in its ports");
        assertThat(Cli.run(home, m, "check", "30046/tcp").outLines()).contains("  kube-proxy holds it for a Kubernetes "
                + "Service of type NodePort: it is the Service that kubectl get services --all-namespaces shows with "
                + ":30046 in its ports");
        Cli.Run free = Cli.run(home, m, "free", "30046/tcp", "--yes");
        assertThat(free.out()).contains("not stopped: pid 951 (kube-proxy) is kube-proxy, which holds a node port for a "
                + "Kubernetes Service: change or delete the Service (kubectl get services --all-namespaces shows it), "
                + "never kube-proxy");
    }

    @Test
    void theServiceAndTheContainer_inGerman() throws IOException {
        LocalInspection m = machine(List.of(engine()));
        assertThat(Cli.run(home, m, "who", "22/tcp", "--lang", "de").outLines())
                .contains("  pid 612 läuft im systemd-Dienst ssh.service (systemctl status ssh.service)");
        assertThat(Cli.run(home, m, "check", "8080/tcp", "--lang", "de").outLines()).contains("  Container shop-web-1 "
                + "(Image nginx:1.27, Compose-Projekt shop, Dienst web) veröffentlicht ihn; docker stop shop-web-1 gibt ihn frei");
        assertThat(Cli.run(home, m, "who", "9091/tcp", "--lang", "de").outLines()).startsWith(
                "nichts belegt Port 9091 hier (tcp)",
                "  aber Container metrics (Image prom/prometheus:v3) veröffentlicht 9091/tcp über die Firewall");
        Cli.Run free = Cli.run(home, m, "free", "8080/tcp", "--dry-run", "--lang", "de");
        assertThat(free.outLines()).contains("  nicht beendet: pid 900 (docker-proxy) veröffentlicht den Port eines "
                + "Containers: beenden Sie den Container (docker ps --filter publish=PORT oder podman ps nennt ihn), nie "
                + "seinen Proxy");
        assertThat(Cli.run(home, m, "free", "22/tcp", "--dry-run", "--lang", "de").outLines()).contains("  systemctl stop "
                + "ssh.service  (pid 612 läuft in diesem systemd-Dienst: den Prozess zu beenden, ließe systemd ihn nur neu "
                + "starten)");
        Path closed = Files.writeString(run.resolve("podman.sock"), "");
        Cli.Run unread = Cli.run(home, new LocalInspection(m.sockets(), MalwarePorts.none(), List.of(closed)), "who",
                "8080/tcp", "--lang", "de");
        assertThat(unread.outLines()).contains("  ein Container veröffentlicht ihn (docker ps --filter publish=8080 oder "
                + "podman ps nennt ihn)").anySatisfy(l -> assertThat(l).startsWith("Hinweis: der Socket " + closed
                        + " der Container-Engine konnte nicht gelesen werden"));
    }

    @Test
    void anEngineThatCannotBeRead_isANote_andTheProxyIsStillSaidToPublishAContainer() throws IOException {
        Path closed = Files.writeString(run.resolve("podman.sock"), "");
        LocalInspection m = machine(List.of(closed));
        Cli.Run web = Cli.run(home, m, "who", "8080/tcp");
        assertThat(web.outLines()).contains("  a container publishes it (docker ps --filter publish=8080, or podman ps, names it)")
                .anySatisfy(l -> assertThat(l).startsWith("note: the container engine's socket " + closed
                        + " could not be read"));
    }
}
