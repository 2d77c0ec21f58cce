package dev.portolan.knowledge;

import dev.portolan.core.Transport;
import java.util.List;
import java.util.Set;

/**
 * Known abuse of what runs on a port, from advisories, vendor bulletins, CVE records or
 * measurement studies. The sentence is the message {@code security.note.<id>} of the page
 * bundles.
 *
 * @param id the identifier, also the message key's suffix
 * @param ports the ports the note concerns
 * @param transports the transports it concerns
 * @param kind what sort of risk: one of {@link #KINDS}
 * @param cites the citations
 */
public record SecurityNote(String id, List<Integer> ports, Set<Transport> transports, String kind, List<String> cites) {
    /** The kinds of risk, in the order pages list them. */
    public static final List<String> KINDS = List.of("wormable", "exploited", "unauthenticated", "brute-force",
            "botnet", "amplification", "cleartext", "exposure");

    public SecurityNote {
        ports = List.copyOf(ports);
        transports = Set.copyOf(transports);
        cites = List.copyOf(cites);
    }

    /** The message key of the sentence. */
    public String key() {
        return "security.note." + id;
    }
}
