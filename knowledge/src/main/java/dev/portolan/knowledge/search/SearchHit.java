package dev.portolan.knowledge.search;

import dev.portolan.core.Transport;
import java.util.Set;

/**
 * One port a search found.
 *
 * @param port the port
 * @param transports the transports the match holds on
 * @param tier how it matched
 * @param matched what matched: the name ({@code RDP}, {@code Apache Kafka}, {@code ms-wbt-server}),
 *     the description's words the query named, or the port number
 * @param label what the result says of the port
 */
public record SearchHit(int port, Set<Transport> transports, Tier tier, String matched, SearchLabel label) {
    public SearchHit {
        transports = Set.copyOf(transports);
    }
}
