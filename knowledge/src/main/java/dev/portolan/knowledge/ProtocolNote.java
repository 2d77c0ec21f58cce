package dev.portolan.knowledge;

import dev.portolan.core.Transport;
import java.util.List;
import java.util.Set;

/**
 * What the protocol on a port does and how it is secured. The sentence itself is the message
 * {@code protocol.<id>} of the page bundles, so that every language has it.
 *
 * @param id the identifier, also the message key's suffix
 * @param ports the ports the sentence is true for
 * @param transports the transports it is true for
 * @param cites the citations
 */
public record ProtocolNote(String id, List<Integer> ports, Set<Transport> transports, List<String> cites) {
    public ProtocolNote {
        ports = List.copyOf(ports);
        transports = Set.copyOf(transports);
        cites = List.copyOf(cites);
    }

    /** The message key of the sentence. */
    public String key() {
        return "protocol." + id;
    }
}
