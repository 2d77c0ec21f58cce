package dev.portolan.core.history;

import dev.portolan.core.Assignment;
import dev.portolan.core.RegistrySnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of the port registry across its releases: what changed between two releases,
 * and the change log of many.
 *
 * <p><b>Content.</b> The history compares what releases say, not how they write it. The content
 * of a snapshot is the multiset of its records in {@link CanonicalRecord canonical form}: texts
 * with white space collapsed, references and people normalised (people by name, never by the
 * registry's identifiers), service names without letter case. Two snapshots have the same
 * content when those multisets are equal ({@link #sameContent}); the order of records, the people
 * list's identifiers, e-mail and web addresses, the footnotes and the source information do not
 * count.
 *
 * <p><b>Identity.</b> A record of one release is the same record in another when its port or
 * range, transport and service name (in lower case) agree; a record without a name is known by
 * its port and transport. How duplicates, changed ranges and renamed services are matched is
 * said in {@link #diff}.
 */
public final class RegistryHistory {
    private RegistryHistory() {}

    /**
     * The content of a snapshot: its records in canonical form, sorted in canonical order.
     * Records the snapshot holds twice are there twice.
     */
    public static List<CanonicalRecord> canonical(RegistrySnapshot snapshot) {
        List<Assignment> records = snapshot.assignments();
        List<CanonicalRecord> out = new ArrayList<>(records.size());
        Map<String, String> names = new HashMap<>();
        for (Assignment a : records) {
            out.add(CanonicalRecord.of(a, id -> names.computeIfAbsent(id, i -> snapshot.person(i).name())));
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    /** Whether two snapshots hold the same records in canonical form, as a multiset. */
    public static boolean sameContent(RegistrySnapshot a, RegistrySnapshot b) {
        return a.assignments().size() == b.assignments().size() && canonical(a).equals(canonical(b));
    }

    /**
     * What changed from {@code older} to {@code newer}.
     *
     * <p>Records are matched by key (port or range, transport, lower-case name). When a key holds
     * several records, equal records are matched first and the rest paired in canonical order;
     * the others are removals or additions. Of the records left, a named record whose range
     * changed but still overlaps the old one, with the same name and transport, is a change of
     * its ports; then a named record whose name changed on the same port or range and transport
     * is a change of its name (IANA renames in place: {@code fox-skytale} became {@code skytale}
     * on 4319 in 2025). A row without a name whose range changed is the removal of the old row
     * and the addition of the new ones, and a service whose port became a reserved row is removed
     * (de-assigned) and the row added.
     *
     * <p>The result does not depend on the order of records in either snapshot, nor on
     * formatting that the canonical form leaves out; {@code apply(older, diff(older, newer))} has
     * the same content as {@code newer}.
     */
    public static RegistryDiff diff(RegistrySnapshot older, RegistrySnapshot newer) {
        return new RegistryDiff(older.info().updated(), newer.info().updated(),
                Differ.changes(canonical(older), canonical(newer)));
    }

    /**
     * Applies {@code diff} to {@code snapshot}: removes the records the diff removes, replaces
     * those it changes, adds those it adds. The result holds canonical records in canonical order,
     * its people list maps each name to itself, its source information is {@code snapshot}'s with
     * the diff's newer date, and its footnotes are {@code snapshot}'s.
     *
     * @throws IllegalArgumentException if {@code snapshot} lacks a record the diff removes or
     *     changes: the diff was made from another release
     */
    public static RegistrySnapshot apply(RegistrySnapshot snapshot, RegistryDiff diff) {
        List<CanonicalRecord> records = Releases.apply(canonical(snapshot), diff.changes());
        return Releases.snapshot(snapshot.info().label(), snapshot.info().source(), diff.newer(), records,
                snapshot.footnotes());
    }

    /**
     * The change log of releases given as snapshots, in any order: ordered by their {@code
     * updated} dates, each release after the first kept as the diff from the one before.
     *
     * @throws HistoryException if a snapshot states no date, two have the same date, or two the
     *     same content; the snapshots' labels name them
     * @throws IllegalArgumentException if {@code releases} is empty
     */
    public static ChangeLog changeLog(List<RegistrySnapshot> releases) throws HistoryException {
        List<ReleaseContent> contents = new ArrayList<>(releases.size());
        for (RegistrySnapshot s : releases) {
            contents.add(LogBuilder.content(s, s.info().label()));
        }
        return LogBuilder.build(contents);
    }

    /**
     * Reads registry files, XML or CSV, optionally gzip-compressed, given in any order, and makes
     * the change log of their releases, ordered by the registry's {@code updated} date.
     *
     * <p>Nothing is returned unless every file is read: the first file that fails stops the
     * import with an exception that names it.
     *
     * @throws HistoryException if {@code files} is empty or names a file twice, a file cannot be
     *     read or is not the registry (truncated, damaged, of another kind), a file states no
     *     release date (IANA's CSV has none), or two files hold the same release: the same date, or
     *     the same content under two dates
     */
    public static ChangeLog importReleases(Collection<Path> files) throws HistoryException {
        if (files.isEmpty()) {
            throw new HistoryException("no registry file given; a change log needs at least one release");
        }
        return LogBuilder.build(ReleaseFiles.read(files));
    }

    /**
     * {@code log} with the releases of {@code files} added, wherever their dates put them: a
     * release older than the log's first is inserted before it, one between two releases between
     * them, and the diffs around each are made again. What {@link #importReleases(Collection)}
     * refuses is refused here too, and so is a release the log already holds (by date or by
     * content).
     *
     * @throws HistoryException as {@link #importReleases(Collection)}, or if a file holds a
     *     release of the log
     */
    public static ChangeLog importReleases(ChangeLog log, Collection<Path> files) throws HistoryException {
        return files.isEmpty() ? log : LogBuilder.add(log, ReleaseFiles.read(files));
    }

    /**
     * Reads a change log from its binary form ({@link ChangeLog#encode}).
     *
     * @throws HistoryException if the bytes are damaged, cut short, or of another format or version
     */
    public static ChangeLog decode(byte[] bytes) throws HistoryException {
        return ChangeLogCodec.decode(bytes);
    }
}
