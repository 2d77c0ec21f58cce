package dev.portolan.knowledge.page;

import dev.portolan.core.PortRange;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.RegistryDiff;
import dev.portolan.core.history.RegistryDiff.Change;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The pages of the registry's releases, in no language yet: the list of the releases with what
 * each changed ({@link #index()}), and what one release added, removed and changed, field by field
 * ({@link #page}). Composed from a change log; immutable and safe to share between threads.
 *
 * <p>A release has a page when a release comes before it in the change log: the oldest release
 * is where the comparison starts, and its page would have nothing to compare.
 */
public final class ReleasePages {
    /**
     * The list of releases.
     *
     * @param title the heading ({@code releases.title})
     * @param lead what the list shows ({@code releases.lead})
     * @param rows the releases that have a page, newest first
     * @param first the oldest release and how many records it lists ({@code releases.first})
     * @param oldest the oldest release's day
     */
    public record Index(Text title, Text lead, List<Row> rows, Text first, LocalDate oldest) {
        public Index {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One release in the list.
     *
     * @param release its day
     * @param previous the day of the release before it
     * @param counts how many records it added, removed and changed
     * @param summary the counts in words ({@code release.summary})
     */
    public record Row(LocalDate release, LocalDate previous, RegistryDiff.Counts counts, Text summary) {}

    /**
     * What one release changed.
     *
     * @param release its day
     * @param previous the day of the release it is compared with
     * @param next the day of the release after it, if any
     * @param title the heading ({@code release.title})
     * @param lead the counts in a sentence ({@code release.lead})
     * @param summary the counts in a few words, as the list and the feed give them ({@code release.summary})
     * @param fields in which fields the changed records differ, with how many ({@code release.fields}),
     *     or null when no record changed
     * @param counts how many records it added, removed and changed
     * @param added the records added, in the registry's order (by port, transport, name)
     * @param removed the records removed
     * @param changed the records changed, as they are after the change, each with its changes
     */
    public record Release(LocalDate release, LocalDate previous, @Nullable LocalDate next, Text title, Text lead,
            Text summary, @Nullable Text fields, RegistryDiff.Counts counts, List<Entry> added, List<Entry> removed,
            List<Entry> changed) {
        public Release {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }

    /**
     * One record of a release's page, as data: the registry's own words.
     *
     * @param port the record's first port, or -1 for a service name registered without one
     * @param ports the port or range ({@code 6000-6063}), or empty
     * @param transport {@code tcp}, {@code udp}, {@code sctp}, {@code dccp}, or empty for every transport
     * @param service the service name, or empty for a reserved or unassigned row
     * @param status {@code assigned}, {@code reserved} or {@code unassigned}
     * @param description the registry's description
     * @param changes for a changed record, one sentence a field ({@code timeline.field}); else empty
     */
    public record Entry(int port, String ports, String transport, String service, String status, String description,
            List<Text> changes) {
        public Entry {
            changes = List.copyOf(changes);
        }
    }

    private final ChangeLog log;

    public ReleasePages(ChangeLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    /** The days of the releases that have a page, newest first. */
    public List<LocalDate> releases() {
        List<LocalDate> out = new ArrayList<>(log.releases().subList(1, log.releases().size()));
        java.util.Collections.reverse(out);
        return out;
    }

    /** The list of releases. */
    public Index index() {
        List<LocalDate> days = log.releases();
        List<Row> rows = new ArrayList<>();
        for (int i = log.diffs().size() - 1; i >= 0; i--) {
            RegistryDiff d = log.diffs().get(i);
            rows.add(new Row(days.get(i + 1), days.get(i), d.counts(), summary(d.counts())));
        }
        LocalDate first = days.get(0);
        LocalDate last = days.get(days.size() - 1);
        return new Index(Text.of("releases.title"), Text.of("releases.lead", "count", days.size(), "first",
                PageDate.of(first), "last", PageDate.of(last)).citing(ChangeWords.RELEASES), rows,
                Text.of("releases.first", "date", PageDate.of(first), "records", log.firstRecords().size())
                        .citing(ChangeWords.RELEASES), first);
    }

    /** The page of the release of a day, if the change log has one after its first. */
    public Optional<Release> page(LocalDate release) {
        List<LocalDate> days = log.releases();
        int i = days.indexOf(release);
        if (i < 1) {
            return Optional.empty();
        }
        RegistryDiff d = log.diffs().get(i - 1);
        LocalDate previous = days.get(i - 1);
        LocalDate next = i + 1 < days.size() ? days.get(i + 1) : null;
        RegistryDiff.Counts counts = d.counts();
        PageDate day = PageDate.of(release);
        Text lead = Text.of("release.lead", "date", day, "previous", PageDate.of(previous), "added", counts.added(),
                "removed", counts.removed(), "changed", counts.changed()).citing(ChangeWords.RELEASES);
        Text fields = null;
        Map<Field, Integer> byField = d.fieldCounts();
        if (!byField.isEmpty()) {
            List<Object> items = new ArrayList<>();
            byField.forEach((f, n) -> items.add(Text.of("release.fieldCount", "field", ChangeWords.selector(f),
                    "count", n)));
            fields = Text.of("release.fields", "fields", items).citing(ChangeWords.RELEASES);
        }
        List<Entry> added = new ArrayList<>();
        List<Entry> removed = new ArrayList<>();
        List<Entry> changed = new ArrayList<>();
        for (Change c : d.changes()) {
            switch (c.kind()) {
                case ADDED -> added.add(entry(Objects.requireNonNull(c.after()), List.of()));
                case REMOVED -> removed.add(entry(Objects.requireNonNull(c.before()), List.of()));
                case CHANGED -> changed.add(entry(Objects.requireNonNull(c.after()), changes(c)));
            }
        }
        return Optional.of(new Release(release, previous, next, Text.of("release.title", "date", day), lead,
                summary(counts), fields, counts, added, removed, changed));
    }

    private static Text summary(RegistryDiff.Counts counts) {
        return Text.of("release.summary", "added", counts.added(), "removed", counts.removed(), "changed",
                counts.changed());
    }

    /** One sentence a field that changed, the record named as it is after the change. */
    private static List<Text> changes(Change c) {
        CanonicalRecord before = Objects.requireNonNull(c.before());
        CanonicalRecord after = Objects.requireNonNull(c.after());
        Object label = after.service() == null ? ChangeWords.row(after.ports()) : after.service();
        List<Text> out = new ArrayList<>();
        for (Field f : c.fields()) {
            out.add(ChangeWords.field(f, before, after, List.of(label)));
        }
        return out;
    }

    private static Entry entry(CanonicalRecord r, List<Text> changes) {
        PortRange ports = r.ports();
        return new Entry(ports == null ? -1 : ports.first(), ports == null ? "" : ports.toString(),
                r.transport() == null ? "" : r.transport().id(), r.service() == null ? "" : r.service(),
                r.status().id(), r.description(), changes);
    }
}
