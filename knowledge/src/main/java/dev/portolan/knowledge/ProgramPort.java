package dev.portolan.knowledge;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One port (or range) a program uses, and what for.
 *
 * @param ports the port, or the range of ports ({@code 27015-27030})
 * @param transports the transports the source names
 * @param role what the program uses it for: one of the roles of {@code docs/knowledge.md}
 * @param component the part of the program that uses it ({@code Redis Sentinel}), or empty
 * @param since the first version with this port, or empty when the source does not say
 * @param until the last version with this port, or empty while it still holds
 * @param example true when the port is not a default: the program's documentation uses it in its
 *     examples or sample configuration, and people commonly set it up there (WireGuard's 51820)
 * @param cites the citations
 */
public record ProgramPort(PortRange ports, Set<Transport> transports, String role, String component, String since,
        String until, boolean example, List<String> cites) {
    public ProgramPort {
        Objects.requireNonNull(ports, "ports");
        transports = Set.copyOf(transports);
        cites = List.copyOf(cites);
    }
}
