package dev.portolan.core;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One immutable release of the port registry: its records in source order, the people they name,
 * and the registry's footnotes. Readers produce snapshots; indexes answer questions about them;
 * nothing changes one after it is made. Two snapshots are equal when their source information,
 * records, people and footnotes are equal.
 */
public final class RegistrySnapshot {
    private final SnapshotInfo info;
    private final RecordTable records;
    private final List<Assignment> assignments;
    private final Supplier<Map<String, Person>> peopleSource;
    private final @Nullable Function<String, @Nullable Person> onePerson;
    private volatile @Nullable Map<String, Person> people;
    private final Map<String, String> footnotes;

    /**
     * A snapshot of records already built.
     *
     * @param info where the data comes from
     * @param assignments the records, in the order of the source
     * @param people the {@code <people>} list by identifier (empty for sources without one)
     * @param footnotes the registry's footnotes by anchor
     */
    public RegistrySnapshot(SnapshotInfo info, List<Assignment> assignments, Map<String, Person> people,
            Map<String, String> footnotes) {
        this(info, RecordTable.of(assignments), constant(Map.copyOf(people)), null, footnotes);
    }

    private RegistrySnapshot(SnapshotInfo info, RecordTable records, Supplier<Map<String, Person>> people,
            @Nullable Function<String, @Nullable Person> onePerson, Map<String, String> footnotes) {
        this.info = Objects.requireNonNull(info, "info");
        this.records = records;
        this.assignments = new View(records);
        this.peopleSource = people;
        this.onePerson = onePerson;
        this.footnotes = Map.copyOf(footnotes);
    }

    /**
     * A snapshot whose records and people are built on first use, for the binary form.
     *
     * @param people supplies the people list once; it must always give the same answer
     * @param onePerson finds one person by identifier (null when there is none) without building
     *     the list, for a program that names a few: it must agree with {@code people}
     */
    public static RegistrySnapshot lazy(SnapshotInfo info, RecordTable records, Supplier<Map<String, Person>> people,
            Function<String, @Nullable Person> onePerson, Map<String, String> footnotes) {
        return new RegistrySnapshot(info, records, people, onePerson, footnotes);
    }

    private static <T> Supplier<T> constant(T value) {
        return () -> value;
    }

    public SnapshotInfo info() {
        return info;
    }

    /** The records in source order (an unmodifiable list). */
    public List<Assignment> assignments() {
        return assignments;
    }

    /** The records by position, with their ports readable without building them. */
    public RecordTable records() {
        return records;
    }

    /** The {@code <people>} list by identifier. */
    public Map<String, Person> people() {
        Map<String, Person> p = people;
        if (p == null) {
            p = Map.copyOf(peopleSource.get());
            people = p;
        }
        return p;
    }

    /** The footnotes by anchor. */
    public Map<String, String> footnotes() {
        return footnotes;
    }

    /** The person or organisation with this identifier; unresolved identifiers keep their id as name. */
    public Person person(String id) {
        Map<String, Person> built = people;
        Person p = built == null && onePerson != null ? onePerson.apply(id) : people().get(id);
        return p != null ? p : Person.unresolved(id);
    }

    /** The footnote with this anchor, if the source carries footnote texts. */
    public Optional<String> footnote(String anchor) {
        return Optional.ofNullable(footnotes.get(anchor));
    }

    /** A copy with other source information, same data. */
    public RegistrySnapshot withInfo(SnapshotInfo newInfo) {
        return new RegistrySnapshot(newInfo, records, this::people, onePerson == null ? null : this::person, footnotes);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RegistrySnapshot s && info.equals(s.info) && assignments.equals(s.assignments)
                && people().equals(s.people()) && footnotes.equals(s.footnotes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(info, assignments.size(), footnotes);
    }

    @Override
    public String toString() {
        return "RegistrySnapshot[" + info.describe() + ", " + records.size() + " records]";
    }

    /** The records as an unmodifiable list. */
    private static final class View extends AbstractList<Assignment> implements RandomAccess {
        private final RecordTable table;

        View(RecordTable table) {
            this.table = table;
        }

        @Override
        public Assignment get(int index) {
            Objects.checkIndex(index, table.size());
            return table.get(index);
        }

        @Override
        public int size() {
            return table.size();
        }
    }
}
