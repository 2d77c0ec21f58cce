package dev.portolan.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable release of the port registry: its records in registry order, the people they
 * name, and the registry's footnotes. Readers produce snapshots; indexes answer questions about
 * them; nothing changes one after it is made.
 *
 * @param info where the data comes from
 * @param assignments the records, in the order of the source
 * @param people the {@code <people>} list by identifier (empty for sources without one)
 * @param footnotes the registry's footnotes by anchor
 */
public record RegistrySnapshot(
        SnapshotInfo info, List<Assignment> assignments, Map<String, Person> people, Map<String, String> footnotes) {

    public RegistrySnapshot {
        assignments = List.copyOf(assignments);
        people = Map.copyOf(people);
        footnotes = Map.copyOf(footnotes);
    }

    /** The person or organisation with this identifier; unresolved identifiers keep their id as name. */
    public Person person(String id) {
        Person p = people.get(id);
        return p != null ? p : Person.unresolved(id);
    }

    /** The footnote with this anchor, if the source carries footnote texts. */
    public Optional<String> footnote(String anchor) {
        return Optional.ofNullable(footnotes.get(anchor));
    }

    /** A copy with other source information, same data. */
    public RegistrySnapshot withInfo(SnapshotInfo newInfo) {
        return new RegistrySnapshot(newInfo, assignments, people, footnotes);
    }
}
