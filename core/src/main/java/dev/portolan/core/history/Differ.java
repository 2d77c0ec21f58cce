package dev.portolan.core.history;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import dev.portolan.core.history.RegistryDiff.Change;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Matches the records of two releases and lists what changed.
 *
 * <p>Records are matched in three passes.
 *
 * <ol>
 *   <li>By {@link CanonicalRecord.Key key}: port or range, transport, and service name in lower
 *       case (none for reserved and unassigned rows). When a key holds several records in a
 *       release (IANA lists {@code rdp} twice, without port), equal records are matched first;
 *       the rest are paired in {@link CanonicalRecord#compareTo canonical order}, and those left
 *       over are additions or removals. The order of records in the files never counts.
 *   <li>A named record left over in the older release is paired with one left over in the newer
 *       release that has the same name and transport and a port range that overlaps its own: a
 *       range widened, narrowed or moved by some ports is a change of the record's ports, not a
 *       removal and an addition. Pairs are made in key order, each record paired once. Rows
 *       without a name are never paired so: an unassigned range that IANA splits to assign a
 *       port in it is the removal of the old range and the addition of the new rows.
 *   <li>A named record left over in the older release is paired with a named one left over in
 *       the newer release on the same port or range and transport: IANA renamed the service
 *       ({@code fox-skytale} became {@code skytale} on 4319 in 2025), a change of its name. A
 *       named record whose port became a reserved or unassigned row is not renamed but removed
 *       (de-assigned), and the row added.
 * </ol>
 */
final class Differ {
    private Differ() {}

    /**
     * The changes from {@code older} to {@code newer}, both sorted in canonical order (so that the
     * records of one key are next to each other, and keys in order).
     */
    static List<Change> changes(List<CanonicalRecord> older, List<CanonicalRecord> newer) {
        List<Change> changes = new ArrayList<>();
        List<CanonicalRecord> removed = new ArrayList<>();
        List<CanonicalRecord> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < older.size() || j < newer.size()) {
            int c = i == older.size() ? 1 : j == newer.size() ? -1
                    : CanonicalRecord.compareKeys(older.get(i), newer.get(j));
            int oldEnd = c <= 0 ? endOfKey(older, i) : i;
            int newEnd = c >= 0 ? endOfKey(newer, j) : j;
            if (oldEnd == i + 1 && newEnd == j + 1) {
                if (!older.get(i).equals(newer.get(j))) {
                    changes.add(Change.changed(older.get(i), newer.get(j)));
                }
            } else {
                matchGroup(older.subList(i, oldEnd), newer.subList(j, newEnd), changes, removed, added);
            }
            i = oldEnd;
            j = newEnd;
        }
        pair(removed, added, Differ::nameOnTransport, Differ::overlap, changes);
        pair(removed, added, Differ::namedPortsOnTransport, (r, a) -> true, changes);
        for (CanonicalRecord r : removed) {
            changes.add(Change.removed(r));
        }
        for (CanonicalRecord a : added) {
            changes.add(Change.added(a));
        }
        return changes;
    }

    /** The index after the last record with the key of {@code records.get(from)}. */
    private static int endOfKey(List<CanonicalRecord> records, int from) {
        int end = from + 1;
        while (end < records.size() && CanonicalRecord.compareKeys(records.get(from), records.get(end)) == 0) {
            end++;
        }
        return end;
    }

    /**
     * Matches the records of one key, both lists sorted (either may be empty): equal ones first,
     * then the rest in canonical order.
     */
    private static void matchGroup(List<CanonicalRecord> olds, List<CanonicalRecord> news, List<Change> changes,
            List<CanonicalRecord> removed, List<CanonicalRecord> added) {
        List<CanonicalRecord> o = new ArrayList<>(olds);
        List<CanonicalRecord> n = new ArrayList<>();
        for (CanonicalRecord r : news) {
            if (!o.remove(r)) {
                n.add(r);
            }
        }
        int pairs = Math.min(o.size(), n.size());
        for (int i = 0; i < pairs; i++) {
            changes.add(Change.changed(o.get(i), n.get(i)));
        }
        removed.addAll(o.subList(pairs, o.size()));
        added.addAll(n.subList(pairs, n.size()));
    }

    /**
     * Pairs records left over in the older release with records left over in the newer one: those
     * of one {@code group} (records without a group are never paired) that {@code fit}, each
     * record of the older release, in canonical order, with the first fitting one of the newer
     * in canonical order. The pairs become changes; the rest stay in the lists.
     */
    private static void pair(List<CanonicalRecord> removed, List<CanonicalRecord> added,
            Function<CanonicalRecord, @Nullable Object> group, BiPredicate<CanonicalRecord, CanonicalRecord> fit,
            List<Change> changes) {
        Map<Object, List<CanonicalRecord>> candidates = new HashMap<>();
        for (CanonicalRecord a : added) {
            Object g = group.apply(a);
            if (g != null) {
                candidates.computeIfAbsent(g, x -> new ArrayList<>()).add(a);
            }
        }
        if (candidates.isEmpty() || removed.isEmpty()) {
            return;
        }
        for (List<CanonicalRecord> c : candidates.values()) {
            Collections.sort(c);
        }
        Collections.sort(removed);
        List<CanonicalRecord> stillRemoved = new ArrayList<>(removed.size());
        Set<CanonicalRecord> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CanonicalRecord r : removed) {
            Object g = group.apply(r);
            List<CanonicalRecord> same = g == null ? null : candidates.get(g);
            CanonicalRecord match = null;
            if (same != null) {
                for (CanonicalRecord a : same) {
                    if (!paired.contains(a) && fit.test(r, a)) {
                        match = a;
                        break;
                    }
                }
            }
            if (match == null) {
                stillRemoved.add(r);
            } else {
                paired.add(match);
                changes.add(Change.changed(r, match));
            }
        }
        removed.clear();
        removed.addAll(stillRemoved);
        // by identity: of two equal additions, only the paired one goes
        added.removeIf(paired::contains);
    }

    private static boolean overlap(CanonicalRecord a, CanonicalRecord b) {
        PortRange p = a.ports();
        PortRange q = b.ports();
        return p != null && q != null && p.first() <= q.last() && q.first() <= p.last();
    }

    private static @Nullable Object nameOnTransport(CanonicalRecord r) {
        CanonicalRecord.Key k = r.key();
        return k.service() == null ? null : new NameOnTransport(k.service(), k.transport());
    }

    private static @Nullable Object namedPortsOnTransport(CanonicalRecord r) {
        return r.service() == null || r.ports() == null ? null : new PortsOnTransport(r.ports(), r.transport());
    }

    /** A service name in lower case on a transport (or on every transport). */
    private record NameOnTransport(String service, @Nullable Transport transport) {}

    /** A port or range on a transport (or on every transport). */
    private record PortsOnTransport(PortRange ports, @Nullable Transport transport) {}
}
