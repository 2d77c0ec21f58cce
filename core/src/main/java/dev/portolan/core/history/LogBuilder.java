package dev.portolan.core.history;

import dev.portolan.core.RegistrySnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds change logs from releases, checking that each release is given once. */
final class LogBuilder {
    private LogBuilder() {}

    /**
     * The content of a snapshot as a release of a change log.
     *
     * @param source how messages name it: the file it was read from
     * @throws HistoryException if the snapshot states no release date
     */
    static ReleaseContent content(RegistrySnapshot snapshot, String source) throws HistoryException {
        LocalDate date = snapshot.info().updated();
        if (date == null) {
            throw new HistoryException(source + ": states no release date (the registry's <updated>), by which a "
                    + "change log orders its releases; use IANA's XML file of the registry (its CSV file has no date)");
        }
        return new ReleaseContent(date, source, RegistryHistory.canonical(snapshot), false);
    }

    /**
     * A change log of {@code releases}, given in any order.
     *
     * @throws HistoryException if two releases have the same date or the same content
     */
    static ChangeLog build(List<ReleaseContent> releases) throws HistoryException {
        return build(releases, null);
    }

    /**
     * A change log of {@code releases}, given in any order, reusing the diffs of {@code log} between
     * two of its releases that stay next to each other.
     */
    private static ChangeLog build(List<ReleaseContent> releases, @Nullable ChangeLog log) throws HistoryException {
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("a change log needs at least one release");
        }
        List<ReleaseContent> sorted = new ArrayList<>(releases);
        sorted.sort(Comparator.comparing(ReleaseContent::date));
        checkDistinct(sorted);
        Map<LocalDate, RegistryDiff> kept = new HashMap<>();
        if (log != null) {
            for (RegistryDiff d : log.diffs()) {
                kept.put(d.older(), d);
            }
        }
        List<RegistryDiff> diffs = new ArrayList<>(sorted.size() - 1);
        for (int i = 1; i < sorted.size(); i++) {
            ReleaseContent older = sorted.get(i - 1);
            ReleaseContent newer = sorted.get(i);
            RegistryDiff same = older.inLog() && newer.inLog() ? kept.get(older.date()) : null;
            diffs.add(same != null && newer.date().equals(same.newer()) ? same
                    : new RegistryDiff(older.date(), newer.date(), Differ.changes(older.records(), newer.records())));
        }
        return new ChangeLog(sorted.get(0).date(), sorted.get(0).records(), diffs);
    }

    /** {@code log} with {@code added} releases, wherever their dates put them. */
    static ChangeLog add(ChangeLog log, List<ReleaseContent> added) throws HistoryException {
        List<ReleaseContent> all = new ArrayList<>(log.releases().size() + added.size());
        List<List<CanonicalRecord>> records = log.allRecords();
        for (int i = 0; i < records.size(); i++) {
            LocalDate date = log.releases().get(i);
            all.add(new ReleaseContent(date, "the change log's release of " + date, records.get(i), true));
        }
        all.addAll(added);
        // the diff between two releases of the log that stay next to each other is the log's
        return build(all, log);
    }

    /** Refuses two releases of one date, and two releases of the same content. */
    private static void checkDistinct(List<ReleaseContent> sorted) throws HistoryException {
        Map<List<CanonicalRecord>, ReleaseContent> byContent = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            ReleaseContent r = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).date().equals(r.date())) {
                // the sort is stable: the release met first is the one given first (or the change log's)
                throw new HistoryException(r.source() + ": is the release of " + r.date() + ", as is "
                        + sorted.get(i - 1).source() + "; give each release once");
            }
            ReleaseContent same = byContent.putIfAbsent(r.records(), r);
            if (same != null) {
                throw new HistoryException(r.source() + ": holds the same records as " + same.describe()
                        + " under the date " + r.date() + "; give each release once");
            }
        }
    }
}
