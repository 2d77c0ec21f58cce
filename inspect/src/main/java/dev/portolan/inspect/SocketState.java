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

    /** Whether a socket in this state waits for others (a TCP listener, an unconnected UDP socket). */
    public boolean isListener() {
        return this == LISTEN || this == BOUND;
    }

    @Override
    public String toString() {
        return id;
    }
}
