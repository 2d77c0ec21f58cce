package dev.portolan.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.CommonName;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.MalwareAssociation;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.ProgramPort;
import dev.portolan.knowledge.ProgramUse;
import dev.portolan.knowledge.ProtocolNote;
import dev.portolan.knowledge.SecurityNote;
import dev.portolan.knowledge.page.KnownSentences;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Messages;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code known} object of the JSON answers: what is on a port, as data (the names people use,
 * the programs, the protocol and security notes, the malware), each fact with its sources. The
 * API's port page and the command line's {@code check} and {@code who} write it alike (the shape
 * is in docs/json.md and the OpenAPI document).
 */
public final class KnownJson {
    private KnownJson() {}

    /**
     * Writes the field {@code known}.
     *
     * @param numbers footnote numbers of citation ids on a page (each fact's {@code notes}); empty
     *     where there are no footnotes
     * @param knowledge where {@code sources} come from: given, the object ends with every cited
     *     source (title, publisher, address), for answers that have no footnotes; null leaves
     *     them to the page's footnotes
     */
    public static void write(JsonGenerator g, Messages.Sentences sentences, PortSummary k, Map<String, Integer> numbers,
            @Nullable Knowledge knowledge) throws IOException {
        String p = Integer.toString(k.port());
        Set<String> cited = new LinkedHashSet<>();
        g.writeObjectFieldStart("known");
        g.writeArrayFieldStart("names");
        for (CommonName n : k.names()) {
            g.writeStartObject();
            g.writeStringField("name", n.name());
            g.writeStringField("expansion", n.expansion().isEmpty() ? null : n.expansion());
            g.writeStringField("service", n.namesService() ? n.service() : null);
            Json.strings(g, "programs", n.programs());
            cites(g, n.cites(), numbers, cited);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("programs");
        for (ProgramUse u : k.programs()) {
            ProgramPort pp = u.use();
            g.writeStartObject();
            g.writeStringField("id", u.program().id());
            g.writeStringField("name", u.program().name());
            Json.strings(g, "aliases", u.program().aliases());
            g.writeStringField("field", u.program().field());
            g.writeStringField("ports", pp.ports().toString());
            transports(g, pp.transports());
            g.writeStringField("role", pp.role());
            g.writeStringField("roleText", sentences.format(Text.of("role." + pp.role())));
            g.writeStringField("component", pp.component().isEmpty() ? null : pp.component());
            g.writeStringField("since", pp.since().isEmpty() ? null : pp.since());
            g.writeStringField("until", pp.until().isEmpty() ? null : pp.until());
            g.writeStringField("usage", pp.usage().id());
            g.writeBooleanField("example", pp.example());
            cites(g, pp.cites(), numbers, cited);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("protocols");
        for (ProtocolNote n : k.protocols()) {
            g.writeStartObject();
            g.writeStringField("id", n.id());
            transports(g, n.transports());
            g.writeStringField("text", sentences.format(Text.of(n.key(), "port", p)));
            cites(g, n.cites(), numbers, cited);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("security");
        for (SecurityNote n : k.security()) {
            g.writeStartObject();
            g.writeStringField("id", n.id());
            g.writeStringField("kind", n.kind());
            transports(g, n.transports());
            g.writeStringField("text", sentences.format(Text.of(n.key(), "port", p, "transports",
                    KnownSentences.labels(n.transports()))));
            cites(g, n.cites(), numbers, cited);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("malware");
        for (MalwareAssociation m : k.malware()) {
            g.writeStartObject();
            g.writeStringField("name", m.name());
            g.writeStringField("kind", m.kind());
            g.writeNumberField("year", m.year());
            transports(g, m.transports());
            cites(g, m.cites(), numbers, cited);
            g.writeEndObject();
        }
        g.writeEndArray();
        if (knowledge != null) {
            g.writeArrayFieldStart("sources");
            for (String id : cited) {
                Citation c = knowledge.citation(id).orElse(null);
                if (c != null) {
                    g.writeStartObject();
                    citation(g, c);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void transports(JsonGenerator g, Set<Transport> transports) throws IOException {
        g.writeArrayFieldStart("transports");
        for (Transport t : Transport.values()) {
            if (transports.contains(t)) {
                g.writeString(t.id());
            }
        }
        g.writeEndArray();
    }

    /** Citation ids ({@code cites}) and their footnote numbers ({@code notes}), as the page's sentences give them. */
    private static void cites(JsonGenerator g, List<String> ids, Map<String, Integer> numbers, Set<String> cited)
            throws IOException {
        cited.addAll(ids);
        cites(g, ids, numbers);
    }

    /** Citation ids ({@code cites}) and the footnote numbers they have on the page ({@code notes}). */
    static void cites(JsonGenerator g, List<String> ids, Map<String, Integer> numbers) throws IOException {
        g.writeArrayFieldStart("cites");
        for (String c : ids) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("notes");
        for (String c : ids) {
            Integer n = numbers.get(c);
            if (n != null) {
                g.writeNumber(n);
            }
        }
        g.writeEndArray();
    }

    /** The fields of a source: its id, title, publisher, address and whether it is a secondary reference. */
    static void citation(JsonGenerator g, Citation c) throws IOException {
        g.writeStringField("id", c.id());
        g.writeStringField("title", c.title());
        g.writeStringField("publisher", c.publisher());
        g.writeStringField("url", c.url());
        g.writeBooleanField("secondary", c.secondary());
    }
}
