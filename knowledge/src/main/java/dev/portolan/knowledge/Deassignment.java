package dev.portolan.knowledge;

import java.util.List;

/**
 * A de-assignment the registry records: the ports went back to IANA and stay reserved, with a
 * note on what they were.
 *
 * @param ports the ports
 * @param date when, {@code YYYY-MM-DD} or {@code YYYY-MM}
 * @param formerService the service they carried
 * @param cites the citations
 */
public record Deassignment(List<Integer> ports, String date, String formerService, List<String> cites) {
    public Deassignment {
        ports = List.copyOf(ports);
        cites = List.copyOf(cites);
    }
}
