package dev.portolan.core.history;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A registry record in the normal form the history compares: what a record says, without how a
 * release happens to write it. Two releases that differ only in formatting give equal canonical
 * records.
 *
 * <p>The constructor normalises every field, so any instance is in normal form:
 *
 * <ul>
 *   <li>texts (description, notes, reports of unauthorized use, service codes, aliases, names)
 *       have every run of white space, line ends included, collapsed into one space and the
 *       edges stripped, and an empty item of a list is dropped; an RFC cited in running text
 *       reads {@code RFC6335} ({@code [RFC6335]}, {@code RFC 6335}, {@code rfc6335} and {@code
 *       RFC-6335} are spellings of it);
 *   <li>people (assignees and contacts) are their names from the release's people list, not the
 *       registry's identifiers, which IANA renames ({@code Stuart_Cheshire_5} became {@code
 *       Stuart_Cheshire}); each list is sorted and holds a name once;
 *   <li>a reference that is an RFC is {@code RFC6335} of kind RFC however it was written ({@code
 *       [RFC 6335]} as text, {@code rfc6335}); a text that is a draft name or a web address is
 *       of that kind; a draft name is in lower case; references are sorted by kind and value
 *       (RFCs by number), each once;
 *   <li>service codes and aliases are sorted, each once; notes and reports keep their order;
 *   <li>a service name keeps its spelling, but letter case does not count: {@link #equals} and
 *       {@link #compareTo} compare it in lower case, as RFC 6335 (section 5.1) matches names.
 * </ul>
 *
 * <p>What a canonical record leaves out: the registry's person identifiers, e-mail addresses and
 * web addresses of people, whether a name is an organisation's, the order of the records in the
 * file, and {@link Assignment#origin()} (every record of a release is listed).
 *
 * @param service the service name, or null for a record that names none (reserved, unassigned)
 * @param ports the port or range, or null for a service name registered without a port
 * @param transport the transport, or null when the record applies to every transport
 * @param description the description
 * @param status assigned, reserved or unassigned
 * @param assignees names of the assignees
 * @param contacts names of the contacts
 * @param registered the registration date, if the release gives one
 * @param modified the date of the last modification, if the release gives one
 * @param references the references
 * @param notes the assignment notes
 * @param unauthorized the reports of unauthorized use
 * @param serviceCodes the DCCP service codes
 * @param aliases other names of the service on the same port
 */
public record CanonicalRecord(
        @Nullable String service,
        @Nullable PortRange ports,
        @Nullable Transport transport,
        String description,
        AssignmentStatus status,
        List<String> assignees,
        List<String> contacts,
        @Nullable RegistryDate registered,
        @Nullable RegistryDate modified,
        List<Reference> references,
        List<String> notes,
        List<String> unauthorized,
        List<String> serviceCodes,
        List<String> aliases) implements Comparable<CanonicalRecord> {

    /** The fields of a record, in the order a change lists them. */
    public enum Field {
        SERVICE, PORTS, TRANSPORT, DESCRIPTION, STATUS, ASSIGNEES, CONTACTS, REGISTERED, MODIFIED, REFERENCES,
        NOTES, UNAUTHORIZED, SERVICE_CODES, ALIASES;

        /** Lower-case name with hyphens, for message keys and JSON: {@code service-codes}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What identifies a record from one release to the next: its port or range, its transport,
     * and its service name in lower case (null for a record without a name). Ordered by port
     * (first, then last; records without a port last), transport (records for every transport
     * first, then TCP, UDP, SCTP, DCCP) and name (records without a name first).
     *
     * @param ports the port or range, or null
     * @param transport the transport, or null
     * @param service the service name in lower case, or null
     */
    public record Key(@Nullable PortRange ports, @Nullable Transport transport, @Nullable String service)
            implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return compareKeys(ports, transport, service, o.ports, o.transport, o.service);
        }

        @Override
        public String toString() {
            return (service == null ? "(no name)" : service) + " " + (ports == null ? "(no port)" : ports)
                    + "/" + (transport == null ? "any" : transport.id());
        }
    }

    /** By kind, then by value; RFCs by number ({@code RFC854} before {@code RFC5198}). */
    private static final Comparator<Reference> REFERENCE = new ReferenceOrder();

    /** The order above, written out: the comparator combinators' lambdas cost a command's start (bench/README.md). */
    private static final class ReferenceOrder implements Comparator<Reference> {
        @Override
        public int compare(Reference a, Reference b) {
            int c = a.kind().compareTo(b.kind());
            if (c == 0) {
                c = Integer.compare(a.kind() == Reference.Kind.RFC ? a.value().length() : 0,
                        b.kind() == Reference.Kind.RFC ? b.value().length() : 0);
            }
            return c != 0 ? c : a.value().compareTo(b.value());
        }
    }

    public CanonicalRecord {
        if (service != null) {
            service = CanonicalText.collapse(service);
            if (service.isEmpty()) {
                service = null;
            }
        }
        description = CanonicalText.text(Objects.requireNonNull(description, "description"));
        Objects.requireNonNull(status, "status");
        assignees = sortedSet(assignees);
        contacts = sortedSet(contacts);
        references = references(references);
        notes = texts(notes);
        unauthorized = texts(unauthorized);
        serviceCodes = sortedSet(serviceCodes);
        aliases = sortedSet(aliases);
    }

    /**
     * The canonical form of a record of {@code snapshot}, its people named from the snapshot's
     * people list.
     */
    static CanonicalRecord of(Assignment a, RegistrySnapshot snapshot) {
        return of(a, id -> snapshot.person(id).name());
    }

    static CanonicalRecord of(Assignment a, Function<String, String> personName) {
        return new CanonicalRecord(a.service(), a.ports(), a.transport(), a.description(), a.status(),
                names(a.assignees(), personName), names(a.contacts(), personName), a.registered(), a.modified(),
                a.references(), a.notes(), a.unauthorized(), a.serviceCodes(), a.aliases());
    }

    private static List<String> names(List<String> ids, Function<String, String> personName) {
        List<String> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(personName.apply(id));
        }
        return out;
    }

    /** The identity of the record across releases. */
    public Key key() {
        return new Key(ports, transport, service == null ? null : service.toLowerCase(Locale.ROOT));
    }

    /** Whether the record's port or range holds {@code port}. */
    public boolean covers(int port) {
        return ports != null && ports.contains(port);
    }

    /** The fields in which {@code other} differs from this record, in {@link Field} order. */
    public List<Field> differences(CanonicalRecord other) {
        Set<Field> out = EnumSet.noneOf(Field.class);
        if (!Objects.equals(serviceKey(), other.serviceKey())) {
            out.add(Field.SERVICE);
        }
        if (!Objects.equals(ports, other.ports)) {
            out.add(Field.PORTS);
        }
        if (transport != other.transport) {
            out.add(Field.TRANSPORT);
        }
        if (!description.equals(other.description)) {
            out.add(Field.DESCRIPTION);
        }
        if (status != other.status) {
            out.add(Field.STATUS);
        }
        if (!assignees.equals(other.assignees)) {
            out.add(Field.ASSIGNEES);
        }
        if (!contacts.equals(other.contacts)) {
            out.add(Field.CONTACTS);
        }
        if (!Objects.equals(registered, other.registered)) {
            out.add(Field.REGISTERED);
        }
        if (!Objects.equals(modified, other.modified)) {
            out.add(Field.MODIFIED);
        }
        if (!references.equals(other.references)) {
            out.add(Field.REFERENCES);
        }
        if (!notes.equals(other.notes)) {
            out.add(Field.NOTES);
        }
        if (!unauthorized.equals(other.unauthorized)) {
            out.add(Field.UNAUTHORIZED);
        }
        if (!serviceCodes.equals(other.serviceCodes)) {
            out.add(Field.SERVICE_CODES);
        }
        if (!aliases.equals(other.aliases)) {
            out.add(Field.ALIASES);
        }
        return List.copyOf(out);
    }

    /**
     * The record as an assignment. Assignees and contacts are identified by their names, which
     * the people list of a snapshot made of canonical records maps to themselves.
     */
    Assignment toAssignment() {
        return new Assignment(service, aliases, ports, transport, description, status, assignees, contacts,
                registered, modified, references, notes, unauthorized, serviceCodes, Assignment.Origin.LISTED);
    }

    /** The service name in lower case; the name itself when it is in lower case already, as nearly all are. */
    private @Nullable String serviceKey() {
        return service == null ? null : service.toLowerCase(Locale.ROOT);
    }

    /** Equal when every field is, the service name compared in lower case. */
    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || o instanceof CanonicalRecord r && Objects.equals(ports, r.ports) && transport == r.transport
                && status == r.status && description.equals(r.description)
                && Objects.equals(serviceKey(), r.serviceKey())
                && assignees.equals(r.assignees) && contacts.equals(r.contacts)
                && Objects.equals(registered, r.registered) && Objects.equals(modified, r.modified)
                && references.equals(r.references) && notes.equals(r.notes) && unauthorized.equals(r.unauthorized)
                && serviceCodes.equals(r.serviceCodes) && aliases.equals(r.aliases);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(ports);
        h = 31 * h + Objects.hashCode(transport);
        h = 31 * h + Objects.hashCode(serviceKey());
        h = 31 * h + description.hashCode();
        h = 31 * h + status.hashCode();
        h = 31 * h + assignees.hashCode();
        h = 31 * h + contacts.hashCode();
        h = 31 * h + Objects.hashCode(registered);
        h = 31 * h + Objects.hashCode(modified);
        h = 31 * h + references.hashCode();
        h = 31 * h + notes.hashCode();
        h = 31 * h + unauthorized.hashCode();
        h = 31 * h + serviceCodes.hashCode();
        return 31 * h + aliases.hashCode();
    }

    /** By {@link #key()}, then by every other field: a total order consistent with {@link #equals}. */
    @Override
    public int compareTo(CanonicalRecord o) {
        int c = compareKeys(this, o);
        if (c == 0) {
            c = description.compareTo(o.description);
        }
        if (c == 0) {
            c = status.compareTo(o.status);
        }
        if (c == 0) {
            c = compareStrings(assignees, o.assignees);
        }
        if (c == 0) {
            c = compareStrings(contacts, o.contacts);
        }
        if (c == 0) {
            c = compareDates(registered, o.registered);
        }
        if (c == 0) {
            c = compareDates(modified, o.modified);
        }
        if (c == 0) {
            c = compareReferences(references, o.references);
        }
        if (c == 0) {
            c = compareStrings(notes, o.notes);
        }
        if (c == 0) {
            c = compareStrings(unauthorized, o.unauthorized);
        }
        if (c == 0) {
            c = compareStrings(serviceCodes, o.serviceCodes);
        }
        return c != 0 ? c : compareStrings(aliases, o.aliases);
    }

    /** Compares the keys of two records as {@link Key#compareTo} does, without making the keys. */
    static int compareKeys(CanonicalRecord a, CanonicalRecord b) {
        return compareKeys(a.ports, a.transport, a.serviceKey(), b.ports, b.transport, b.serviceKey());
    }

    private static int compareKeys(@Nullable PortRange p, @Nullable Transport t, @Nullable String s,
            @Nullable PortRange q, @Nullable Transport u, @Nullable String v) {
        if (p != q) {
            if (p == null || q == null) {
                return p == null ? 1 : -1;
            }
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        if (t != u) {
            if (t == null || u == null) {
                return t == null ? -1 : 1;
            }
            return t.compareTo(u);
        }
        if (s == null || v == null) {
            return s == v ? 0 : s == null ? -1 : 1;
        }
        return s.compareTo(v);
    }

    private static int compareDates(@Nullable RegistryDate a, @Nullable RegistryDate b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static int compareStrings(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareReferences(List<Reference> a, List<Reference> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = REFERENCE.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<String> sortedSet(List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        if (values.size() == 1) {
            String t = CanonicalText.text(values.get(0));
            return t.isEmpty() ? List.of() : List.of(t);
        }
        TreeSet<String> set = new TreeSet<>();
        for (String v : values) {
            String t = CanonicalText.text(v);
            if (!t.isEmpty()) {
                set.add(t);
            }
        }
        return List.copyOf(set);
    }

    private static List<String> texts(List<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            String t = CanonicalText.text(v);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static List<Reference> references(List<Reference> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        TreeSet<Reference> set = new TreeSet<>(REFERENCE);
        for (Reference r : values) {
            set.add(CanonicalText.reference(r));
        }
        return List.copyOf(set);
    }

}
