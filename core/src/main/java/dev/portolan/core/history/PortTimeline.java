package dev.portolan.core.history;

import dev.portolan.core.history.RegistryDiff.Change;
import dev.portolan.core.history.RegistryDiff.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The history of one port across the releases of a change log: each record that covered the
 * port in some release, on any transport, with the changes that concern it. Values only: what
 * the history says, for renderers to put in words.
 *
 * <p>A release tells what the registry held on its date, not when a change was made, so every
 * event is {@link Between bounded} by two releases: it happened after the release before (which
 * did not show it yet) and by the release that first shows it. A record of the first release
 * appeared in or before it.
 *
 * @param port the port
 * @param releases the change log's release dates, oldest first
 * @param records the record histories, ordered by the release that first shows them, then by
 *     key
 */
public record PortTimeline(int port, List<LocalDate> releases, List<RecordHistory> records) {

    public PortTimeline {
        releases = List.copyOf(releases);
        records = List.copyOf(records);
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs at least one release");
        }
    }

    /**
     * When something happened, as closely as the releases bound it: after the release {@code
     * after} and by the release {@code by}.
     *
     * @param after the last release that did not show it yet; null when {@code by} is the first
     *     release, and it happened in or before it
     * @param by the first release that shows it
     */
    public record Between(@Nullable LocalDate after, LocalDate by) {
        public Between {
            Objects.requireNonNull(by, "by");
            if (after != null && !after.isBefore(by)) {
                throw new IllegalArgumentException("between " + after + " and " + by + " is no interval");
            }
        }

        /** Whether it happened in or before the first release: no release before it tells. */
        public boolean inOrBeforeFirstRelease() {
            return after == null;
        }
    }

    /**
     * One change of a record, and when.
     *
     * @param change the change: an addition when the record appeared (also for a record of the
     *     first release), a change of fields, or a removal
     * @param when between which releases
     */
    public record Event(Change change, Between when) {
        public Event {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(when, "when");
        }
    }

    /**
     * One record's history on the port, from its first appearance to its removal, if any. A
     * record followed through a change of name or range stays one history; one that came onto
     * the port by a change of range starts with that change.
     *
     * @param events the events, oldest first; never empty
     */
    public record RecordHistory(List<Event> events) {
        public RecordHistory {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("a record history needs at least one event");
            }
        }

        /** When the record appeared on the port: its first event. */
        public Event appeared() {
            return events.get(0);
        }

        /** The record as the last release has it, if that release still has it on the port. */
        public Optional<CanonicalRecord> current(int port) {
            Change last = events.get(events.size() - 1).change();
            CanonicalRecord after = last.after();
            return after != null && after.covers(port) ? Optional.of(after) : Optional.empty();
        }

        /** When the record was removed, or left the port by a change of its range. */
        public Optional<Between> removed(int port) {
            Event last = events.get(events.size() - 1);
            CanonicalRecord after = last.change().after();
            return after == null || !after.covers(port) ? Optional.of(last.when()) : Optional.empty();
        }

        /** The record's last event: since when it has been as it is (or gone). */
        public Between since() {
            return events.get(events.size() - 1).when();
        }

        /** The changes of fields, without the appearance and the removal. */
        public List<Event> changes() {
            return events.stream().filter(e -> e.change().kind() == Kind.CHANGED).toList();
        }
    }

    /** The records the last release has on the port, in the order of {@link #records}. */
    public List<CanonicalRecord> current() {
        return records.stream().flatMap(r -> r.current(port).stream()).toList();
    }

    /**
     * Since when the port has been as it is: the latest event of any of its records, or, when
     * nothing ever changed on it, in or before the first release.
     */
    public Between since() {
        Between latest = new Between(null, releases.get(0));
        for (RecordHistory r : records) {
            Between b = r.since();
            if (b.by().isAfter(latest.by())) {
                latest = b;
            }
        }
        return latest;
    }
}
