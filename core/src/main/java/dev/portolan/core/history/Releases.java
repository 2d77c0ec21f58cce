package dev.portolan.core.history;

import dev.portolan.core.Assignment;
import dev.portolan.core.Person;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.history.RegistryDiff.Change;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The content of a release as a sorted list of canonical records, and what a diff makes of it. */
final class Releases {
    private Releases() {}

    /**
     * The content after {@code changes}: each removed or changed record taken out once, each
     * added or changed record put in, sorted in canonical order.
     *
     * @param records the content before, sorted in canonical order
     * @throws IllegalArgumentException if a record to take out is not in {@code records}
     */
    static List<CanonicalRecord> apply(List<CanonicalRecord> records, List<Change> changes) {
        int n = records.size();
        BitSet taken = new BitSet(n);
        List<CanonicalRecord> added = new ArrayList<>();
        for (Change c : changes) {
            CanonicalRecord before = c.before();
            if (before != null) {
                int at = Collections.binarySearch(records, before);
                while (at > 0 && records.get(at - 1).equals(before)) {
                    at--;
                }
                while (at >= 0 && at < n && taken.get(at) && records.get(at).equals(before)) {
                    at++;
                }
                if (at < 0 || at == n || !records.get(at).equals(before)) {
                    throw new IllegalArgumentException("the diff has " + c.kind().id() + " record " + before.key()
                            + ", which the release does not hold: the diff was made from another release");
                }
                taken.set(at);
            }
            if (c.after() != null) {
                added.add(c.after());
            }
        }
        Collections.sort(added);
        List<CanonicalRecord> out = new ArrayList<>(n - taken.cardinality() + added.size());
        int a = 0;
        for (int i = 0; i < n; i++) {
            if (taken.get(i)) {
                continue;
            }
            CanonicalRecord r = records.get(i);
            while (a < added.size() && added.get(a).compareTo(r) < 0) {
                out.add(added.get(a++));
            }
            out.add(r);
        }
        out.addAll(added.subList(a, added.size()));
        return out;
    }

    /** A snapshot of canonical records, whose people list maps each name to itself. */
    static RegistrySnapshot snapshot(String label, SnapshotInfo.Source source, @Nullable LocalDate updated,
            List<CanonicalRecord> records, Map<String, String> footnotes) {
        List<Assignment> assignments = new ArrayList<>(records.size());
        Map<String, Person> people = new HashMap<>();
        for (CanonicalRecord r : records) {
            assignments.add(r.toAssignment());
            for (String name : r.assignees()) {
                people.computeIfAbsent(name, n -> new Person(n, n, false, null, null));
            }
            for (String name : r.contacts()) {
                people.computeIfAbsent(name, n -> new Person(n, n, false, null, null));
            }
        }
        return new RegistrySnapshot(new SnapshotInfo(source, label, updated, null), assignments, people, footnotes);
    }
}
