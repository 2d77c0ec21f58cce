package dev.portolan.inspect;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One socket of this machine.
 *
 * <p>Addresses are written as {@code ss -n} writes them: IPv4 dotted ({@code 127.0.0.1}), IPv6 in
 * the RFC 5952 form ({@code ::1}, {@code fe80::1}), an IPv4 address mapped into an IPv6 socket as
 * {@code ::ffff:127.0.0.1}, and a zone where the source gives one ({@code fe80::1%en0}). The
 * wildcard is {@code 0.0.0.0} or {@code ::}.
 *
 * @param transport {@link Transport#TCP} or {@link Transport#UDP}
 * @param family the socket's address family; an IPv6 socket may carry IPv4-mapped addresses
 * @param address the local address
 * @param port the local port
 * @param state listening, bound or established
 * @param remoteAddress the peer's address for an established socket, else null
 * @param remotePort the peer's port for an established socket, else null
 * @param user the user that owns the socket where the source says (Linux: the socket's uid), else
 *     null
 * @param owners the processes that hold the socket, lowest process id first; empty when no process
 *     that this user may inspect holds it (see {@link SocketScan#limitations()})
 */
public record LocalSocket(Transport transport, AddressFamily family, String address, int port, SocketState state,
        @Nullable String remoteAddress, @Nullable Integer remotePort, @Nullable String user, List<SocketOwner> owners) {

    /** Transport, then port, then family and address: the order of every listing. */
    public static final Comparator<LocalSocket> ORDER = new Comparator<>() {
        @Override
        public int compare(LocalSocket a, LocalSocket b) {
            return compareForListing(a, b);
        }
    };

    public LocalSocket {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        if (transport != Transport.TCP && transport != Transport.UDP) {
            throw new IllegalArgumentException("transport " + transport + ": local sockets are tcp or udp");
        }
        checkPort(port);
        if (remotePort != null) {
            checkPort(remotePort);
        }
        if (owners.size() > 1) {
            List<SocketOwner> sorted = new java.util.ArrayList<>(owners);
            sorted.sort((a, b) -> Long.compare(a.pid(), b.pid()));
            owners = sorted;
        }
        owners = List.copyOf(owners);
    }

    /**
     * {@link #ORDER}, written out: the JDK's comparator combinators make classes at run time, which
     * costs a command line's start a few milliseconds (bench/README.md).
     */
    private static int compareForListing(LocalSocket a, LocalSocket b) {
        int c = a.transport.compareTo(b.transport);
        if (c == 0) {
            c = Integer.compare(a.port, b.port);
        }
        if (c == 0) {
            c = a.family.compareTo(b.family);
        }
        if (c == 0) {
            c = a.address.compareTo(b.address);
        }
        if (c == 0) {
            c = a.state.compareTo(b.state);
        }
        if (c == 0) {
            c = (a.remoteAddress == null ? "" : a.remoteAddress).compareTo(b.remoteAddress == null ? "" : b.remoteAddress);
        }
        if (c == 0) {
            c = Integer.compare(a.remotePort == null ? -1 : a.remotePort, b.remotePort == null ? -1 : b.remotePort);
        }
        return c;
    }

    private static void checkPort(int port) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
    }

    /** The process that holds the socket (the lowest process id when several share it). */
    public Optional<SocketOwner> owner() {
        return owners.isEmpty() ? Optional.empty() : Optional.of(owners.get(0));
    }

    /** Whether the socket accepts traffic on every address of its family ({@code 0.0.0.0} or {@code ::}). */
    public boolean isWildcard() {
        return Addresses.isWildcard(address);
    }

    /** Whether the socket accepts traffic only from this machine (127.0.0.0/8, {@code ::1}, or mapped). */
    public boolean isLoopback() {
        return Addresses.isLoopback(address);
    }

    /** Listening (TCP) or bound and unconnected (UDP): a socket that waits for others. */
    public boolean isListener() {
        return state.isListener();
    }

    /** {@code 127.0.0.1:80} or {@code [::1]:80}. */
    public String endpoint() {
        return Addresses.endpoint(address, port);
    }

    /** The peer of a connection as {@code 10.0.0.7:443}, or empty for a listener. */
    public Optional<String> remoteEndpoint() {
        return remoteAddress == null || remotePort == null ? Optional.empty()
                : Optional.of(Addresses.endpoint(remoteAddress, remotePort));
    }
}
