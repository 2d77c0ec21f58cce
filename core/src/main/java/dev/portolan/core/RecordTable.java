package dev.portolan.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The records of a snapshot, by position, with their ports and transports readable without
 * building the records themselves. A snapshot loaded from its binary form decodes a record only
 * when asked for it, so a command-line lookup touches a handful of the 14,000 records.
 */
public interface RecordTable {
    /** The number of records. */
    int size();

    /** The record at {@code index}, in source order. */
    Assignment get(int index);

    /** The first port of the record's port or range, or -1 for a name registered without a port. */
    int firstPort(int index);

    /** The last port of the record's port or range, or -1 for a name registered without a port. */
    int lastPort(int index);

    /** The record's transport, or null when it applies to every transport. */
    @Nullable Transport transport(int index);

    /**
     * The names the record answers to: its service name, if any, then its aliases, as {@link
     * Assignment#service()} and {@link Assignment#aliases()} give them. A table of the binary form
     * reads them without building the record (the index of every name reads all 14,000).
     */
    default List<String> names(int index) {
        Assignment a = get(index);
        if (a.service() == null) {
            return a.aliases();
        }
        List<String> out = new java.util.ArrayList<>(1 + a.aliases().size());
        out.add(a.service());
        out.addAll(a.aliases());
        return out;
    }

    /**
     * The records one of whose {@link #names} is this name, lower-cased as {@link
     * String#toLowerCase(java.util.Locale)} in {@link java.util.Locale#ROOT} does, in order (a
     * record once for each of its names that is it). A table of the binary form compares the names
     * without making them strings.
     */
    default List<Integer> named(String lowerCaseName) {
        List<Integer> out = new java.util.ArrayList<>(2);
        for (int i = 0; i < size(); i++) {
            for (String n : names(i)) {
                if (n.toLowerCase(java.util.Locale.ROOT).equals(lowerCaseName)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /** A table over records already built. */
    static RecordTable of(List<Assignment> records) {
        List<Assignment> list = List.copyOf(records);
        return new RecordTable() {
            @Override
            public int size() {
                return list.size();
            }

            @Override
            public Assignment get(int index) {
                return list.get(index);
            }

            @Override
            public int firstPort(int index) {
                PortRange r = list.get(index).ports();
                return r == null ? -1 : r.first();
            }

            @Override
            public int lastPort(int index) {
                PortRange r = list.get(index).ports();
                return r == null ? -1 : r.last();
            }

            @Override
            public @Nullable Transport transport(int index) {
                return list.get(index).transport();
            }
        };
    }
}
