package dev.portolan.core;

/**
 * The exact commands that show what listens on one port, per system: the port pages and the
 * command line's {@code check} give the same ones. Each matches the local port exactly, never a
 * text search ({@code grep :60} also matches 600, 6000 and remote ports).
 */
public final class CheckCommands {
    private CheckCommands() {}

    /** The systems the commands are written for. */
    public enum Os {
        LINUX, MACOS, WINDOWS
    }

    /**
     * The command that lists the listeners (TCP) or bound sockets (UDP) of {@code port}.
     *
     * <p>On macOS, lsof's {@code -iUDP:N} matches either end of a socket, so a client whose remote
     * port is N (every DNS client, for 53) shows up too; the NAME column holds {@code local} or
     * {@code local->remote}, with no '-' inside an address, so awk keeps the header and the
     * sockets whose local end is N.
     *
     * @throws IllegalArgumentException if the port is outside 0-65535 or the transport is neither
     *     TCP nor UDP
     */
    public static String listeners(Os os, Transport transport, int port) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        if (transport != Transport.TCP && transport != Transport.UDP) {
            throw new IllegalArgumentException("commands are written for TCP and UDP, not " + transport.id());
        }
        boolean udp = transport == Transport.UDP;
        return switch (os) {
            case LINUX -> udp ? "ss -lunp 'sport = :" + port + "'" : "ss -ltnp 'sport = :" + port + "'";
            case MACOS -> udp ? "lsof -nP -iUDP:" + port + " | awk 'NR==1 || $9 ~ /^[^-]*:" + port + "(->|$)/'"
                    : "lsof -nP -iTCP:" + port + " -sTCP:LISTEN";
            case WINDOWS -> udp ? "Get-NetUDPEndpoint -LocalPort " + port
                    : "Get-NetTCPConnection -LocalPort " + port + " -State Listen";
        };
    }

    /**
     * The commands that list the TCP connections with {@code port} at either end, in any state
     * (a port a program connected from, an ephemeral port, is rarely a listener). Windows needs two:
     * one for the local end, one for the remote end.
     *
     * @throws IllegalArgumentException if the port is outside 0-65535
     */
    public static java.util.List<String> connections(Os os, int port) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        return switch (os) {
            case LINUX -> java.util.List.of("ss -tanp '( sport = :" + port + " or dport = :" + port + " )'");
            case MACOS -> java.util.List.of("lsof -nP -iTCP:" + port);
            case WINDOWS -> java.util.List.of("Get-NetTCPConnection -LocalPort " + port,
                    "Get-NetTCPConnection -RemotePort " + port);
        };
    }
}
