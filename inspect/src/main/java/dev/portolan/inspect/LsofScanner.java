package dev.portolan.inspect;

import dev.portolan.core.PortRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * macOS and other Unix systems: {@code lsof} for the sockets, {@code sysctl} for the ephemeral
 * range. Without root, lsof lists only the sockets of this user's processes; the scan says so.
 */
final class LsofScanner implements Scanner {
    /** The documented default ephemeral range of macOS and FreeBSD (and RFC 6335's Dynamic Ports). */
    static final PortRange BSD_DEFAULT_EPHEMERAL = new PortRange(49_152, 65_535);

    private final Platform platform;
    private final SystemCommand command;

    LsofScanner(Platform platform, SystemCommand command) {
        this.platform = platform;
        this.command = command;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    /**
     * The lsof command line. It lists every TCP and UDP socket and the reader keeps the wanted
     * states: with {@code -sTCP:LISTEN}, lsof also drops every UDP socket, which has no TCP state.
     */
    static List<String> lsofCommand() {
        return List.of("lsof", "+c", "0", "-nP", "-iTCP", "-iUDP");
    }

    @Override
    public SocketScan scan(boolean established) throws InspectException {
        List<String> cmd = lsofCommand();
        String shown = String.join(" ", cmd);
        SystemCommand.Result r = command.run(cmd);
        // lsof exits 1 when it found nothing to list, or could not look at everything it was asked
        if (r.exitCode() != 0 && r.exitCode() != 1) {
            throw new InspectException("'" + shown + "' failed with exit code " + r.exitCode());
        }
        String text = new String(r.out(), StandardCharsets.UTF_8);
        List<LocalSocket> sockets = text.isBlank() ? List.of() : new LsofOutput(shown, established).parse(text);
        List<Note> limitations = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            limitations.add(Note.of("scan.lsofThisUserOnly"));
        }
        return new SocketScan(platform, shown, sockets, settings(), limitations);
    }

    private PortSettings settings() {
        boolean wildcardExempt = platform == Platform.MACOS && macOsAtLeastMojave(System.getProperty("os.version", ""));
        List<String> cmd = List.of("sysctl", "-n", "net.inet.ip.portrange.first", "net.inet.ip.portrange.last");
        try {
            SystemCommand.Result r = command.run(cmd);
            PortRange range = r.exitCode() == 0 ? sysctlRange(new String(r.out(), StandardCharsets.US_ASCII)) : null;
            if (range != null) {
                return new PortSettings(range, range, List.of(), ProcSettings.CLASSIC_PRIVILEGED_BELOW, wildcardExempt,
                        String.join(" ", cmd));
            }
        } catch (InspectException e) {
            // fall through to the documented defaults, and say so in the source
        }
        return new PortSettings(BSD_DEFAULT_EPHEMERAL, BSD_DEFAULT_EPHEMERAL, List.of(),
                ProcSettings.CLASSIC_PRIVILEGED_BELOW, wildcardExempt,
                "the system's documented defaults ('" + String.join(" ", cmd) + "' could not be read)");
    }

    /** Two lines, first and last port; null when the text is not that. */
    static @org.jspecify.annotations.Nullable PortRange sysctlRange(String text) {
        String[] lines = text.strip().split("\\s+");
        if (lines.length != 2) {
            return null;
        }
        long first = ProcScanner.pid(lines[0]);
        long last = ProcScanner.pid(lines[1]);
        if (first < 0 || last < first || last > PortRange.MAX_PORT) {
            return null;
        }
        return new PortRange((int) first, (int) last);
    }

    /** macOS 10.14 (Mojave) and later let any user bind a port below 1024 on the wildcard address. */
    static boolean macOsAtLeastMojave(String version) {
        String[] parts = version.split("\\.");
        long major = parts.length > 0 ? ProcScanner.pid(parts[0]) : -1;
        long minor = parts.length > 1 ? ProcScanner.pid(parts[1]) : 0;
        return major > 10 || (major == 10 && minor >= 14);
    }
}
