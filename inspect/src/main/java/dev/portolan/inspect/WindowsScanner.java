package dev.portolan.inspect;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Windows: PowerShell's socket tables as CSV, or {@code netstat -ano} when PowerShell fails; names
 * from {@code tasklist}; dynamic port ranges from {@code netsh}. Windows gives every user the
 * owning process ids, so nothing is hidden, but neither the user nor the command line of a
 * process is read.
 */
final class WindowsScanner implements Scanner {
    /** The default dynamic range of Windows since Vista and Server 2008. */
    static final PortRange WINDOWS_DEFAULT_DYNAMIC = new PortRange(49_152, 65_535);

    static final String POWERSHELL_SCRIPT = "Get-NetTCPConnection | Select-Object LocalAddress,LocalPort,"
            + "RemoteAddress,RemotePort,State,OwningProcess | ConvertTo-Csv -NoTypeInformation; "
            + "Get-NetUDPEndpoint | Select-Object LocalAddress,LocalPort,OwningProcess | ConvertTo-Csv -NoTypeInformation";

    private final SystemCommand command;

    WindowsScanner(SystemCommand command) {
        this.command = command;
    }

    @Override
    public Platform platform() {
        return Platform.WINDOWS;
    }

    @Override
    public SocketScan scan(boolean established) throws InspectException {
        List<Note> limitations = new ArrayList<>();
        List<LocalSocket> sockets;
        String source;
        List<String> ps = List.of("powershell.exe", "-NoProfile", "-NonInteractive", "-Command", POWERSHELL_SCRIPT);
        SystemCommand.Result r = null;
        try {
            r = command.run(ps);
        } catch (InspectException e) {
            limitations.add(Note.of("scan.powerShellNotRun", "detail", String.valueOf(e.getMessage())));
        }
        if (r != null && r.exitCode() == 0) {
            source = "PowerShell Get-NetTCPConnection, Get-NetUDPEndpoint";
            sockets = WindowsOutput.powerShell(text(r), source, established);
        } else {
            if (r != null) {
                limitations.add(Note.of("scan.powerShellFailed", "exitCode", Integer.toString(r.exitCode())));
            }
            source = "netstat -ano";
            SystemCommand.Result n = command.run(List.of("netstat", "-ano"));
            if (n.exitCode() != 0) {
                throw new InspectException("'netstat -ano' failed with exit code " + n.exitCode());
            }
            sockets = WindowsOutput.netstat(text(n), source, established);
        }
        Map<Long, String> names = processNames(limitations);
        List<LocalSocket> named = new ArrayList<>(sockets.size());
        for (LocalSocket s : sockets) {
            List<SocketOwner> owners = new ArrayList<>();
            for (SocketOwner o : s.owners()) {
                owners.add(new SocketOwner(o.pid(), names.get(o.pid()), null, null));
            }
            named.add(new LocalSocket(s.transport(), s.family(), s.address(), s.port(), s.state(), s.remoteAddress(),
                    s.remotePort(), null, owners));
        }
        return new SocketScan(Platform.WINDOWS, source, named, settings(), limitations);
    }

    private Map<Long, String> processNames(List<Note> limitations) {
        // chcp 65001 makes tasklist write UTF-8 rather than the console's code page
        List<String> cmd = List.of("cmd.exe", "/d", "/c", "chcp 65001 >nul & tasklist /fo csv /nh");
        try {
            SystemCommand.Result r = command.run(cmd);
            if (r.exitCode() == 0) {
                return WindowsOutput.tasklist(text(r), "tasklist /fo csv /nh");
            }
            limitations.add(Note.of("scan.tasklistFailed", "exitCode", Integer.toString(r.exitCode())));
        } catch (InspectException e) {
            limitations.add(Note.of("scan.tasklistNotRun", "detail", String.valueOf(e.getMessage())));
        }
        return Map.of();
    }

    private PortSettings settings() {
        PortRange tcp = dynamicPorts(Transport.TCP);
        PortRange udp = dynamicPorts(Transport.UDP);
        String source = tcp != null && udp != null ? "netsh int ipv4 show dynamicport"
                : "the system's documented defaults ('netsh int ipv4 show dynamicport' could not be read)";
        // Windows has no privileged ports: any user may bind any port, outside the exclusion ranges.
        return new PortSettings(tcp != null ? tcp : WINDOWS_DEFAULT_DYNAMIC, udp != null ? udp : WINDOWS_DEFAULT_DYNAMIC,
                List.of(), 0, false, excludedPorts(), source);
    }

    /** The TCP port exclusion ranges, or none when netsh cannot say. */
    private List<PortRange> excludedPorts() {
        List<String> cmd = List.of("netsh", "int", "ipv4", "show", "excludedportrange", "protocol=tcp");
        try {
            SystemCommand.Result r = command.run(cmd);
            return r.exitCode() == 0 ? WindowsOutput.netshExcludedPorts(text(r), String.join(" ", cmd)) : List.of();
        } catch (InspectException e) {
            return List.of();
        }
    }

    private @org.jspecify.annotations.Nullable PortRange dynamicPorts(Transport t) {
        List<String> cmd = List.of("netsh", "int", "ipv4", "show", "dynamicport", t.id());
        try {
            SystemCommand.Result r = command.run(cmd);
            return r.exitCode() == 0 ? WindowsOutput.netshDynamicPorts(text(r), String.join(" ", cmd)) : null;
        } catch (InspectException e) {
            return null;
        }
    }

    private static String text(SystemCommand.Result r) {
        return new String(r.out(), StandardCharsets.UTF_8);
    }
}
