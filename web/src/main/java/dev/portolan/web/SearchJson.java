package dev.portolan.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.search.SearchHit;
import dev.portolan.knowledge.search.SearchLabel;
import dev.portolan.knowledge.search.SearchResults;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Search results as JSON: one object per port found, the same in the API's answer ({@code
 * /api/v1/search}) and in {@code portolan search --format json} (the shape is in docs/json.md and
 * the OpenAPI document).
 *
 * <pre>
 * {"port": 3389, "transports": ["tcp", "udp"],
 *  "match": {"tier": "common", "text": "RDP"},
 *  "names": ["RDP"], "registered": ["ms-wbt-server"],
 *  "programs": ["xrdp", "FreeRDP server", "Remote Desktop Services"], "morePrograms": 2,
 *  "description": "MS WBT Server", "url": "/ports/3389"}
 * </pre>
 */
public final class SearchJson {
    private SearchJson() {}

    /** Writes one result object. */
    public static void writeHit(JsonGenerator g, SearchHit h) throws IOException {
        SearchLabel l = h.label();
        g.writeStartObject();
        g.writeNumberField("port", h.port());
        g.writeArrayFieldStart("transports");
        for (Transport t : Transport.values()) {
            if (h.transports().contains(t)) {
                g.writeString(t.id());
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("match");
        g.writeStringField("tier", tier(h));
        g.writeStringField("text", h.matched());
        g.writeEndObject();
        Json.strings(g, "names", l.names());
        Json.strings(g, "registered", l.registered());
        Json.strings(g, "programs", l.programs());
        g.writeNumberField("morePrograms", l.morePrograms());
        g.writeStringField("description", l.description().isEmpty() ? null : l.description());
        g.writeStringField("url", "/ports/" + h.port());
        g.writeEndObject();
    }

    /** Writes every result, in rank order, as an array. */
    public static void writeHits(JsonGenerator g, List<SearchHit> hits) throws IOException {
        g.writeStartArray();
        for (SearchHit h : hits) {
            writeHit(g, h);
        }
        g.writeEndArray();
    }

    /** The API's answer: the query, the results and, when there are none, the suggestions. */
    static byte[] answer(SearchResults r, int limit) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("query", r.query().text());
            g.writeStringField("kind", r.query().isPorts() ? "ports" : "words");
            g.writeNumberField("limit", limit);
            g.writeNumberField("count", r.hits().size());
            g.writeBooleanField("more", r.more());
            g.writeFieldName("results");
            writeHits(g, r.hits());
            Json.strings(g, "suggestions", r.suggestions());
            g.writeEndObject();
        });
    }

    /** The tier as the JSON names it: {@code port}, {@code service}, {@code common}... */
    public static String tier(SearchHit h) {
        return h.tier().name().toLowerCase(Locale.ROOT);
    }
}
