package dev.portolan.core.snapshot;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.StoreException;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.HistoryException;
import dev.portolan.core.history.RegistryDiff;
import dev.portolan.core.history.RegistryHistory;
import dev.portolan.core.snapshot.SnapshotStore.HistoryFate;
import dev.portolan.core.snapshot.SnapshotStore.ReleaseInHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The history a Portolan home keeps: the program's own change log merged with the releases
 * imported into the home, stored as one change log in the home's history file.
 *
 * <p>The file holds the whole merged history, so that reading it is one decode. A program that
 * embeds a release the file lacks (a newer version of Portolan) merges it in when the history is
 * read, and the next import stores the result.
 */
final class HomeHistory {
    private HomeHistory() {}

    /**
     * The change log stored in {@code file}, or null when there is none.
     *
     * @throws StoreException if the file cannot be read or is not a change log this program reads
     */
    static @Nullable ChangeLog read(Path file) throws StoreException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreException("cannot read the history " + file + ": " + e.getMessage(), e);
        }
        try {
            return RegistryHistory.decode(bytes);
        } catch (HistoryException e) {
            throw new StoreException("the history " + file + " is damaged: " + e.getMessage()
                    + "; move it away and import the releases again to rebuild it", e);
        }
    }

    /**
     * The program's history with the releases of the stored one: the stored log itself when it
     * holds every release of the program's, else the stored log with the program's other
     * releases merged in. A release of the program's whose records the stored log holds under
     * another date is left out: the stored release stands for it.
     */
    static ChangeLog merged(ChangeLog program, @Nullable ChangeLog stored) {
        if (stored == null) {
            return program;
        }
        Set<LocalDate> known = new HashSet<>(stored.releases());
        ChangeLog out = stored;
        for (LocalDate release : program.releases()) {
            if (!known.contains(release)) {
                try {
                    out = out.with(program.snapshot(release));
                } catch (HistoryException e) {
                    // the same records under another date: the stored release stands for them
                }
            }
        }
        return out;
    }

    /**
     * What an import does to the history: the fate of each release, and the history after it.
     *
     * @param releases each release given, in the order given
     * @param history the history after the import
     * @param changed whether the history gains a release (and its file must be written)
     * @param conflicts the releases whose date the history holds with other records, in date
     *     order; the history keeps its own
     */
    record Plan(List<ReleaseInHistory> releases, ChangeLog history, boolean changed, List<ReleaseInHistory> conflicts) {}

    /**
     * Plans the import of {@code releases} into {@code base}, oldest first: a release of a date
     * the history lacks, with records no release of it has, is added; one it has with the same
     * records is known; one whose records it has under another date is not added; one of a date
     * it has with other records is a conflict.
     *
     * @param releases the releases given; no two of one date
     */
    static Plan plan(ChangeLog base, List<RegistrySnapshot> releases) {
        Contents contents = new Contents(base);
        List<RegistrySnapshot> byDate = new ArrayList<>(releases);
        byDate.removeIf(r -> r.info().updated() == null);
        byDate.sort(Comparator.comparing(r -> r.info().updated()));
        Map<RegistrySnapshot, ReleaseInHistory> fates = new IdentityHashMap<>();
        List<ReleaseInHistory> conflicts = new ArrayList<>();
        ChangeLog history = base;
        for (RegistrySnapshot r : byDate) {
            LocalDate date = r.info().updated();
            List<CanonicalRecord> records = RegistryHistory.canonical(r);
            ReleaseInHistory fate;
            if (contents.has(date)) {
                boolean same = contents.of(date).equals(records);
                fate = new ReleaseInHistory(r.info().label(), date, same ? HistoryFate.KNOWN : HistoryFate.KEPT_OWN,
                        same ? null : date);
                if (!same) {
                    conflicts.add(fate);
                }
            } else {
                LocalDate other = contents.dateOf(records);
                if (other != null) {
                    fate = new ReleaseInHistory(r.info().label(), date, HistoryFate.SAME_RECORDS, other);
                } else {
                    try {
                        history = history.with(r);
                    } catch (HistoryException e) {
                        throw new IllegalStateException("the history refused a release it lacks: " + e.getMessage(), e);
                    }
                    contents.add(date, records);
                    fate = new ReleaseInHistory(r.info().label(), date, HistoryFate.ADDED, null);
                }
            }
            fates.put(r, fate);
        }
        List<ReleaseInHistory> out = new ArrayList<>(releases.size());
        boolean changed = false;
        for (RegistrySnapshot r : releases) {
            ReleaseInHistory fate = fates.get(r);
            if (fate == null) {
                fate = new ReleaseInHistory(r.info().label(), null, HistoryFate.UNDATED, null);
            }
            changed |= fate.fate() == HistoryFate.ADDED;
            out.add(fate);
        }
        return new Plan(out, history, changed, conflicts);
    }

    /**
     * The records of each release of a history, rebuilt only when asked for: a release is
     * compared with another only when they hold as many records, which the diffs tell without
     * rebuilding anything.
     */
    private static final class Contents {
        private final ChangeLog log;
        private final Map<LocalDate, Integer> sizes = new HashMap<>();
        private final Map<LocalDate, List<CanonicalRecord>> built = new HashMap<>();

        Contents(ChangeLog log) {
            this.log = log;
            int size = log.firstRecords().size();
            sizes.put(log.releases().get(0), size);
            for (RegistryDiff d : log.diffs()) {
                RegistryDiff.Counts c = d.counts();
                size += c.added() - c.removed();
                sizes.put(d.newer(), size);
            }
        }

        boolean has(LocalDate date) {
            return sizes.containsKey(date);
        }

        List<CanonicalRecord> of(LocalDate date) {
            return built.computeIfAbsent(date, log::records);
        }

        /** The date of a release with exactly these records, or null. */
        @Nullable LocalDate dateOf(List<CanonicalRecord> records) {
            for (Map.Entry<LocalDate, Integer> e : sizes.entrySet()) {
                if (e.getValue() == records.size() && of(e.getKey()).equals(records)) {
                    return e.getKey();
                }
            }
            return null;
        }

        void add(LocalDate date, List<CanonicalRecord> records) {
            sizes.put(date, records.size());
            built.put(date, records);
        }
    }
}
