package dev.portolan.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The Windows and lsof scanners with the commands they run answered from fixtures in the systems'
 * exact formats (this machine cannot run PowerShell): which command runs, what happens when one
 * fails, and what the scan then says.
 */
class ScannersOnOtherSystemsTest {
    /** Answers commands from a table; a command not in it cannot be started, like a missing program. */
    static final class Answers extends SystemCommand {
        private final Map<String, Result> answers;
        final List<String> ran = new ArrayList<>();

        Answers(Map<String, Result> answers) {
            super(Duration.ofSeconds(1));
            this.answers = answers;
        }

        @Override
        Result run(List<String> command) throws InspectException {
            String key = String.join(" ", command);
            ran.add(key);
            Result r = answers.get(key.startsWith("powershell.exe") ? "powershell" : key);
            if (r == null) {
                throw new InspectException("'" + key + "' could not be run: no such program");
            }
            return r;
        }
    }

    private static SystemCommand.Result ok(String fixture) {
        return new SystemCommand.Result(0, Fixtures.bytes(fixture));
    }

    private static final String TASKLIST = "cmd.exe /d /c chcp 65001 >nul & tasklist /fo csv /nh";

    @Test
    void windows_powerShell_withNamesFromTasklist_andNetshRanges() throws InspectException {
        Answers cmd = new Answers(Map.of("powershell", ok("windows-powershell.csv"), TASKLIST, ok("windows-tasklist.csv"),
                "netsh int ipv4 show dynamicport tcp", ok("windows-netsh-tcp.txt"),
                "netsh int ipv4 show dynamicport udp", ok("windows-netsh-udp-de.txt"),
                "netsh int ipv4 show excludedportrange protocol=tcp", ok("windows-netsh-excluded.txt")));
        SocketScan scan = new WindowsScanner(cmd).scan(false);
        assertThat(scan.settings().exclusion(50010)).contains(new PortRange(50000, 50059));
        assertThat(scan.settings().exclusion(8080)).isEmpty();
        assertThat(scan.platform()).isEqualTo(Platform.WINDOWS);
        assertThat(scan.source()).isEqualTo("PowerShell Get-NetTCPConnection, Get-NetUDPEndpoint");
        assertThat(scan.limitations()).isEmpty();
        assertThat(scan.at(445, Transport.TCP)).singleElement()
                .satisfies(s -> assertThat(s.owner().orElseThrow().name()).isEqualTo("System"));
        assertThat(scan.at(5354, Transport.TCP)).singleElement()
                .satisfies(s -> assertThat(s.owner().orElseThrow().name()).isEqualTo("Adobe Desktop Service.exe"));
        assertThat(scan.at(49670, Transport.TCP)).singleElement()
                .satisfies(s -> assertThat(s.owner().orElseThrow().name()).isEqualTo("lsass.exe"));
        assertThat(scan.settings().ephemeral(Transport.TCP)).isEqualTo(new PortRange(49152, 65535));
        assertThat(scan.settings().ephemeral(Transport.UDP)).isEqualTo(new PortRange(10000, 10999));
        assertThat(scan.settings().privilegedBelow()).isZero();
        assertThat(scan.settings().source()).isEqualTo("netsh int ipv4 show dynamicport");
        assertThat(cmd.ran).doesNotContain("netstat -ano");
    }

    @Test
    void windows_withoutPowerShell_readsNetstat_andSaysSo() throws InspectException {
        Answers cmd = new Answers(Map.of("netstat -ano", ok("windows-netstat.txt"),
                TASKLIST, new SystemCommand.Result(1, new byte[0])));
        SocketScan scan = new WindowsScanner(cmd).scan(false);
        assertThat(scan.source()).isEqualTo("netstat -ano");
        assertThat(scan.sockets()).hasSize(11);
        assertThat(scan.sockets()).allMatch(s -> s.owner().orElseThrow().name() == null);
        assertThat(scan.limitations()).containsExactly(
                Note.of("scan.powerShellNotRun", "detail", "'powershell.exe -NoProfile -NonInteractive -Command "
                        + WindowsScanner.POWERSHELL_SCRIPT + "' could not be run: no such program"),
                Note.of("scan.tasklistFailed", "exitCode", "1"));
        assertThat(scan.settings().ephemeral(Transport.TCP)).isEqualTo(WindowsScanner.WINDOWS_DEFAULT_DYNAMIC);
        assertThat(scan.settings().source()).isEqualTo(
                "the system's documented defaults ('netsh int ipv4 show dynamicport' could not be read)");
    }

    @Test
    void windows_withNeitherTool_fails() {
        assertThatThrownBy(() -> new WindowsScanner(new Answers(Map.of())).scan(false))
                .isInstanceOf(InspectException.class)
                .hasMessage("'netstat -ano' could not be run: no such program");
    }

    @Test
    void macOs_lsofAndSysctl() throws InspectException {
        Answers cmd = new Answers(Map.of("lsof +c 0 -nP -iTCP -iUDP", ok("lsof-macos-c0.txt"),
                "sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last",
                new SystemCommand.Result(0, "49152\n65535\n".getBytes(StandardCharsets.US_ASCII))));
        SocketScan scan = new LsofScanner(Platform.MACOS, cmd).scan(false);
        assertThat(scan.sockets()).hasSize(5);
        assertThat(scan.settings().ephemeral(Transport.UDP)).isEqualTo(new PortRange(49152, 65535));
        assertThat(scan.settings().source()).isEqualTo("sysctl -n net.inet.ip.portrange.first net.inet.ip.portrange.last");
        if (!"root".equals(System.getProperty("user.name"))) {
            assertThat(scan.limitations()).containsExactly(Note.of("scan.lsofThisUserOnly"));
        }
    }

    @Test
    void lsof_exitCodeOneWithoutOutput_meansNoSockets_otherCodesFail() throws InspectException {
        Answers none = new Answers(Map.of("lsof +c 0 -nP -iTCP -iUDP", new SystemCommand.Result(1, new byte[0])));
        assertThat(new LsofScanner(Platform.OTHER_UNIX, none).scan(false).sockets()).isEmpty();
        Answers broken = new Answers(Map.of("lsof +c 0 -nP -iTCP -iUDP", new SystemCommand.Result(2, new byte[0])));
        assertThatThrownBy(() -> new LsofScanner(Platform.OTHER_UNIX, broken).scan(false))
                .hasMessage("'lsof +c 0 -nP -iTCP -iUDP' failed with exit code 2");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void systemCommand_missingProgramAndTimeLimit() throws InspectException {
        SystemCommand run = new SystemCommand(Duration.ofSeconds(1));
        assertThatThrownBy(() -> run.run(List.of("portolan-no-such-program"))).isInstanceOf(InspectException.class)
                .hasMessageStartingWith("'portolan-no-such-program' could not be run: ");
        assertThatThrownBy(() -> run.run(List.of("sleep", "10"))).isInstanceOf(InspectException.class)
                .hasMessage("'sleep 10' did not finish within 1 s");
        SystemCommand.Result echo = run.run(List.of("echo", "hello"));
        assertThat(echo.exitCode()).isZero();
        assertThat(new String(echo.out(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }
}
