package dev.portolan.core.history;

import dev.portolan.core.history.PortTimeline.Between;
import dev.portolan.core.history.PortTimeline.Event;
import dev.portolan.core.history.PortTimeline.RecordHistory;
import dev.portolan.core.history.RegistryDiff.Change;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Follows the records of one port through a change log. A record is followed from release to
 * release by the diffs: a change's record before is the record after of the history it
 * continues (equal records are interchangeable, so which of two equal ones is followed does not
 * matter).
 */
final class Timelines {
    private Timelines() {}

    static PortTimeline of(ChangeLog log, int port) {
        List<LocalDate> releases = log.releases();
        List<Tracked> open = new ArrayList<>();
        List<Tracked> all = new ArrayList<>();
        Between first = new Between(null, releases.get(0));
        for (CanonicalRecord r : log.firstRecords()) {
            if (r.covers(port)) {
                Tracked t = new Tracked(new Event(Change.added(r), first));
                open.add(t);
                all.add(t);
            }
        }
        for (int i = 0; i < log.diffs().size(); i++) {
            Between when = new Between(releases.get(i), releases.get(i + 1));
            for (Change c : log.diffs().get(i).changes()) {
                if (!c.touches(port)) {
                    continue;
                }
                Event e = new Event(c, when);
                Tracked t = c.before() == null ? null : take(open, c.before());
                if (t == null) {
                    // an addition, or a record that came onto the port by a change of its range
                    t = new Tracked(e);
                    all.add(t);
                } else {
                    t.events.add(e);
                }
                CanonicalRecord after = c.after();
                if (after != null && after.covers(port)) {
                    t.current = after;
                    open.add(t);
                }
            }
        }
        List<Tracked> ordered = new ArrayList<>(all);
        // by the release a history begins in, then its first record (written out: the comparator
        // combinators' lambdas cost a command's start, bench/README.md)
        ordered.sort(new Comparator<Tracked>() {
            @Override
            public int compare(Tracked a, Tracked b) {
                int c = a.events.get(0).when().by().compareTo(b.events.get(0).when().by());
                return c != 0 ? c : a.events.get(0).change().record().compareTo(b.events.get(0).change().record());
            }
        });
        List<RecordHistory> histories = new ArrayList<>(ordered.size());
        for (Tracked t : ordered) {
            histories.add(new RecordHistory(t.events));
        }
        return new PortTimeline(port, releases, List.copyOf(histories));
    }

    /** Takes the open history whose current record is {@code record}. */
    private static @Nullable Tracked take(List<Tracked> open, CanonicalRecord record) {
        for (int i = 0; i < open.size(); i++) {
            if (record.equals(open.get(i).current)) {
                return open.remove(i);
            }
        }
        return null;
    }

    /** A record's history while it is being followed. */
    private static final class Tracked {
        final List<Event> events = new ArrayList<>();
        @Nullable CanonicalRecord current;

        Tracked(Event first) {
            events.add(first);
            current = first.change().after();
        }
    }
}
