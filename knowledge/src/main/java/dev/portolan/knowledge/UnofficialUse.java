package dev.portolan.knowledge;

import dev.portolan.core.Transport;
import java.util.List;
import java.util.Set;

/**
 * Software whose own documentation gives this port as its default, although the registry assigns
 * the port to something else or to nothing.
 *
 * @param port the port
 * @param transports the transports it listens on
 * @param software the software's name, as its project writes it
 * @param role what the software uses the port for; one of the roles in {@code docs/knowledge.md}
 * @param cites the citations
 */
public record UnofficialUse(int port, Set<Transport> transports, String software, String role, List<String> cites) {
    public UnofficialUse {
        transports = Set.copyOf(transports);
        cites = List.copyOf(cites);
    }
}
