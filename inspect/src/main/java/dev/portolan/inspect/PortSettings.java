package dev.portolan.inspect;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How this machine hands out and guards port numbers.
 *
 * @param tcpEphemeral the range the system picks local ports from for outgoing TCP connections
 *     and for sockets bound to port 0 (Linux: {@code net.ipv4.ip_local_port_range})
 * @param udpEphemeral the same for UDP (one range on Linux and macOS; Windows keeps two)
 * @param reserved ports the system never picks automatically although they lie in the ephemeral
 *     range (Linux: {@code net.ipv4.ip_local_reserved_ports}); empty elsewhere
 * @param privilegedBelow ports below this number need privileges to bind (Linux: {@code
 *     net.ipv4.ip_unprivileged_port_start}, usually 1024); 0 when any user may bind any port
 * @param wildcardExempt whether an unprivileged user may still bind a privileged port on the
 *     wildcard address (macOS since 10.14), though not on a specific address
 * @param excluded ranges no program may bind at all (Windows' port exclusion ranges, which
 *     Hyper-V, WSL and Docker Desktop reserve: {@code netsh int ipv4 show excludedportrange}),
 *     on TCP; empty elsewhere
 * @param source where these figures come from, such as {@code /proc/sys/net/ipv4}, or a sentence
 *     saying that they are the system's documented defaults because the real ones could not be read
 */
public record PortSettings(PortRange tcpEphemeral, PortRange udpEphemeral, List<PortRange> reserved,
        int privilegedBelow, boolean wildcardExempt, List<PortRange> excluded, String source) {

    /** Who may bind a port. */
    public enum BindPermission {
        /** Any user, on any address. */
        ANY_USER,
        /** Any user on the wildcard address; a specific address needs privileges (macOS). */
        ANY_USER_ON_WILDCARD,
        /** Only root, or a process with {@code CAP_NET_BIND_SERVICE} on Linux. */
        PRIVILEGED;

        private final String id = name().toLowerCase(Locale.ROOT).replace('_', '-');

        /** {@code any-user}, {@code any-user-on-wildcard} or {@code privileged}: the JSON spelling. */
        public String id() {
            return id;
        }
    }

    public PortSettings {
        Objects.requireNonNull(tcpEphemeral, "tcpEphemeral");
        Objects.requireNonNull(udpEphemeral, "udpEphemeral");
        reserved = List.copyOf(reserved);
        excluded = List.copyOf(excluded);
        Objects.requireNonNull(source, "source");
        if (privilegedBelow < 0 || privilegedBelow > PortRange.MAX_PORT + 1) {
            throw new IllegalArgumentException("privileged port limit " + privilegedBelow + " is outside 0-65536");
        }
    }

    /** Settings of a system without port exclusion ranges. */
    public PortSettings(PortRange tcpEphemeral, PortRange udpEphemeral, List<PortRange> reserved, int privilegedBelow,
            boolean wildcardExempt, String source) {
        this(tcpEphemeral, udpEphemeral, reserved, privilegedBelow, wildcardExempt, List.of(), source);
    }

    /** The exclusion range that holds {@code port}, if any: no program may bind it. */
    public java.util.Optional<PortRange> exclusion(int port) {
        for (PortRange r : excluded) {
            if (r.contains(port)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }

    /** The ephemeral range of a transport (TCP's for transports other than UDP). */
    public PortRange ephemeral(Transport t) {
        return t == Transport.UDP ? udpEphemeral : tcpEphemeral;
    }

    /** Whether the system may pick {@code port} by itself: in the ephemeral range and not reserved. */
    public boolean isEphemeral(int port, Transport t) {
        return ephemeral(t).contains(port) && !isReserved(port);
    }

    public boolean isReserved(int port) {
        for (PortRange r : reserved) {
            if (r.contains(port)) {
                return true;
            }
        }
        return false;
    }

    /** Who may bind {@code port}. */
    public BindPermission bindPermission(int port) {
        if (port >= privilegedBelow) {
            return BindPermission.ANY_USER;
        }
        return wildcardExempt ? BindPermission.ANY_USER_ON_WILDCARD : BindPermission.PRIVILEGED;
    }
}
