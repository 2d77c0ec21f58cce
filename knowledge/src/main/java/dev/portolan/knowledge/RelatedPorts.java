package dev.portolan.knowledge;

import java.util.List;

/**
 * Ports that belong together.
 *
 * @param ports the ports, in the order the relation reads
 * @param relation {@code tls} (plain and TLS variants of one protocol), {@code alternate} (an
 *     alternative port for the same service) or {@code companion} (ports one protocol uses together)
 * @param cites the citations
 */
public record RelatedPorts(List<Integer> ports, String relation, List<String> cites) {
    public RelatedPorts {
        ports = List.copyOf(ports);
        cites = List.copyOf(cites);
    }
}
