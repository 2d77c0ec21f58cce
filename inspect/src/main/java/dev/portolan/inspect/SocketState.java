package dev.portolan.inspect;

import java.util.Locale;

/**
 * The states of the sockets a scan reports: a listener, a bound UDP socket, or a TCP connection in
 * one of the states of RFC 9293 (section 3.3.2). A connection holds its local port in every state;
 * in TIME-WAIT no process holds it any more, the kernel does until the state ends.
 */
public enum SocketState {
    /** A TCP socket that accepts connections. */
    LISTEN,
    /** A UDP socket bound to a local port and not connected to a peer: it receives from anyone. */
    BOUND,
    /** A TCP connection, or a UDP socket connected to one peer. */
    ESTABLISHED,
    /** A connection this side has asked for, waiting for the peer's answer. */
    SYN_SENT,
    /** A connection a listener has received, waiting for the peer's acknowledgement. */
    SYN_RECEIVED,
    /** This side has closed; waiting for the peer to acknowledge. */
    FIN_WAIT_1,
    /** This side has closed and the peer acknowledged; waiting for the peer to close. */
    FIN_WAIT_2,
    /** Both sides have closed; the kernel keeps the port a while so that late packets are not taken for a new connection's. */
    TIME_WAIT,
    /** The peer has closed; waiting for the program here to close too. */
    CLOSE_WAIT,
    /** The peer closed first and this side has closed too; waiting for the last acknowledgement. */
    LAST_ACK,
    /** Both sides closed at once. */
    CLOSING;

    private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** {@code listen}, {@code bound}, {@code established}, {@code time-wait}...: the spelling of the JSON output. */
    public String id() {
        return id;
    }

    /**
     * The state a tool names, as lsof ({@code SYN_RCVD}), ss ({@code ESTAB}, {@code FIN-WAIT-1}),
     * netstat on Linux ({@code FIN_WAIT1}) and Windows ({@code SYN_RECEIVED}) and PowerShell
     * ({@code FinWait1}) spell it: case, hyphens and underscores aside. Null for a name of no state
     * this type reports ({@code CLOSED}, {@code UNCONN}, Windows' {@code LISTENING}...).
     */
    public static @org.jspecify.annotations.Nullable SocketState ofName(String name) {
        return switch (name.toUpperCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "LISTEN" -> LISTEN;
            case "ESTABLISHED", "ESTAB" -> ESTABLISHED;
            case "SYNSENT" -> SYN_SENT;
            case "SYNRECEIVED", "SYNRECV", "SYNRCVD" -> SYN_RECEIVED;
            case "FINWAIT1" -> FIN_WAIT_1;
            case "FINWAIT2" -> FIN_WAIT_2;
            case "TIMEWAIT" -> TIME_WAIT;
            case "CLOSEWAIT" -> CLOSE_WAIT;
            case "LASTACK" -> LAST_ACK;
            case "CLOSING" -> CLOSING;
            default -> null;
        };
    }

    /** Whether a socket in this state waits for others (a TCP listener, an unconnected UDP socket). */
    public boolean isListener() {
        return this == LISTEN || this == BOUND;
    }

    @Override
    public String toString() {
        return id;
    }
}
