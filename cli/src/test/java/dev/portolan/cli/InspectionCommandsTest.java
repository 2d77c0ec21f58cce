package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.Transport;
import dev.portolan.inspect.audit.MalwarePorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** listening, who, check and audit over a /proc with known sockets: exact output and exit codes. */
class InspectionCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path proc;

    private LocalInspection machine;

    /** Two listeners with processes, one without, and a bound UDP socket without a process. */
    private LocalInspection machine() {
        if (machine != null) {
            return machine;
        }
        FakeProc p = new FakeProc(proc).tcpListener("0.0.0.0", 22, 612, "sshd")
                .tcpListener("127.0.0.1", 5432, 700, "postgres").tcpListener("0.0.0.0", 8080, 0, "")
                .udpSocket("127.0.0.53", 53, 0, "");
        machine = new LocalInspection(p.sockets(), MalwarePorts.none());
        return machine;
    }

    private Cli.Run run(String... args) {
        return Cli.run(home, machine(), args);
    }

    @Test
    void listening_table() {
        Cli.Run r = run("listening");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).containsExactly(
                "PROTO  LOCAL           STATE   PID  PROCESS   USER    SERVICE",
                "tcp    0.0.0.0:22      listen  612  sshd      tester  ssh",
                "tcp    127.0.0.1:5432  listen  700  postgres  tester  postgresql",
                "tcp    0.0.0.0:8080    listen  -    (hidden)  tester  http-alt",
                "udp    127.0.0.53:53   bound   -    (hidden)  tester  domain",
                "",
                "note: 2 sockets have no visible owner: no process in view holds them (the kernel, or a process in "
                        + "another PID namespace, such as a container's)",
                "read from: " + proc.resolve("net"));
    }

    @Test
    void listening_jsonAndCsv_withTransportFilters() throws Exception {
        Cli.Run r = run("listening", "--format", "json", "--tcp");
        assertThat(r.code()).isZero();
        JsonNode all = JSON.readTree(r.out());
        assertThat(all).hasSize(3);
        JsonNode ssh = all.get(0);
        assertThat(ssh.get("transport").asText()).isEqualTo("tcp");
        assertThat(ssh.get("family").asText()).isEqualTo("ipv4");
        assertThat(ssh.get("address").asText()).isEqualTo("0.0.0.0");
        assertThat(ssh.get("port").asInt()).isEqualTo(22);
        assertThat(ssh.get("state").asText()).isEqualTo("listen");
        assertThat(ssh.get("pid").asLong()).isEqualTo(612);
        assertThat(ssh.get("process").asText()).isEqualTo("sshd");
        assertThat(ssh.get("command").asText()).isEqualTo("/usr/sbin/sshd");
        assertThat(ssh.get("service").asText()).isEqualTo("ssh");
        assertThat(ssh.get("owners")).hasSize(1);
        JsonNode hidden = all.get(2);
        assertThat(hidden.get("pid").isNull()).isTrue();
        assertThat(hidden.get("process").isNull()).isTrue();
        assertThat(hidden.get("owners")).isEmpty();
        assertThat(r.errLines()).singleElement().asString().startsWith("note: 2 sockets have no visible owner");

        Cli.Run udp = run("listening", "--udp", "--format", "csv");
        assertThat(udp.outLines()).containsExactly(
                "transport,family,address,port,state,remoteAddress,remotePort,pid,process,user,command,service",
                "udp,ipv4,127.0.0.53,53,bound,,,,,tester,,domain");
    }

    @Test
    void who_namesTheProcessAndTheRegistryEntry() throws Exception {
        Cli.Run r = run("who", "22");
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).startsWith("0.0.0.0:22/tcp listen: sshd (pid 612, tester)", "  pid 612: /usr/sbin/sshd",
                "", "registry:", "  22/tcp  ssh  assigned  The Secure Shell (SSH) Protocol",
                "  22/udp  ssh  assigned  The Secure Shell (SSH) Protocol");

        assertThat(run("who", "8080/tcp").outLines()).startsWith(
                "0.0.0.0:8080/tcp listen: a process this user cannot see (socket owned by tester)");
        assertThat(run("who", "9999", "--udp").outLines()).first().isEqualTo("nothing holds port 9999 here (udp)");

        JsonNode json = JSON.readTree(run("who", "5432/tcp", "-f", "json").out());
        assertThat(json.get("port").asInt()).isEqualTo(5432);
        assertThat(json.get("sockets").get(0).get("pid").asLong()).isEqualTo(700);
        assertThat(json.get("registry").get(0).get("service").asText()).isEqualTo("postgresql");
        // what the scan could not see, of this port's own sockets only: postgres's is seen
        assertThat(json.get("limitations")).isEmpty();
        assertThat(JSON.readTree(run("who", "8080/tcp", "-f", "json").out()).get("limitations")).singleElement()
                .extracting(JsonNode::asText).asString().startsWith("1 socket has no visible owner: no process in view holds it");
    }

    @Test
    void check_freePort_saysWhoMayBindIt_andHowToCheckByHand() {
        Cli.Run r = run("check", "8081");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.outLines()).startsWith("8081/tcp: free", "8081/udp: free",
                "binding: any user may bind port 8081 here (ports below 1024 are privileged)",
                "  source: Linux ip(7): ports below 1024 are privileged and need CAP_NET_BIND_SERVICE to bind. Linux "
                        + "man-pages project. https://man7.org/linux/man-pages/man7/ip.7.html",
                "  source: Linux capabilities(7): CAP_NET_BIND_SERVICE binds Internet domain privileged ports (below "
                        + "1024). Linux man-pages project. https://man7.org/linux/man-pages/man7/capabilities.7.html",
                "  source: Linux kernel documentation, IP sysctl: ip_local_port_range and ip_unprivileged_port_start. "
                        + "The Linux Kernel documentation. https://docs.kernel.org/networking/ip-sysctl.html",
                "  source: Linux commit 4548b683b781: Introduce a sysctl that modifies the value of PROT_SOCK "
                        + "(net.ipv4.ip_unprivileged_port_start). kernel.org. https://git.kernel.org/pub/scm/linux/kernel/"
                        + "git/torvalds/linux.git/commit/?id=4548b683b78137f8eadeb312b94e20bb0d4a7141",
                "ephemeral: 8081 lies outside this machine's ephemeral range 32768-60999 (tcp, udp)",
                "  source: Linux kernel documentation, IP sysctl: ip_local_port_range and ip_unprivileged_port_start. "
                        + "The Linux Kernel documentation. https://docs.kernel.org/networking/ip-sysctl.html",
                "  source: Linux commit 07f4c90062f8: tcp/dccp: try to not exhaust ip_local_port_range in connect() "
                        + "(default becomes 32768-60999). kernel.org. https://git.kernel.org/pub/scm/linux/kernel/git/"
                        + "torvalds/linux.git/commit/?id=07f4c90062f8fc7c8c26f8f95324cbe8fa3145a5",
                "registry:", "  8081/tcp  sunproxyadmin  assigned  Sun Proxy Admin Service",
                "  8081/udp  sunproxyadmin  assigned  Sun Proxy Admin Service", "",
                "known of port 8081 (portolan explain 8081 has the whole page):");
        assertThat(r.outLines()).containsSubsequence("known of port 8081 (portolan explain 8081 has the whole page):",
                "sources:", "", "check by hand (Linux):", "  ss -ltnp 'sport = :8081'", "  ss -lunp 'sport = :8081'");
        // every known sentence carries its source numbers, and every number is listed under sources
        List<String> known = r.outLines().subList(r.outLines().indexOf("known of port 8081 (portolan explain 8081 has "
                + "the whole page):") + 1, r.outLines().indexOf("sources:"));
        assertThat(known).isNotEmpty().allSatisfy(l -> assertThat(l).matches("  .*\\[\\d+](\\[\\d+])*|  \\.\\.\\. and .*"));
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l).startsWith("  [1] "));

        Cli.Run low = run("check", "81/tcp");
        assertThat(low.outLines()).contains("binding: only root, or a program with the capability CAP_NET_BIND_SERVICE, "
                + "may bind port 81 here (ports below 1024 are privileged: sysctl net.ipv4.ip_unprivileged_port_start)");
        Cli.Run ephemeral = run("check", "40000", "--udp");
        assertThat(ephemeral.outLines()).contains("ephemeral: 40000 lies inside this machine's ephemeral range "
                + "32768-60999 (udp): the system may give it to an outgoing connection or to a program that binds port 0, "
                + "so a service may find it taken (reserve it with sysctl net.ipv4.ip_local_reserved_ports)",
                "  ss -lunp 'sport = :40000'");
    }

    /** The issue's own example: check 3000 says that Rails, Next.js and Grafana default to it. */
    @Test
    void check_3000_namesTheProgramsThatDefaultToIt_andJsonCarriesThemWithSources() throws Exception {
        Cli.Run r = run("check", "3000", "--tcp");
        String out = r.out();
        assertThat(out).contains("Grafana uses TCP port 3000 for its web interface.",
                "Ruby on Rails uses TCP port 3000 for its development server.",
                "Next.js uses TCP port 3000 for its development server.");
        JsonNode json = JSON.readTree(run("check", "3000", "--format", "json").out());
        JsonNode known = json.path("known");
        assertThat(known.path("programs").findValuesAsText("name")).contains("Grafana", "Ruby on Rails", "Next.js");
        assertThat(known.path("sources").findValuesAsText("url")).allSatisfy(u -> assertThat(u).startsWith("https://"));
        for (JsonNode p : known.path("programs")) {
            for (JsonNode c : p.path("cites")) {
                assertThat(known.path("sources").findValuesAsText("id")).contains(c.asText());
            }
        }
        JsonNode who = JSON.readTree(run("who", "3000", "--format", "json").out());
        assertThat(who.path("known").path("programs").findValuesAsText("name")).contains("Grafana");
    }

    @Test
    void check_namesTheNodePortRange_andThePortsBrowsersRefuse_withTheirSources() throws Exception {
        List<String> nodePort = run("check", "30080").outLines();
        assertThat(nodePort).containsSubsequence("kubernetes: 30080 lies in Kubernetes' default NodePort range "
                + "30000-32767: on a cluster node, a Service of type NodePort may be given it, and kube-proxy's rules "
                + "then send the port's traffic to that Service, not to a program listening here (kube-proxy releases "
                + "before 2022 also held the port open)",
                "  source: Kubernetes documentation source, Ports and Protocols: control-plane ports and the default "
                        + "NodePort range 30000-32767. The Kubernetes Authors. https://github.com/kubernetes/website/blob/"
                        + "31a8f95edf918abb97b71193d74d9ff9513826a1/content/en/docs/reference/networking/ports-and-protocols.md");
        assertThat(nodePort).anySatisfy(l -> assertThat(l).startsWith("  source: Kubernetes pull request 108496"));
        List<String> browsers = run("check", "6000").outLines();
        assertThat(browsers).containsSubsequence("browsers: browsers refuse to connect to port 6000 (a bad port of the "
                + "Fetch standard): a web page or development server here cannot be opened in a browser",
                "  source: Fetch Standard, Port blocking: a request whose URL has an HTTP(S) scheme and a bad port is "
                        + "blocked. WHATWG. https://fetch.spec.whatwg.org/#port-blocking");
        assertThat(run("check", "8080").out()).doesNotContain("kubernetes:", "browsers:", "macOS:");
        JsonNode json = JSON.readTree(run("check", "6000", "-f", "json").out());
        assertThat(json.get("browsersRefuse").asBoolean()).isTrue();
        assertThat(json.get("nodePortRange").asBoolean()).isFalse();
        assertThat(json.get("causes")).singleElement().satisfies(c -> {
            assertThat(c.get("id").asText()).isEqualTo("browsers");
            assertThat(c.get("sources").get(0).get("url").asText()).isEqualTo("https://fetch.spec.whatwg.org/#port-blocking");
        });
    }

    /** The AirPlay Receiver of macOS takes 5000 and 7000 (TCP) while it is on: a cause on any machine, with sources. */
    @Test
    void check_namesTheAirPlayReceiverOfMacOs_on5000And7000() throws Exception {
        for (String port : List.of("5000", "7000")) {
            List<String> lines = run("check", port).outLines();
            assertThat(lines).contains("macOS: on macOS 12 and later the AirPlay Receiver (process ControlCenter) listens "
                    + "on TCP " + port + " while it is on; turning AirPlay Receiver off frees the port");
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  source: honcho pull request 229"))
                    .anySatisfy(l -> assertThat(l).endsWith("https://github.com/skyportal/skyportal/issues/2657"));
        }
        JsonNode json = JSON.readTree(run("check", "5000", "-f", "json").out());
        assertThat(json.get("causes")).singleElement().satisfies(c -> {
            assertThat(c.get("id").asText()).isEqualTo("airplay");
            assertThat(c.get("sources")).hasSize(4);
        });
        assertThat(run("check", "5001").out()).doesNotContain("macOS:");
        assertThat(run("check", "5000", "--lang", "de").outLines()).contains("macOS: ab macOS 12 lauscht der "
                + "AirPlay-Empfänger (Prozess ControlCenter) auf TCP 5000, solange er eingeschaltet ist; wer den "
                + "AirPlay-Empfänger ausschaltet, gibt den Port frei");
    }

    @Test
    void listeningFrom_explainsOutputCapturedElsewhere_andSaysTheLinesItCouldNotRead() throws Exception {
        Path capture = home.resolve("ss.txt");
        java.nio.file.Files.writeString(capture, "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
                + "LISTEN 0      4096   0.0.0.0:22        0.0.0.0:*         users:((\"sshd\",pid=812,fd=3))\n"
                + "ESTAB  0      0      10.0.0.5:18850    140.82.112.25:443 users:((\"git\",pid=4100,fd=5))\n"
                + "garbled\n");
        Cli.Run r = run("listening", "--from", capture.toString());
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).anySatisfy(l -> assertThat(l).startsWith("tcp").contains("0.0.0.0:22", "listen", "812", "sshd", "ssh"))
                .anySatisfy(l -> assertThat(l).contains("10.0.0.5:18850", "140.82.112.25:443", "established", "git"))
                .contains("note: 1 line was not read as a socket:", "read from: " + capture + ", read as ss");
        JsonNode json = JSON.readTree(run("listening", "--from", capture.toString(), "-f", "json").out());
        assertThat(json).hasSize(2);
        // a capture without processes (netstat -tln, /proc/net/tcp) names none: "-", not "(hidden)" as on this machine
        Path bare = home.resolve("ss-bare.txt");
        java.nio.file.Files.writeString(bare, "State  Recv-Q Send-Q Local Address:Port Peer Address:Port\n"
                + "LISTEN 0      4096   0.0.0.0:22        0.0.0.0:*\n");
        assertThat(run("listening", "--from", bare.toString()).outLines()).anySatisfy(l -> assertThat(l)
                .matches("tcp +0\\.0\\.0\\.0:22 +listen +- +- +- +ssh"));
        Path unknown = home.resolve("notes.txt");
        java.nio.file.Files.writeString(unknown, "just some words\n");
        Cli.Run bad = run("listening", "--from", unknown.toString());
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("is not output this command knows");
        assertThat(run("listening", "--from", home.resolve("missing.txt").toString()).err()).contains("does not exist");
    }

    @Test
    void check_takenPort_exitsOne() throws Exception {
        Cli.Run r = run("check", "22");
        assertThat(r.code()).isEqualTo(ExitCode.TAKEN);
        assertThat(r.outLines()).startsWith("22/tcp: taken on 0.0.0.0 by sshd (pid 612, tester)", "22/udp: free");
        JsonNode json = JSON.readTree(run("check", "53/udp", "--format", "json").out());
        assertThat(json.get("free").asBoolean()).isFalse();
        assertThat(json.get("transports").get(0).get("sockets").get(0).get("address").asText()).isEqualTo("127.0.0.53");
        assertThat(json.get("bind").asText()).isEqualTo("privileged");
        assertThat(json.get("privilegedBelow").asInt()).isEqualTo(1024);
        assertThat(json.get("commands").get(0).asText()).isEqualTo("ss -lunp 'sport = :53'");
    }

    @Test
    void badInput_isRefusedWithExitTwo() {
        assertThat(run("check", "0").errLines()).containsExactly("portolan: port 0 cannot be checked: binding port 0 "
                + "asks the system for any free port of its ephemeral range");
        assertThat(run("check", "8000-8010").errLines()).containsExactly(
                "portolan: check takes one port, such as 8080 or 8080/tcp, not \"8000-8010\"");
        assertThat(run("who", "ssh").code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run("who", "22/udp", "--tcp").errLines()).containsExactly(
                "portolan: the argument names udp but --tcp is given: give one of them");
        assertThat(run("who", "22/sctp").errLines()).containsExactly("portolan: local sockets are tcp or udp, not sctp");
        assertThat(run("check", "22", "--format", "csv").code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run("audit", "--min-severity", "urgent").errLines()).containsExactly(
                "portolan: --min-severity \"urgent\" is not a severity: expected low, medium or high");
        assertThat(run("listening", "--format", "xml").code()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void audit_cleanMachine_exitsZero() {
        Cli.Run r = Cli.run(home, new LocalInspection(new FakeProc(proc).tcpListener("0.0.0.0", 22, 612, "sshd")
                .tcpListener("127.0.0.1", 6379, 640, "redis-server").sockets(), MalwarePorts.none()), "audit");
        assertThat(r.code()).isZero();
        assertThat(r.outLines()).containsExactly("no findings: 2 listening sockets checked", "",
                "read from: " + proc.resolve("net"));
    }

    @Test
    void audit_findings_exitOne_andMalwareComesFromTheGivenSource() throws Exception {
        FakeProc p = new FakeProc(proc).tcpListener("0.0.0.0", 22, 612, "python3")
                .tcpListener("0.0.0.0", 6379, 640, "redis-server").tcpListener("0.0.0.0", 31337, 650, "evil");
        MalwarePorts malware = MalwarePorts.of(List.of(
                new MalwarePorts.Report(31337, Transport.TCP, "Back Orifice", "test source")));
        LocalInspection inspection = new LocalInspection(p.sockets(), malware);

        Cli.Run r = Cli.run(home, inspection, "audit");
        assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
        assertThat(r.outLines()).startsWith("high  malware-port  0.0.0.0:31337/tcp",
                "  evil (pid 650) listens on 0.0.0.0:31337/tcp, a port reported for malware: Back Orifice (test source)",
                "medium  unexpected-program  0.0.0.0:22/tcp");
        assertThat(r.outLines()).contains("3 findings (high 1, medium 2, low 0): 3 listening sockets checked");

        JsonNode json = JSON.readTree(Cli.run(home, inspection, "audit", "--format", "json", "--min-severity", "high").out());
        assertThat(json).hasSize(1);
        JsonNode f = json.get(0);
        assertThat(f.get("severity").asText()).isEqualTo("high");
        assertThat(f.get("rule").asText()).isEqualTo("malware-port");
        assertThat(f.get("port").asInt()).isEqualTo(31337);
        assertThat(f.get("pid").asLong()).isEqualTo(650);
        assertThat(f.get("process").asText()).isEqualTo("evil");

        Cli.Run csv = Cli.run(home, inspection, "audit", "--format", "csv", "--min-severity", "medium");
        assertThat(csv.outLines()).hasSize(4).first().isEqualTo("severity,rule,transport,address,port,pid,process,message");

        Cli.Run none = Cli.run(home, new LocalInspection(p.sockets(), MalwarePorts.none()), "audit", "--min-severity",
                "high");
        assertThat(none.code()).isZero();
        assertThat(none.outLines()).first().isEqualTo("no findings of severity high or higher: 3 listening sockets checked");
    }
}
