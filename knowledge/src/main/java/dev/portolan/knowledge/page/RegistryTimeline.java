package dev.portolan.knowledge.page;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.PortTimeline;
import dev.portolan.core.history.PortTimeline.Between;
import dev.portolan.core.history.PortTimeline.Event;
import dev.portolan.core.history.PortTimeline.RecordHistory;
import dev.portolan.core.history.RegistryDiff.Change;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A port's history in the registry's releases, told as the sentences of its page's History
 * section: which records the oldest release compared already lists, when a record appeared or
 * went (between which two releases), what changed in a record, field by field, and since when the
 * port has been as it is.
 *
 * <p>What a reader would not call a change is left out: a row without a service name (unassigned
 * or reserved numbers) replaced by one of the same status over another range, because a number
 * nearby was assigned; an unassigned row added where there was none. A record that appeared with
 * a registration date between the two releases is told by the registration (the section's {@code
 * history.registered}); a change whose record's date of last change falls between the two
 * releases is told on that day, and the section's {@code history.modified} leaves that date out
 * ({@link Story#explained}).
 */
final class RegistryTimeline {
    /**
     * A part of the story.
     *
     * @param key when it happened, for ordering among the section's other dated sentences: the
     *     ISO date of the day when known, else of the release that first shows it
     * @param sentence the sentence
     * @param points the changes it introduces, one a field (empty for a sentence alone)
     */
    record Told(String key, Text sentence, List<Text> points) {
        Told {
            points = List.copyOf(points);
        }
    }

    /**
     * The timeline in sentences.
     *
     * @param told the parts, oldest first
     * @param explained the dates of last change that the changes told say on which day they were
     *     made, as keys {@link #explainedKey}: the section does not say them again
     */
    record Story(List<Told> told, Set<String> explained) {
        Story {
            told = List.copyOf(told);
            explained = Set.copyOf(explained);
        }
    }

    /** What happened between two consecutive releases, as far as the port is concerned. */
    private static final class Interval {
        final Between when;
        final List<RecordHistory> appeared = new ArrayList<>();
        final List<CanonicalRecord> left = new ArrayList<>();
        final List<CanonicalRecord> rowsIn = new ArrayList<>();
        final List<CanonicalRecord> rowsOut = new ArrayList<>();
        final List<Change> changed = new ArrayList<>();

        Interval(Between when) {
            this.when = when;
        }
    }

    private final PortTimeline timeline;
    private final String port;

    private RegistryTimeline(PortTimeline timeline) {
        this.timeline = timeline;
        this.port = Integer.toString(timeline.port());
    }

    /** The key under which a date of last change counts as told: service in lower case, transport, date. */
    static String explainedKey(String service, @Nullable Transport transport, String date) {
        return service.toLowerCase(Locale.ROOT) + "|" + (transport == null ? "" : transport.id()) + "|" + date;
    }

    /** The story of a port over the releases of its timeline; empty when there is only one release. */
    static Story of(PortTimeline timeline) {
        if (timeline.releases().size() < 2) {
            return new Story(List.of(), Set.of());
        }
        return new RegistryTimeline(timeline).tell();
    }

    private Story tell() {
        List<LocalDate> releases = timeline.releases();
        LocalDate first = releases.get(0);
        LocalDate last = releases.get(releases.size() - 1);
        List<Told> told = new ArrayList<>();
        Set<String> explained = new LinkedHashSet<>();
        // The records of the oldest release, named by service; those registered at a known date are
        // told by their registration.
        List<CanonicalRecord> already = new ArrayList<>();
        Map<LocalDate, Interval> intervals = new TreeMap<>();
        for (RecordHistory h : timeline.records()) {
            for (Event e : h.events()) {
                Change c = e.change();
                if (e.when().inOrBeforeFirstRelease()) {
                    CanonicalRecord r = Objects.requireNonNull(c.after());
                    if (r.service() != null && !registrationTells(h, e.when())) {
                        already.add(r);
                    }
                    continue;
                }
                Interval in = intervals.computeIfAbsent(e.when().by(), k -> new Interval(e.when()));
                CanonicalRecord before = c.before();
                CanonicalRecord after = c.after();
                boolean was = before != null && before.covers(timeline.port());
                boolean is = after != null && after.covers(timeline.port());
                if (was && is) {
                    in.changed.add(c);
                } else if (is) {
                    if (after.service() == null) {
                        in.rowsIn.add(after);
                    } else if (h.events().get(0) == e) {
                        in.appeared.add(h);
                    }
                } else if (was) {
                    (before.service() == null ? in.rowsOut : in.left).add(before);
                }
            }
        }
        if (!already.isEmpty()) {
            told.add(new Told(first.toString(), Text.of("timeline.first", "by", PageDate.of(first), "services",
                    distinctServices(already), "port", port).citing(ChangeWords.RELEASES), List.of()));
        }
        LocalDate lastChange = null;
        Set<CanonicalRecord> shown = new java.util.HashSet<>(stateAt(last));
        for (Interval in : intervals.values()) {
            if (tellInterval(in, told, explained, shown)) {
                lastChange = in.when.by();
            }
        }
        if (lastChange == null) {
            told.add(new Told(last + "~", Text.of("timeline.unchanged", "first", PageDate.of(first), "last",
                    PageDate.of(last), "port", port).citing(ChangeWords.RELEASES), List.of()));
        } else if (lastChange.isBefore(last)) {
            told.add(new Told(last + "~", Text.of("timeline.unchangedSince", "by", PageDate.of(lastChange), "port",
                    port).citing(ChangeWords.RELEASES), List.of()));
        }
        return new Story(told, explained);
    }

    /**
     * Tells what happened between two releases; returns whether anything did that a reader would
     * call a change of the port, told here or by a registration.
     */
    private boolean tellInterval(Interval in, List<Told> told, Set<String> explained, Set<CanonicalRecord> shown) {
        LocalDate after = Objects.requireNonNull(in.when.after());
        LocalDate by = in.when.by();
        String key = by.toString();
        boolean happened = false;
        // Rows without a name that only moved to another range, with the same status: no change here.
        List<CanonicalRecord> rowsIn = new ArrayList<>(in.rowsIn);
        List<CanonicalRecord> rowsOut = new ArrayList<>();
        for (CanonicalRecord out : in.rowsOut) {
            CanonicalRecord same = null;
            for (CanonicalRecord r : rowsIn) {
                if (r.transport() == out.transport() && r.status() == out.status()
                        && r.description().equals(out.description())) {
                    same = r;
                    break;
                }
            }
            if (same != null) {
                rowsIn.remove(same);
            } else {
                rowsOut.add(out);
            }
        }
        List<CanonicalRecord> reserved = rowsIn.stream().filter(r -> r.status() == AssignmentStatus.RESERVED).toList();
        List<CanonicalRecord> unreserved = in.appeared.isEmpty()
                ? rowsOut.stream().filter(r -> r.status() == AssignmentStatus.RESERVED).toList() : List.of();

        List<CanonicalRecord> appeared = new ArrayList<>();
        for (RecordHistory h : in.appeared) {
            happened = true;
            if (!registrationTells(h, in.when)) {
                appeared.add(Objects.requireNonNull(h.appeared().change().after()));
            }
        }
        if (!appeared.isEmpty()) {
            told.add(new Told(key, Text.of("timeline.appeared", "services", labels(appeared, stateAt(by)), "port",
                    port, "after", PageDate.of(after), "by", PageDate.of(by)).citing(ChangeWords.RELEASES), List.of()));
        }
        boolean reservedTold = false;
        if (!in.left.isEmpty()) {
            happened = true;
            reservedTold = !reserved.isEmpty();
            told.add(new Told(key, Text.of("timeline.removed", "port", port, "services",
                    labels(in.left, stateAt(after)), "after", PageDate.of(after), "by", PageDate.of(by), "then",
                    reservedTold ? "reserved" : "none").citing(ChangeWords.RELEASES), List.of()));
        }
        if (!reserved.isEmpty() && !reservedTold) {
            happened = true;
            told.add(transports("timeline.reserved", reserved, after, by));
        }
        if (!unreserved.isEmpty()) {
            happened = true;
            told.add(transports("timeline.unreserved", unreserved, after, by));
        }
        if (!in.changed.isEmpty()) {
            happened = true;
            // Changes grouped by the day they were made, where a record's date of last change says it.
            Map<String, List<Change>> byDay = new TreeMap<>();
            for (Change c : in.changed) {
                LocalDate day = day(Objects.requireNonNull(c.after()).modified(), in.when);
                byDay.computeIfAbsent(day == null ? "~" : day.toString(), k -> new ArrayList<>()).add(c);
            }
            List<CanonicalRecord> state = stateAt(after);
            // Days come before the release that shows them: the first names the releases around it,
            // the later ones of the same interval only their day.
            boolean[] intervalSaid = {false};
            byDay.forEach((d, changes) -> {
                LocalDate day = d.equals("~") ? null : LocalDate.parse(d);
                List<Text> points = points(changes, day, state, shown);
                Text intro;
                if (day == null) {
                    intro = Text.of("timeline.changed", "exact", "no", "after", PageDate.of(after), "by",
                            PageDate.of(by), "count", changes.size(), "port", port);
                } else {
                    intro = Text.of("timeline.changed", "exact", intervalSaid[0] ? "day" : "yes", "date",
                            PageDate.of(day), "after", PageDate.of(after), "by", PageDate.of(by), "count",
                            changes.size(), "port", port);
                    intervalSaid[0] = true;
                }
                told.add(new Told(day == null ? key : d, intro.citing(ChangeWords.RELEASES), points));
                if (day != null) {
                    for (Change c : changes) {
                        CanonicalRecord r = Objects.requireNonNull(c.after());
                        if (r.service() != null) {
                            explained.add(explainedKey(r.service(), r.transport(), d));
                        }
                    }
                }
            });
        }
        return happened;
    }

    /** A sentence on rows that reserve the port, or stopped reserving it, on some transports. */
    private Told transports(String key, List<CanonicalRecord> rows, LocalDate after, LocalDate by) {
        boolean all = rows.stream().anyMatch(r -> r.transport() == null);
        List<Object> labels = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (rows.stream().anyMatch(r -> r.transport() == t)) {
                labels.add(ChangeWords.transport(t));
            }
        }
        return new Told(by.toString(), Text.of(key, "port", port, "after", PageDate.of(after), "by", PageDate.of(by),
                "all", all ? "yes" : "no", "transports", labels).citing(ChangeWords.RELEASES), List.of());
    }

    /**
     * The changes of some records, one point a field and change of value, naming the records it
     * concerns. The date of last change is left out when it is the day the changes are told on,
     * unless nothing else changed.
     */
    private static List<Text> points(List<Change> changes, @Nullable LocalDate day, List<CanonicalRecord> state,
            Set<CanonicalRecord> shown) {
        Map<Field, Map<List<Object>, List<Change>>> byField = new EnumMap<>(Field.class);
        for (Change c : changes) {
            CanonicalRecord before = Objects.requireNonNull(c.before());
            CanonicalRecord after = Objects.requireNonNull(c.after());
            for (Field f : c.fields()) {
                // Notes and reports the page quotes already (the section's notes, the Security
                // section) are pointed to, not quoted twice.
                boolean quotedElsewhere = shown.contains(after)
                        && (f == Field.NOTES && !after.notes().isEmpty()
                                || f == Field.UNAUTHORIZED && !after.unauthorized().isEmpty());
                List<Object> values = ChangeWords.values(f, before, after);
                if (quotedElsewhere) {
                    values = List.of(values.get(0), Text.of("timeline.shown", "field", ChangeWords.selector(f)));
                }
                byField.computeIfAbsent(f, k -> new LinkedHashMap<>()).computeIfAbsent(values, k -> new ArrayList<>())
                        .add(c);
            }
        }
        if (day != null && byField.size() > 1) {
            byField.remove(Field.MODIFIED);
        }
        List<Text> out = new ArrayList<>();
        byField.forEach((field, groups) -> groups.forEach((values, group) -> {
            Change one = group.get(0);
            out.add(Text.of("timeline.field", "field", ChangeWords.selector(field), "records", changedLabels(group, state),
                    "before", values.get(0), "after", values.get(1)).citing(ChangeWords.RELEASES));
        }));
        return out;
    }

    /** The day a record's date of last change names, when it lies between the two releases. */
    private static @Nullable LocalDate day(@Nullable RegistryDate modified, Between when) {
        if (modified == null || modified.day() == 0) {
            return null;
        }
        LocalDate d = LocalDate.of(modified.year(), modified.month(), modified.day());
        return when.after() != null && d.isAfter(when.after()) && !d.isAfter(when.by()) ? d : null;
    }

    /**
     * Whether a record's appearance is told by its registration: it is on the port in the last
     * release, and was registered between the releases that bound its appearance (or, for a record
     * of the oldest release, before it).
     */
    private boolean registrationTells(RecordHistory h, Between when) {
        CanonicalRecord current = h.current(timeline.port()).orElse(null);
        if (current == null || current.service() == null || current.registered() == null) {
            return false;
        }
        RegistryDate r = current.registered();
        LocalDate earliest = LocalDate.of(r.year(), Math.max(r.month(), 1), Math.max(r.day(), 1));
        LocalDate latest = r.month() == 0 ? LocalDate.of(r.year(), 12, 31)
                : r.day() == 0 ? YearMonth.of(r.year(), r.month()).atEndOfMonth() : earliest;
        return (when.after() == null || earliest.isAfter(when.after())) && !latest.isAfter(when.by());
    }

    /** The records on the port in a release. */
    private List<CanonicalRecord> stateAt(LocalDate release) {
        List<CanonicalRecord> out = new ArrayList<>();
        for (RecordHistory h : timeline.records()) {
            CanonicalRecord current = null;
            for (Event e : h.events()) {
                if (!e.when().by().isAfter(release)) {
                    current = e.change().after();
                }
            }
            if (current != null && current.covers(timeline.port())) {
                out.add(current);
            }
        }
        return out;
    }

    /** Each service of some records once, in order. */
    private static List<Object> distinctServices(List<CanonicalRecord> records) {
        Set<String> seen = new LinkedHashSet<>();
        List<Object> out = new ArrayList<>();
        for (CanonicalRecord r : records) {
            if (seen.add(Objects.requireNonNull(r.service()).toLowerCase(Locale.ROOT))) {
                out.add(r.service());
            }
        }
        return out;
    }

    /** Labels of records that appeared or left, compared with the port's records in {@code state}. */
    private static List<Object> labels(List<CanonicalRecord> records, List<CanonicalRecord> state) {
        List<CanonicalRecord[]> pairs = new ArrayList<>();
        records.forEach(r -> pairs.add(new CanonicalRecord[] {r, r}));
        return labelPairs(pairs, state);
    }

    /** Labels of changed records: named as they are after the change, compared as they were before. */
    private static List<Object> changedLabels(List<Change> changes, List<CanonicalRecord> state) {
        List<CanonicalRecord[]> pairs = new ArrayList<>();
        changes.forEach(c -> pairs.add(new CanonicalRecord[] {c.after(), c.before()}));
        return labelPairs(pairs, state);
    }

    /**
     * Each service once, with the transports of these records when they are not all the records
     * of that service in {@code state}; a row without a name as the entry for its ports.
     *
     * @param pairs each record to name, and the record to compare with {@code state}
     */
    private static List<Object> labelPairs(List<CanonicalRecord[]> pairs, List<CanonicalRecord> state) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Set<Transport>> transports = new LinkedHashMap<>();
        Map<String, Boolean> everyTransport = new LinkedHashMap<>();
        Set<Object> rows = new LinkedHashSet<>();
        List<String> order = new ArrayList<>();
        for (CanonicalRecord[] p : pairs) {
            CanonicalRecord named = p[0];
            CanonicalRecord compared = p[1];
            if (compared.service() == null || named.service() == null) {
                rows.add(ChangeWords.row(named.ports()));
                order.add("row:" + named.ports());
                continue;
            }
            String k = compared.service().toLowerCase(Locale.ROOT);
            if (!names.containsKey(k)) {
                order.add(k);
            }
            names.putIfAbsent(k, named.service());
            Set<Transport> ts = transports.computeIfAbsent(k, x -> java.util.EnumSet.noneOf(Transport.class));
            if (compared.transport() == null) {
                everyTransport.put(k, true);
            } else {
                ts.add(compared.transport());
            }
        }
        List<Object> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        List<Object> rowList = new ArrayList<>(rows);
        int row = 0;
        for (String k : order) {
            if (k.startsWith("row:")) {
                if (done.add(k)) {
                    out.add(rowList.get(row++));
                }
                continue;
            }
            if (!done.add(k)) {
                continue;
            }
            Set<Transport> ts = transports.get(k);
            boolean all = everyTransport.getOrDefault(k, false) || state.stream()
                    .filter(r -> r.service() != null && r.service().toLowerCase(Locale.ROOT).equals(k))
                    .allMatch(r -> r.transport() != null && ts.contains(r.transport()));
            List<String> labels = new ArrayList<>();
            if (!all) {
                ts.forEach(t -> labels.add(ChangeWords.transport(t)));
            }
            out.add(ChangeWords.label(names.get(k), labels));
        }
        return out;
    }
}
