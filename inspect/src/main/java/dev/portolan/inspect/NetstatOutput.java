package dev.portolan.inspect;

import dev.portolan.core.Transport;
import java.util.List;

/**
 * Reads one line of Linux {@code netstat -tulpn} or {@code -tanp} output: Proto ({@code tcp},
 * {@code tcp6}, {@code udp}, {@code udp6}), two queue sizes, the local and the foreign address
 * ({@code 0.0.0.0:22}, {@code :::80}, {@code 0.0.0.0:*}), the state (absent for UDP), then
 * {@code PID/Program name} or {@code -}:
 *
 * <pre>
 * tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      812/sshd
 * udp        0      0 127.0.0.53:53           0.0.0.0:*                           612/systemd-resolve
 * </pre>
 */
final class NetstatOutput {
    private NetstatOutput() {}

    /** Whether a line is the header of Linux netstat's output. */
    static boolean isHeader(String line) {
        String l = line.strip();
        return l.startsWith("Proto") && l.contains("Recv-Q") && l.contains("Foreign Address");
    }

    /** Lines netstat prints before its header. */
    static boolean isPreamble(String line) {
        return line.startsWith("Active Internet connections") || line.startsWith("Active UNIX domain sockets");
    }

    static LocalSocket line(String line, String source, int lineNo) throws InspectException {
        String[] f = line.strip().split("\\s+");
        if (f.length < 5 || !f[0].matches("(tcp|udp)6?")) {
            throw new InspectException(source + ": line " + lineNo + " does not start with tcp, tcp6, udp or udp6 and "
                    + "five columns");
        }
        boolean tcp = f[0].startsWith("tcp");
        SsOutput.Endpoint local = SsOutput.endpoint(f[3], source, lineNo);
        SsOutput.Endpoint foreign = SsOutput.endpoint(f[4], source, lineNo);
        SocketState state;
        int next = 5;
        if (tcp) {
            if (f.length < 6) {
                throw new InspectException(source + ": line " + lineNo + " has no TCP state");
            }
            state = SocketState.ofName(f[5]);
            if (state == null) {
                throw new InspectException(source + ": line " + lineNo + " has the state \"" + LsofOutput.printable(f[5])
                        + "\", expected one of netstat's (LISTEN, ESTABLISHED, TIME_WAIT...)");
            }
            next = 6;
        } else {
            state = foreign.port() > 0 ? SocketState.ESTABLISHED : SocketState.BOUND;
            if (f.length > 5 && f[5].equals("ESTABLISHED")) {
                next = 6; // a connected UDP socket may show a state
            }
        }
        List<SocketOwner> owners = List.of();
        if (f.length > next && !f[next].equals("-")) {
            String owner = String.join(" ", java.util.Arrays.copyOfRange(f, next, f.length));
            int slash = owner.indexOf('/');
            long pid = slash > 0 ? ProcScanner.pid(owner.substring(0, slash)) : -1;
            if (pid < 0) {
                throw new InspectException(source + ": line " + lineNo + " has \"" + LsofOutput.printable(owner)
                        + "\", expected PID/Program name or -");
            }
            owners = List.of(new SocketOwner(pid, owner.substring(slash + 1), null, null));
        }
        boolean connected = !state.isListener() && foreign.port() >= 0;
        return new LocalSocket(tcp ? Transport.TCP : Transport.UDP, local.address().contains(":") ? AddressFamily.IPV6
                : AddressFamily.IPV4, local.address(), local.port(), state, connected ? foreign.address() : null,
                connected ? foreign.port() : null, null, owners);
    }
}
