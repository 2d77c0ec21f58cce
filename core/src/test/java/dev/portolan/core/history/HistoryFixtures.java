package dev.portolan.core.history;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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
        return snapshot(updated, Arrays.stream(records).map(Assignment.Builder::build).toList());
    }

    /**
     * The same release written otherwise: records shuffled, white space and line breaks added,
     * people under other identifiers, service names in other letter case, RFCs spelled as text.
     */
    static RegistrySnapshot noisy(RegistrySnapshot s, Random random) {
        String suffix = "_" + (2 + random.nextInt(5));
        List<Assignment> records = new ArrayList<>();
        for (Assignment a : s.assignments()) {
            Assignment.Builder b = Assignment.builder()
                    .service(a.service() == null ? null : random.nextBoolean() ? a.service().toUpperCase(Locale.ROOT)
                            : " " + a.service() + "\n")
                    .ports(a.ports()).transport(a.transport()).description(spaced(a.description(), random))
                    .status(a.status()).registered(a.registered()).modified(a.modified()).origin(a.origin());
            a.aliases().forEach(x -> b.alias(spaced(x, random)));
            List<String> assignees = new ArrayList<>(a.assignees());
            Collections.reverse(assignees);
            assignees.forEach(id -> b.assignee(id + suffix));
            a.contacts().forEach(id -> b.contact(id + suffix));
            List<Reference> refs = new ArrayList<>(a.references());
            Collections.shuffle(refs, random);
            for (Reference r : refs) {
                b.reference(r.kind() == Reference.Kind.RFC && random.nextBoolean()
                        ? new Reference(Reference.Kind.TEXT, "[" + r.value().replace("RFC", "RFC ") + "]")
                        : new Reference(r.kind(), spaced(r.value(), random)));
            }
            a.notes().forEach(x -> b.note(spaced(x, random)));
            a.unauthorized().forEach(x -> b.unauthorized(spaced(x, random)));
            a.serviceCodes().forEach(x -> b.serviceCode(spaced(x, random)));
            records.add(b.build());
        }
        Collections.shuffle(records, random);
        Map<String, Person> people = new HashMap<>();
        for (Person p : s.people().values()) {
            people.put(p.id() + suffix, new Person(p.id() + suffix, "  " + p.name().replace(" ", "\n "), false,
                    "https://example.org/" + p.id(), null));
        }
        return new RegistrySnapshot(s.info(), records, people, Map.of());
    }

    /** {@code text} with its spaces widened and broken into lines, and white space around it. */
    private static String spaced(String text, Random random) {
        StringBuilder out = new StringBuilder(random.nextBoolean() ? "\n  " : "");
        for (char c : text.toCharArray()) {
            out.append(c == ' ' ? random.nextBoolean() ? " \n   " : "\t " : String.valueOf(c));
        }
        return out.append(random.nextBoolean() ? "  " : "").toString();
    }
}
