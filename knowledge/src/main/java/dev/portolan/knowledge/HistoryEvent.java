package dev.portolan.knowledge;

import java.util.List;

/**
 * A dated event in the history of port numbers; its sentence is the message {@code
 * history.event.<id>}.
 *
 * @param id the identifier ({@code rfc349})
 * @param date the date, {@code YYYY-MM-DD} or {@code YYYY-MM}
 * @param cites the citations
 */
public record HistoryEvent(String id, String date, List<String> cites) {
    public HistoryEvent {
        cites = List.copyOf(cites);
    }
}
