package dev.portolan.knowledge.page;

import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.CanonicalRecord.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The words of a change of the registry, shared by the port pages' timelines and the pages of a
 * release: a field of a record as it was and as it became ({@code timeline.field}), a record
 * named without a service ({@code timeline.row}), and the values of each field as message
 * arguments.
 */
final class ChangeWords {
    /** The citation id of the registry's releases, defined in {@code knowledge/sources.yaml}. */
    static final String RELEASES = "iana-registry-releases";

    private ChangeWords() {}

    /**
     * The sentence that says how one field of some records changed.
     *
     * @param records the records, as labels ({@link #label}, {@link #row})
     */
    static Text field(Field field, CanonicalRecord before, CanonicalRecord after, List<Object> records) {
        List<Object> values = values(field, before, after);
        return Text.of("timeline.field", "field", selector(field), "records", records, "before", values.get(0),
                "after", values.get(1)).citing(RELEASES);
    }

    /**
     * What a field said before and after a change, as message arguments. Of two descriptions, the
     * sentences both begin or end with are left out and marked "…": what changed stands out, and a
     * page does not quote a long description three times (before, after, and as it is now).
     */
    static List<Object> values(Field field, CanonicalRecord before, CanonicalRecord after) {
        if (field == Field.DESCRIPTION && !before.description().isEmpty() && !after.description().isEmpty()) {
            List<String> a = sentences(before.description());
            List<String> b = sentences(after.description());
            int head = 0;
            while (head < a.size() - 1 && head < b.size() - 1 && a.get(head).equals(b.get(head))) {
                head++;
            }
            int tail = 0;
            while (tail < a.size() - 1 - head && tail < b.size() - 1 - head
                    && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
                tail++;
            }
            return List.of(quoted(part(a, head, tail)), quoted(part(b, head, tail)));
        }
        return List.of(value(field, before), value(field, after));
    }

    /** The sentences of a text, each with the space that follows it. */
    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.charAt(i) == '.' && text.charAt(i + 1) == ' ') {
                out.add(text.substring(start, i + 1));
                start = i + 2;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** The sentences but the first {@code head} and the last {@code tail}, with "…" for each part left out. */
    private static String part(List<String> sentences, int head, int tail) {
        String kept = String.join(" ", sentences.subList(head, sentences.size() - tail));
        return (head > 0 ? "… " : "") + kept + (tail > 0 ? " …" : "");
    }

    /** The select keyword of a field in messages: its id in camel case ({@code serviceCodes}). */
    static String selector(Field field) {
        String id = field.id();
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash) + Character.toUpperCase(id.charAt(dash + 1)) + id.substring(dash + 2);
    }

    /** What a record says in one field, as a message argument; {@code timeline.none} for nothing. */
    static Object value(Field field, CanonicalRecord r) {
        return switch (field) {
            case SERVICE -> r.service() == null ? none() : r.service();
            case PORTS -> r.ports() == null ? none() : r.ports().toString();
            case TRANSPORT -> r.transport() == null ? none() : transport(r.transport());
            case DESCRIPTION -> r.description().isEmpty() ? none() : quoted(r.description());
            case STATUS -> Text.of("timeline.status", "status", r.status().id());
            case ASSIGNEES -> strings(r.assignees());
            case CONTACTS -> strings(r.contacts());
            case REGISTERED -> date(r.registered());
            case MODIFIED -> date(r.modified());
            case REFERENCES -> references(r.references());
            case NOTES -> quotedAll(r.notes());
            case UNAUTHORIZED -> quotedAll(r.unauthorized());
            case SERVICE_CODES -> strings(r.serviceCodes());
            case ALIASES -> strings(r.aliases());
        };
    }

    /** A record without a service name: the entry for its port or range. */
    static Text row(@Nullable PortRange ports) {
        String p = ports == null ? "" : ports.toString();
        return Text.of("timeline.row", "ports", p, "single", ports != null && ports.isSingle() ? "yes" : "no");
    }

    /** A transport as pages write it: {@code TCP}. */
    static String transport(Transport t) {
        return t.id().toUpperCase(Locale.ROOT);
    }

    /** A service with the transports given, or alone when {@code transports} is empty. */
    static String label(String service, List<String> transports) {
        return transports.isEmpty() ? service : service + " (" + String.join(", ", transports) + ")";
    }

    private static Text none() {
        return Text.of("timeline.none");
    }

    private static Text quoted(String text) {
        return Text.of("timeline.quoted", "text", text);
    }

    private static Object strings(List<String> values) {
        return values.isEmpty() ? none() : List.<Object>copyOf(values);
    }

    private static Object quotedAll(List<String> values) {
        if (values.isEmpty()) {
            return none();
        }
        List<Object> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(quoted(v)));
        return out;
    }

    private static Object date(@Nullable RegistryDate d) {
        return d == null ? none() : PageDate.of(d);
    }

    private static Object references(List<Reference> refs) {
        if (refs.isEmpty()) {
            return none();
        }
        List<Object> out = new ArrayList<>(refs.size());
        for (Reference r : refs) {
            out.add(r.kind() == Reference.Kind.RFC ? "RFC " + r.value().substring(3) : r.label());
        }
        return out;
    }
}
