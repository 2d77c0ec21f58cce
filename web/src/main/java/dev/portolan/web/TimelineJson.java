package dev.portolan.web;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.PortTimeline;
import dev.portolan.core.history.PortTimeline.Between;
import dev.portolan.core.history.PortTimeline.Event;
import dev.portolan.core.history.PortTimeline.RecordHistory;
import dev.portolan.core.history.RegistryDiff.Change;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A port's timeline across the registry's releases as JSON, the one shape of it ({@code
 * docs/json.md}, "timeline"): the releases compared, since when the port has been as it is, and
 * each record that covered the port with its events (added, changed with the fields before and
 * after, removed), each bounded by the releases before and by it.
 */
final class TimelineJson {
    private TimelineJson() {}

    /** The field {@code timeline}: the object, or null for a page composed without history. */
    static void write(JsonGenerator g, @Nullable PortTimeline t) throws IOException {
        g.writeFieldName("timeline");
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeArrayFieldStart("releases");
        for (LocalDate d : t.releases()) {
            g.writeString(d.toString());
        }
        g.writeEndArray();
        g.writeFieldName("since");
        between(g, t.since());
        g.writeArrayFieldStart("records");
        for (RecordHistory h : t.records()) {
            record(g, h, t.port());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void record(JsonGenerator g, RecordHistory h, int port) throws IOException {
        // the record as the last release has it, or as it was before it went
        Change last = h.events().get(h.events().size() - 1).change();
        CanonicalRecord r = last.after() != null ? last.after() : Objects.requireNonNull(last.before());
        g.writeStartObject();
        nullable(g, "service", r.service());
        nullable(g, "ports", r.ports() == null ? null : r.ports().toString());
        nullable(g, "transport", r.transport() == null ? null : r.transport().id());
        g.writeBooleanField("current", h.current(port).isPresent());
        g.writeArrayFieldStart("events");
        for (Event e : h.events()) {
            event(g, e, port);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void event(JsonGenerator g, Event e, int port) throws IOException {
        Change c = e.change();
        boolean was = c.before() != null && c.before().covers(port);
        boolean is = c.after() != null && c.after().covers(port);
        // a change of range that brings a record onto the port, or takes it off, is its arrival or departure here
        String kind = was && is ? "changed" : is ? "added" : "removed";
        g.writeStartObject();
        g.writeStringField("kind", kind);
        Between when = e.when();
        nullable(g, "after", when.after() == null ? null : when.after().toString());
        g.writeStringField("by", when.by().toString());
        if (!c.fields().isEmpty()) {
            g.writeArrayFieldStart("fields");
            for (Field f : c.fields()) {
                g.writeStartObject();
                g.writeStringField("field", f.id());
                g.writeFieldName("before");
                value(g, f, Objects.requireNonNull(c.before()));
                g.writeFieldName("after");
                value(g, f, Objects.requireNonNull(c.after()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void between(JsonGenerator g, Between b) throws IOException {
        g.writeStartObject();
        nullable(g, "after", b.after() == null ? null : b.after().toString());
        g.writeStringField("by", b.by().toString());
        g.writeEndObject();
    }

    /**
     * A field's value: a string or null (service, ports, transport, description, status, the
     * dates as the registry gives them), or an array of strings (people, references, notes,
     * reports, service codes, aliases).
     */
    static void value(JsonGenerator g, Field f, CanonicalRecord r) throws IOException {
        switch (f) {
            case SERVICE -> string(g, r.service());
            case PORTS -> string(g, r.ports() == null ? null : r.ports().toString());
            case TRANSPORT -> string(g, r.transport() == null ? null : r.transport().id());
            case DESCRIPTION -> g.writeString(r.description());
            case STATUS -> g.writeString(r.status().id());
            case ASSIGNEES -> strings(g, r.assignees());
            case CONTACTS -> strings(g, r.contacts());
            case REGISTERED -> date(g, r.registered());
            case MODIFIED -> date(g, r.modified());
            case REFERENCES -> {
                g.writeStartArray();
                for (Reference ref : r.references()) {
                    g.writeString(ref.label());
                }
                g.writeEndArray();
            }
            case NOTES -> strings(g, r.notes());
            case UNAUTHORIZED -> strings(g, r.unauthorized());
            case SERVICE_CODES -> strings(g, r.serviceCodes());
            case ALIASES -> strings(g, r.aliases());
        }
    }

    private static void date(JsonGenerator g, @Nullable RegistryDate d) throws IOException {
        string(g, d == null ? null : d.toString());
    }

    private static void string(JsonGenerator g, @Nullable String s) throws IOException {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
    }

    private static void strings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void nullable(JsonGenerator g, String name, @Nullable String value) throws IOException {
        g.writeFieldName(name);
        string(g, value);
    }
}
