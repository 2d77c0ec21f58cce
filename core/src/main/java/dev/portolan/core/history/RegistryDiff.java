package dev.portolan.core.history;

import dev.portolan.core.history.CanonicalRecord.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What changed from one release of the registry to another: the records added, the records
 * removed, and the records changed, each with the fields that differ. Records are compared in
 * their {@link CanonicalRecord canonical form}, so a change of formatting is no change.
 *
 * <p>The changes are ordered by the {@link CanonicalRecord.Key key} of the record they concern
 * (the record before the change, or the added record): by port, transport and name; among
 * changes of one key, removals, then changes, then additions, each by their records' order.
 * {@link RegistryHistory#diff} makes diffs; {@link RegistryHistory#apply} applies one.
 *
 * @param older the {@code updated} date of the older release, if it states one
 * @param newer the {@code updated} date of the newer release, if it states one
 * @param changes the changes, in the order above
 */
public record RegistryDiff(@Nullable LocalDate older, @Nullable LocalDate newer, List<Change> changes) {

    /** What happened to a record. */
    public enum Kind {
        /** Only the older release has it. */
        REMOVED,
        /** Both releases have it, with different fields. */
        CHANGED,
        /** Only the newer release has it. */
        ADDED;

        /** Lower-case name, for message keys and JSON. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One record added, removed or changed.
     *
     * @param kind what happened
     * @param before the record in the older release; null for an addition
     * @param after the record in the newer release; null for a removal
     */
    public record Change(Kind kind, @Nullable CanonicalRecord before, @Nullable CanonicalRecord after)
            implements Comparable<Change> {
        public Change {
            Objects.requireNonNull(kind, "kind");
            boolean shape = switch (kind) {
                case ADDED -> before == null && after != null;
                case REMOVED -> before != null && after == null;
                case CHANGED -> before != null && after != null && !before.equals(after);
            };
            if (!shape) {
                throw new IllegalArgumentException(kind.id() + " needs " + switch (kind) {
                    case ADDED -> "a record after and none before";
                    case REMOVED -> "a record before and none after";
                    case CHANGED -> "two different records, before and after";
                });
            }
        }

        /** The addition of {@code record}. */
        public static Change added(CanonicalRecord record) {
            return new Change(Kind.ADDED, null, record);
        }

        /** The removal of {@code record}. */
        public static Change removed(CanonicalRecord record) {
            return new Change(Kind.REMOVED, record, null);
        }

        /** The change of {@code before} into {@code after}. */
        public static Change changed(CanonicalRecord before, CanonicalRecord after) {
            return new Change(Kind.CHANGED, before, after);
        }

        /** The key the change is ordered and found by: that of the record before, or of the added record. */
        public CanonicalRecord.Key key() {
            return record().key();
        }

        /** The record before the change, or the added record. */
        public CanonicalRecord record() {
            return before != null ? before : Objects.requireNonNull(after);
        }

        /** The fields that differ, in {@link Field} order; empty for an addition or a removal. */
        public List<Field> fields() {
            return kind == Kind.CHANGED ? Objects.requireNonNull(before).differences(Objects.requireNonNull(after))
                    : List.of();
        }

        /** Whether the record before or after the change covers {@code port}. */
        public boolean touches(int port) {
            return before != null && before.covers(port) || after != null && after.covers(port);
        }

        /**
         * By key, then kind, then the record before, then the record after (none first). Written
         * out rather than with the comparator combinators: their lambdas cost a command's start
         * (bench/README.md).
         */
        @Override
        public int compareTo(Change o) {
            int c = key().compareTo(o.key());
            if (c == 0) {
                c = kind.compareTo(o.kind);
            }
            if (c == 0) {
                c = compareNullsFirst(before, o.before);
            }
            return c != 0 ? c : compareNullsFirst(after, o.after);
        }

        private static int compareNullsFirst(@Nullable CanonicalRecord a, @Nullable CanonicalRecord b) {
            if (a == null || b == null) {
                return a == b ? 0 : a == null ? -1 : 1;
            }
            return a.compareTo(b);
        }
    }

    /**
     * How many records a diff adds, removes and changes.
     *
     * @param added records only the newer release has
     * @param removed records only the older release has
     * @param changed records both have, with different fields
     */
    public record Counts(int added, int removed, int changed) {
        /** All changes. */
        public int total() {
            return added + removed + changed;
        }
    }

    /** Copies and sorts the changes. */
    public RegistryDiff {
        List<Change> sorted = new ArrayList<>(changes);
        Collections.sort(sorted);
        changes = List.copyOf(sorted);
    }

    /** Whether the releases hold the same records. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** How many records were added, removed and changed. */
    public Counts counts() {
        int added = 0;
        int removed = 0;
        for (Change c : changes) {
            if (c.kind() == Kind.ADDED) {
                added++;
            } else if (c.kind() == Kind.REMOVED) {
                removed++;
            }
        }
        return new Counts(added, removed, changes.size() - added - removed);
    }

    /** How many changed records differ in each field, in {@link Field} order; fields never changed are absent. */
    public Map<Field, Integer> fieldCounts() {
        Map<Field, Integer> out = new EnumMap<>(Field.class);
        for (Change c : changes) {
            for (Field f : c.fields()) {
                out.merge(f, 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The changes of one kind, in order. */
    public List<Change> changes(Kind kind) {
        List<Change> out = new java.util.ArrayList<>();
        for (Change c : changes) {
            if (c.kind() == kind) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** The changes whose record covers {@code port} before or after, in order. */
    public List<Change> touching(int port) {
        List<Change> out = new java.util.ArrayList<>();
        for (Change c : changes) {
            if (c.touches(port)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
