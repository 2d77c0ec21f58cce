package dev.portolan.knowledge;

import dev.portolan.core.Transport;
import java.util.List;
import java.util.Set;

/**
 * A port the registry keeps reserved at the edge of a range.
 *
 * @param port the port
 * @param transports the transports the registry names (empty: every transport)
 * @param edge the range whose edge it marks ({@code system}, {@code user})
 * @param cites the citations
 */
public record ReservedPort(int port, Set<Transport> transports, String edge, List<String> cites) {
    public ReservedPort {
        transports = Set.copyOf(transports);
        cites = List.copyOf(cites);
    }
}
