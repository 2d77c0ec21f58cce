package dev.portolan.inspect;

import java.util.Locale;

/** The states of the sockets a scan reports; sockets in other states are left out. */
public enum SocketState {
    /** A TCP socket that accepts connections. */
    LISTEN,
    /** A UDP socket bound to a local port and not connected to a peer: it receives from anyone. */
    BOUND,
    /** A TCP connection, or a UDP socket connected to one peer; reported only when asked. */
    ESTABLISHED;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** {@code listen}, {@code bound} or {@code established}: the spelling of the JSON output. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
