package dev.portolan.inspect;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The entry point of {@code inspect}: reads this machine's sockets and the processes that hold
 * them.
 *
 * <ul>
 *   <li>Linux: natively, from {@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6} and
 *       {@code /proc/PID/fd}; settings from {@code /proc/sys/net/ipv4}.
 *   <li>macOS and other Unix systems: {@code lsof +c 0 -nP -iTCP -iUDP}, keeping listening TCP
 *       and unconnected UDP sockets; settings from {@code sysctl}.
 *   <li>Windows: PowerShell's {@code Get-NetTCPConnection} and {@code Get-NetUDPEndpoint} as CSV,
 *       or {@code netstat -ano} where PowerShell fails; process names from {@code tasklist /fo
 *       csv}; settings from {@code netsh int ipv4 show dynamicport}.
 * </ul>
 *
 * <p>Each {@link #scan} looks again; instances hold no state and are safe to share.
 */
public final class LocalSockets {
    /** How long a system command may run before the scan gives up on it. */
    static final Duration COMMAND_TIME_LIMIT = Duration.ofSeconds(20);

    private final Scanner scanner;

    private LocalSockets(Scanner scanner) {
        this.scanner = scanner;
    }

    /** The way of reading sockets that suits the operating system this JVM runs on. */
    public static LocalSockets forThisMachine() {
        Platform p = Platform.current();
        return switch (p) {
            case LINUX -> linux(Path.of("/proc"), Path.of("/etc/passwd"));
            case WINDOWS -> new LocalSockets(new WindowsScanner(new SystemCommand(COMMAND_TIME_LIMIT)));
            case MACOS, OTHER_UNIX -> new LocalSockets(new LsofScanner(p, new SystemCommand(COMMAND_TIME_LIMIT)));
        };
    }

    /**
     * Linux sockets read from another {@code /proc} (a mounted copy, or a fixture), with user
     * names from {@code passwd}; the tables are read in this machine's byte order.
     */
    public static LocalSockets linux(Path proc, Path passwd) {
        return new LocalSockets(new ProcScanner(proc, passwd, ByteOrder.nativeOrder()));
    }

    /**
     * The systemd system service process {@code pid} runs in (Linux only, from the same {@code
     * /proc} the sockets are read from), if any.
     */
    public java.util.Optional<String> systemdUnit(long pid) {
        return scanner instanceof ProcScanner p ? SystemdUnit.of(p.proc(), pid) : java.util.Optional.empty();
    }

    /**
     * This program's process id: on Linux read from {@code /proc/self} (asking the JDK's process
     * handle starts its process reaper's machinery, lambdas included, which a command line's start
     * feels); elsewhere, or when that link cannot be read, the JDK's answer.
     */
    public long ownPid() {
        return scanner.ownPid();
    }

    /** The platform this instance reads. */
    public Platform platform() {
        return scanner.platform();
    }

    /**
     * Looks at the sockets now: TCP sockets that listen and UDP sockets that are bound and not
     * connected, on IPv4 and IPv6, and also established connections when asked.
     *
     * @throws InspectException if the system's tables or commands cannot be read, or print
     *     something that is not in their documented format
     */
    public SocketScan scan(boolean established) throws InspectException {
        return scanner.scan(established);
    }

    /**
     * Looks at the sockets of one local port now, in every state (what {@code scan(true)} finds
     * on that port, read faster where the system allows: on Linux the other lines of the socket
     * tables are skipped and their owners not described).
     *
     * @throws InspectException as {@link #scan(boolean)}
     */
    public SocketScan scanPort(int port) throws InspectException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        return scanner.scanPort(port);
    }
}
