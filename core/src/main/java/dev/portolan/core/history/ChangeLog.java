package dev.portolan.core.history;

import dev.portolan.core.PortRange;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Several releases of the registry as the first release's records and, for each later release,
 * the diff from the one before: the history without a full copy of every release.
 *
 * <p>Releases are known by the registry's {@code updated} date and kept in date order; no two
 * share a date or have the same content. Every release can be rebuilt
 * ({@link #records}, {@link #snapshot}) with the content it was read with (see {@link
 * RegistryHistory} for what content means). {@link RegistryHistory#importReleases} and {@link
 * RegistryHistory#changeLog} make change logs; {@link #encode} and {@link RegistryHistory#decode}
 * store them. Immutable: {@link #with} returns a new change log.
 */
public final class ChangeLog {
    private final List<LocalDate> releases;
    private final List<CanonicalRecord> first;
    private final List<RegistryDiff> diffs;

    /**
     * @param first the first release's records in canonical order
     * @param diffs the diff to each later release from the one before, dated
     */
    ChangeLog(LocalDate firstRelease, List<CanonicalRecord> first, List<RegistryDiff> diffs) {
        List<LocalDate> dates = new ArrayList<>(diffs.size() + 1);
        dates.add(firstRelease);
        for (RegistryDiff d : diffs) {
            LocalDate previous = dates.get(dates.size() - 1);
            if (!previous.equals(d.older()) || d.newer() == null || !d.newer().isAfter(previous)) {
                throw new IllegalArgumentException("diff from " + d.older() + " to " + d.newer()
                        + " does not follow the release of " + previous);
            }
            dates.add(d.newer());
        }
        this.releases = List.copyOf(dates);
        this.first = List.copyOf(first);
        this.diffs = List.copyOf(diffs);
    }

    /** The release dates, oldest first. */
    public List<LocalDate> releases() {
        return releases;
    }

    /** The first release's records, in canonical order. */
    public List<CanonicalRecord> firstRecords() {
        return first;
    }

    /** The diff to each release after the first from the one before, oldest first. */
    public List<RegistryDiff> diffs() {
        return diffs;
    }

    /**
     * The records of one release, in canonical order, rebuilt from the first release and the
     * diffs up to it.
     *
     * @throws IllegalArgumentException if the change log has no release of that date
     */
    public List<CanonicalRecord> records(LocalDate release) {
        int index = indexOf(release);
        List<CanonicalRecord> records = first;
        for (int i = 0; i < index; i++) {
            records = Releases.apply(records, diffs.get(i).changes());
        }
        return List.copyOf(records);
    }

    /**
     * One release as a snapshot of canonical records (people named by themselves, no
     * footnotes), labelled {@code change log}.
     *
     * @throws IllegalArgumentException if the change log has no release of that date
     */
    public RegistrySnapshot snapshot(LocalDate release) {
        return Releases.snapshot("change log", SnapshotInfo.Source.IANA_XML, release, records(release), Map.of());
    }

    /**
     * The history of one port: every record that covered it in some release, with when it
     * appeared, changed and went.
     *
     * @throws IllegalArgumentException if {@code port} is outside 0-65535
     */
    public PortTimeline timeline(int port) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        return Timelines.of(this, port);
    }

    /**
     * This change log with one release more, anywhere in date order: a release older than the
     * first is as welcome as a newer one, and the diffs around it are made again.
     *
     * @throws HistoryException if the release has no date, or has the date or the content of a
     *     release already in the log
     */
    public ChangeLog with(RegistrySnapshot release) throws HistoryException {
        return LogBuilder.add(this, List.of(LogBuilder.content(release, release.info().label())));
    }

    /** The compact binary form; equal change logs give identical bytes. */
    public byte[] encode() {
        return ChangeLogCodec.encode(this);
    }

    /** Every release's content, rebuilt, oldest first. */
    List<List<CanonicalRecord>> allRecords() {
        List<List<CanonicalRecord>> out = new ArrayList<>(releases.size());
        List<CanonicalRecord> records = first;
        out.add(records);
        for (RegistryDiff d : diffs) {
            records = Collections.unmodifiableList(Releases.apply(records, d.changes()));
            out.add(records);
        }
        return out;
    }

    private int indexOf(LocalDate release) {
        int i = releases.indexOf(Objects.requireNonNull(release, "release"));
        if (i < 0) {
            throw new IllegalArgumentException("the change log has no release of " + release + "; it has "
                    + releases);
        }
        return i;
    }

    /** Equal when the releases, the first release's records and the diffs are. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ChangeLog c && releases.equals(c.releases) && first.equals(c.first)
                && diffs.equals(c.diffs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(releases, first.size(), diffs);
    }

    @Override
    public String toString() {
        return "ChangeLog[" + releases.size() + " releases, " + releases.get(0) + " to "
                + releases.get(releases.size() - 1) + "]";
    }
}
