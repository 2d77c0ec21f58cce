package dev.portolan.core.history;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Small records and snapshots for the history's tests. */
final class HistoryFixtures {
    static final LocalDate D2017 = LocalDate.of(2017, 3, 10);
    static final LocalDate D2018 = LocalDate.of(2018, 12, 18);
    static final LocalDate D2020 = LocalDate.of(2020, 12, 29);
    static final LocalDate D2023 = LocalDate.of(2023, 1, 4);

    private HistoryFixtures() {}

    /** A named record on a single port. */
    static Assignment.Builder named(String service, int port, @Nullable Transport transport, String description) {
        return Assignment.builder().service(service).ports(PortRange.of(port)).transport(transport)
                .description(description);
    }

    /** A row without a name over a range: reserved or unassigned by its description. */
    static Assignment.Builder row(int first, int last, @Nullable Transport transport, String description) {
        return Assignment.builder().ports(new PortRange(first, last)).transport(transport).description(description)
                .status(AssignmentStatus.of(null, description));
    }

    /** A snapshot of {@code records} dated {@code updated}, with a people list of {@code people} (id, name pairs). */
    static RegistrySnapshot snapshot(@Nullable LocalDate updated, List<Assignment> records, String... people) {
        Map<String, Person> list = new HashMap<>();
        for (int i = 0; i + 1 < people.length; i += 2) {
            list.put(people[i], new Person(people[i], people[i + 1], false, null, null));
        }
        return new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.IANA_XML,
                "release-" + updated, updated, null), records, list, Map.of());
    }

    static RegistrySnapshot snapshot(@Nullable LocalDate updated, Assignment.Builder... records) {
        return snapshot(updated, java.util.Arrays.stream(records).map(Assignment.Builder::build).toList());
    }
}
