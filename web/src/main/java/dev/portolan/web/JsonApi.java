package dev.portolan.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.Assignment;
import dev.portolan.core.PortEntry;
import dev.portolan.core.PortRange;
import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.Markers;
import dev.portolan.knowledge.page.PageDate;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.Section;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.BidiIsolation;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.store.FeedbackCounts;
import dev.portolan.store.Vote;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies of the API, version 1. The shapes are a contract, described in
 * {@code docs/web.md} and {@code /api/v1/openapi.json}: fields may be added, never renamed or
 * removed.
 */
final class JsonApi {
    static final String CONTENT_TYPE = "application/json;charset=utf-8";

    private final Messages messages;

    JsonApi(Messages messages) {
        this.messages = messages;
    }

    /** The port page; {@code counts} null leaves the votes out (a static export has none to give). */
    byte[] port(PortPage page, String url, @Nullable FeedbackCounts counts) {
        return port(page, messages.sentences(), url, counts);
    }

    /**
     * The port page, its sentences from {@code sentences} (which the page's HTML may have formatted
     * already); {@code counts} null leaves the votes out.
     */
    byte[] port(PortPage page, Messages.Sentences sentences, String url, @Nullable FeedbackCounts counts) {
        Map<String, Integer> numbers = page.footnoteNumbers();
        Markers markers = page.markers();
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("port", page.port());
            g.writeStringField("range", page.range());
            g.writeStringField("lang", messages.locale().toLanguageTag());
            g.writeStringField("url", url);
            g.writeFieldName("title");
            text(g, sentences, page.title(), numbers);
            g.writeFieldName("subtitle");
            text(g, sentences, page.subtitle(), numbers);
            g.writeFieldName("summary");
            text(g, sentences, page.summary(), numbers);
            g.writeArrayFieldStart("breadcrumbs");
            for (PortPage.Crumb c : page.breadcrumbs()) {
                g.writeStartObject();
                g.writeFieldName("label");
                text(g, sentences, c.label(), numbers);
                g.writeStringField("path", c.path());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("sections");
            for (Section s : page.sections()) {
                section(g, sentences, s, page.port(), numbers, markers);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("assignments");
            for (Section s : page.sections()) {
                for (Block b : s.blocks()) {
                    if (b instanceof Block.Assignments a) {
                        for (Block.AssignmentRow r : a.rows()) {
                            row(g, r);
                        }
                    }
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("faq");
            for (PortPage.Faq q : page.faq()) {
                g.writeStartObject();
                g.writeFieldName("question");
                text(g, sentences, q.question(), numbers, markers.after(q.question()));
                g.writeFieldName("answer");
                text(g, sentences, q.answer(), numbers, markers.after(q.answer()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("related");
            for (PortPage.Related r : page.related()) {
                g.writeStartObject();
                g.writeNumberField("port", r.port());
                g.writeFieldName("reason");
                text(g, sentences, r.reason(), numbers, markers.after(r.reason()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("previous");
            if (page.previous().isPresent()) {
                g.writeNumber(page.previous().getAsInt());
            } else {
                g.writeNull();
            }
            g.writeFieldName("next");
            if (page.next().isPresent()) {
                g.writeNumber(page.next().getAsInt());
            } else {
                g.writeNull();
            }
            g.writeArrayFieldStart("footnotes");
            // One entry per source; the sources of a group share its number and name it.
            for (PortPage.Footnote f : page.footnotes()) {
                for (dev.portolan.knowledge.Citation c : f.sources()) {
                    g.writeStartObject();
                    g.writeNumberField("number", f.number());
                    if (f.label() != null) {
                        // a name (Linux, a program), a value: without the isolates of right-to-left sentences
                        g.writeStringField("group", BidiIsolation.strip(sentences.format(f.label())));
                    }
                    KnownJson.citation(g, c);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeStringField("data", sentences.format(page.data()));
            KnownJson.write(g, sentences, page.known(), numbers, null);
            TimelineJson.write(g, page.timeline());
            if (counts != null) {
                g.writeObjectFieldStart("feedback");
                counts(g, counts);
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    private void section(JsonGenerator g, Messages.Sentences sentences, Section s, int port, Map<String, Integer> numbers,
            Markers markers) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id().id());
        g.writeStringField("heading", messages.format("section." + s.id().id() + ".heading", "port",
                Integer.toString(port)));
        g.writeArrayFieldStart("blocks");
        for (Block b : s.blocks()) {
            g.writeStartObject();
            if (b instanceof Block.Paragraph p) {
                g.writeStringField("type", "paragraph");
                g.writeArrayFieldStart("sentences");
                List<List<Integer>> clusters = markers.paragraph(p.sentences());
                for (int i = 0; i < clusters.size(); i++) {
                    text(g, sentences, p.sentences().get(i), numbers, clusters.get(i));
                }
                g.writeEndArray();
            } else if (b instanceof Block.Points p) {
                g.writeStringField("type", "points");
                g.writeArrayFieldStart("items");
                for (Text t : p.items()) {
                    text(g, sentences, t, numbers, markers.after(t));
                }
                g.writeEndArray();
            } else if (b instanceof Block.Commands c) {
                g.writeStringField("type", "commands");
                g.writeArrayFieldStart("commands");
                for (Block.Command cmd : c.commands()) {
                    g.writeStartObject();
                    g.writeStringField("platform", cmd.platform());
                    g.writeStringField("transport", cmd.transport());
                    g.writeStringField("line", cmd.line());
                    if (!cmd.purpose().isEmpty()) {
                        g.writeStringField("purpose", cmd.purpose());
                    }
                    KnownJson.cites(g, cmd.cites(), numbers);
                    markers(g, markers.cluster(cmd.cites()));
                    g.writeEndObject();
                }
                g.writeEndArray();
            } else if (b instanceof Block.Systems t) {
                g.writeStringField("type", "systems");
                g.writeArrayFieldStart("rows");
                for (Block.SystemRow r : t.rows()) {
                    g.writeStartObject();
                    g.writeStringField("system", r.system());
                    g.writeArrayFieldStart("listen");
                    for (Text x : r.listen()) {
                        text(g, sentences, x, numbers);
                    }
                    g.writeEndArray();
                    g.writeArrayFieldStart("ephemeral");
                    for (Text x : r.ephemeral()) {
                        text(g, sentences, x, numbers);
                    }
                    g.writeEndArray();
                    KnownJson.cites(g, r.cites(), numbers);
                    markers(g, markers.cluster(r.cites()));
                    g.writeEndObject();
                }
                g.writeEndArray();
            } else if (b instanceof Block.Assignments a) {
                g.writeStringField("type", "assignments");
                g.writeArrayFieldStart("rows");
                for (Block.AssignmentRow r : a.rows()) {
                    row(g, r);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A sentence that shows no markers (a title, a breadcrumb, an argument). */
    private void text(JsonGenerator g, Messages.Sentences sentences, Text t, Map<String, Integer> numbers) throws IOException {
        text(g, sentences, t, numbers, null);
    }

    /**
     * A sentence: its message key, arguments, text in this language, citations and their numbers,
     * and, where the page shows markers after it, the {@code markers} it shows.
     */
    private void text(JsonGenerator g, Messages.Sentences sentences, Text t, Map<String, Integer> numbers,
            @Nullable List<Integer> cluster) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", t.key());
        g.writeObjectFieldStart("args");
        for (Map.Entry<String, Object> a : t.args().entrySet()) {
            g.writeFieldName(a.getKey());
            arg(g, sentences, a.getValue(), numbers);
        }
        g.writeEndObject();
        g.writeStringField("text", sentences.format(t));
        KnownJson.cites(g, t.cites(), numbers);
        if (cluster != null) {
            markers(g, cluster);
        }
        g.writeEndObject();
    }

    /** The footnote numbers a page shows after a sentence or a command, ascending (see {@link Markers}). */
    private static void markers(JsonGenerator g, List<Integer> cluster) throws IOException {
        g.writeArrayFieldStart("markers");
        for (int n : cluster) {
            g.writeNumber(n);
        }
        g.writeEndArray();
    }

    private void arg(JsonGenerator g, Messages.Sentences sentences, Object v, Map<String, Integer> numbers) throws IOException {
        if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof PageDate d) {
            g.writeString(d.toString());
        } else if (v instanceof Text t) {
            text(g, sentences, t, numbers);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                arg(g, sentences, o, numbers);
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(v));
        }
    }


    private static void row(JsonGenerator g, Block.AssignmentRow r) throws IOException {
        g.writeStartObject();
        g.writeStringField("service", r.service());
        g.writeStringField("transport", r.transport());
        g.writeStringField("ports", r.ports());
        g.writeStringField("status", r.status());
        g.writeStringField("description", r.description());
        Json.strings(g, "assignees", r.assignees());
        Json.strings(g, "contacts", r.contacts());
        date(g, "registered", r.registered());
        date(g, "modified", r.modified());
        g.writeArrayFieldStart("references");
        for (Block.Link l : r.references()) {
            g.writeStartObject();
            g.writeStringField("label", l.label());
            g.writeStringField("url", l.url());
            g.writeEndObject();
        }
        g.writeEndArray();
        Json.strings(g, "notes", r.notes());
        Json.strings(g, "unauthorized", r.unauthorized());
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, String name, @Nullable PageDate d) throws IOException {
        if (d == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, d.toString());
        }
    }

    private static void counts(JsonGenerator g, FeedbackCounts c) throws IOException {
        g.writeNumberField("unhelpful", c.unhelpful());
        g.writeNumberField("neutral", c.neutral());
        g.writeNumberField("helpful", c.helpful());
    }

    /** The records of a service name. */
    static byte[] service(String name, List<Assignment> records) {
        return service(name, records, port -> true);
    }

    /**
     * The records of a service name, where only some ports have pages (a static export of some
     * ports): a record whose first port has none gives no {@code url}.
     */
    static byte[] service(String name, List<Assignment> records, java.util.function.IntPredicate linked) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("service", name);
            g.writeNumberField("count", records.size());
            g.writeArrayFieldStart("records");
            for (Assignment a : records) {
                entry(g, a.ports(), a.transport() == null ? null : a.transport().id(), a, linked);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void entry(JsonGenerator g, @Nullable PortRange ports, @Nullable String transport, Assignment a,
            java.util.function.IntPredicate linked) throws IOException {
        g.writeStartObject();
        if (ports == null) {
            g.writeNullField("port");
            g.writeNullField("ports");
            g.writeNullField("url");
        } else {
            g.writeNumberField("port", ports.first());
            g.writeStringField("ports", ports.toString());
            if (linked.test(ports.first())) {
                g.writeStringField("url", "/ports/" + ports.first());
            } else {
                g.writeNullField("url");
            }
        }
        if (transport == null) {
            g.writeNullField("transport");
        } else {
            g.writeStringField("transport", transport);
        }
        g.writeStringField("service", a.service());
        g.writeStringField("status", a.status().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("description", a.description());
        g.writeBooleanField("listed", a.origin() == Assignment.Origin.LISTED);
        g.writeEndObject();
    }

    /** The answer to a recorded reaction. */
    static byte[] recorded(Vote vote, FeedbackCounts counts, boolean counted) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("port", vote.port());
            g.writeStringField("lang", vote.lang());
            g.writeStringField("reaction", vote.reaction().wireName());
            g.writeBooleanField("counted", counted);
            if (counts != null) {
                g.writeObjectFieldStart("feedback");
                counts(g, counts);
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** The one error shape of the API. */
    static byte[] error(int status, String message) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("status", status);
            g.writeStringField("message", message);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /**
     * The health check's answer.
     *
     * @param cachedBytes the page cache's heap bytes
     * @param fileBytes the bytes of the page file in use
     */
    static byte[] health(String data, int cachedPages, long cachedBytes, long fileBytes) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("status", "ok");
            g.writeStringField("data", data);
            g.writeObjectFieldStart("cache");
            g.writeNumberField("pages", cachedPages);
            g.writeNumberField("bytes", cachedBytes);
            g.writeNumberField("fileBytes", fileBytes);
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
