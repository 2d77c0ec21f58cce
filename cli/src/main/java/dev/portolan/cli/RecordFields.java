package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Reference;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.PortTimeline.Between;
import dev.portolan.core.history.RegistryDiff.Change;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A registry record of the history ({@link CanonicalRecord}) as {@code history} and {@code diff}
 * write it: one line of text, each field's value as text, and the JSON objects of docs/json.md.
 * Values are the registry's data and are never translated.
 */
final class RecordFields {
    /** Items of a list field in one text value. */
    static final String LIST_SEPARATOR = "; ";

    private RecordFields() {}

    /**
     * The record in one line: {@code 443/tcp https: http protocol over TLS/SSL}, with the status
     * when the record is not an assignment ({@code 2/tcp (reserved): Reserved}).
     */
    static String line(CanonicalRecord r) {
        StringBuilder s = new StringBuilder();
        s.append(r.ports() == null ? "(no port)" : r.ports().toString());
        if (r.transport() != null) {
            s.append('/').append(r.transport().id());
        }
        if (r.service() != null) {
            s.append(' ').append(r.service());
        }
        if (r.status() != AssignmentStatus.ASSIGNED) {
            s.append(" (").append(r.status().id()).append(')');
        }
        return s.append(": ").append(r.description()).toString();
    }

    /** A field's value as text: empty when the record has none; a list's items joined by {@value #LIST_SEPARATOR}. */
    static String value(Field field, @Nullable CanonicalRecord r) {
        if (r == null) {
            return "";
        }
        return switch (field) {
            case SERVICE -> r.service() == null ? "" : r.service();
            case PORTS -> r.ports() == null ? "" : r.ports().toString();
            case TRANSPORT -> r.transport() == null ? "" : r.transport().id();
            case DESCRIPTION -> r.description();
            case STATUS -> r.status().id();
            case ASSIGNEES -> String.join(LIST_SEPARATOR, r.assignees());
            case CONTACTS -> String.join(LIST_SEPARATOR, r.contacts());
            case REGISTERED -> r.registered() == null ? "" : r.registered().toString();
            case MODIFIED -> r.modified() == null ? "" : r.modified().toString();
            case REFERENCES -> String.join(LIST_SEPARATOR, labels(r.references()));
            case NOTES -> String.join(LIST_SEPARATOR, r.notes());
            case UNAUTHORIZED -> String.join(LIST_SEPARATOR, r.unauthorized());
            case SERVICE_CODES -> String.join(LIST_SEPARATOR, r.serviceCodes());
            case ALIASES -> String.join(LIST_SEPARATOR, r.aliases());
        };
    }

    /** The lines of a change of fields: {@code modified: 2018-07-06 → 2021-10-01}, one per field. */
    static List<String> fieldLines(Change c, String none) {
        List<String> out = new ArrayList<>();
        for (Field f : c.fields()) {
            String before = value(f, c.before());
            String after = value(f, c.after());
            out.add(f.id() + ": " + (before.isEmpty() ? none : before) + " → " + (after.isEmpty() ? none : after));
        }
        return out;
    }

    /** The record as a JSON object, or null. */
    static void json(JsonGenerator g, String name, @Nullable CanonicalRecord r) throws IOException {
        if (r == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        for (Field f : Field.values()) {
            jsonValue(g, jsonName(f), f, r);
        }
        g.writeEndObject();
    }

    /** The fields a change differs in: {@code [{"field": "modified", "before": ..., "after": ...}]}. */
    static void jsonFields(JsonGenerator g, Change c) throws IOException {
        g.writeArrayFieldStart("fields");
        for (Field f : c.fields()) {
            g.writeStartObject();
            g.writeStringField("field", f.id());
            jsonValue(g, "before", f, c.before());
            jsonValue(g, "after", f, c.after());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** When something happened, between two releases: {@code {"after": "2020-12-29", "by": "2023-01-04"}}. */
    static void json(JsonGenerator g, String name, @Nullable Between when) throws IOException {
        if (when == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeStringField("after", when.after() == null ? null : when.after().toString());
        g.writeStringField("by", when.by().toString());
        g.writeEndObject();
    }

    /** The JSON name of a field in a record object: {@code serviceCodes}, the others as their ids. */
    static String jsonName(Field f) {
        return f == Field.SERVICE_CODES ? "serviceCodes" : f.id();
    }

    /** A field's value: a string or null for single values, an array of strings for lists. */
    private static void jsonValue(JsonGenerator g, String name, Field f, @Nullable CanonicalRecord r)
            throws IOException {
        List<String> list = r == null ? null : switch (f) {
            case ASSIGNEES -> r.assignees();
            case CONTACTS -> r.contacts();
            case REFERENCES -> labels(r.references());
            case NOTES -> r.notes();
            case UNAUTHORIZED -> r.unauthorized();
            case SERVICE_CODES -> r.serviceCodes();
            case ALIASES -> r.aliases();
            default -> null;
        };
        if (list != null) {
            g.writeArrayFieldStart(name);
            for (String v : list) {
                g.writeString(v);
            }
            g.writeEndArray();
        } else if (r == null || isList(f)) {
            g.writeNullField(name);
        } else {
            String v = value(f, r);
            // a description is always there, even empty; other single values are absent when empty
            g.writeStringField(name, v.isEmpty() && f != Field.DESCRIPTION ? null : v);
        }
    }

    private static boolean isList(Field f) {
        return switch (f) {
            case ASSIGNEES, CONTACTS, REFERENCES, NOTES, UNAUTHORIZED, SERVICE_CODES, ALIASES -> true;
            default -> false;
        };
    }

    private static List<String> labels(List<Reference> references) {
        List<String> out = new ArrayList<>(references.size());
        for (Reference r : references) {
            out.add(r.label());
        }
        return out;
    }
}
