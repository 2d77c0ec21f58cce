package dev.portolan.knowledge.search;

import java.util.List;

/**
 * The answer to a search.
 *
 * @param query the query
 * @param hits the ports found, best first, one per port
 * @param more whether more ports matched than {@link #hits()} holds
 * @param suggestions when nothing matched, names close to what was typed, best first; else empty
 */
public record SearchResults(SearchQuery query, List<SearchHit> hits, boolean more, List<String> suggestions) {
    public SearchResults {
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
    }
}
