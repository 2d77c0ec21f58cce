package dev.portolan.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import dev.portolan.core.history.RegistryDiff.Change;
import dev.portolan.core.history.RegistryDiff.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of diff and apply over generated releases: records on a few ports, ranges,
 * transports and names (so that keys collide and duplicates occur), every field, and releases
 * derived from others by the kinds of change IANA makes.
 */
class RegistryDiffPropertiesTest {
    private static final LocalDate OLDER = LocalDate.of(2020, 1, 1);
    private static final LocalDate NEWER = LocalDate.of(2021, 1, 1);
    private static final String[] PEOPLE = {"Ada Lovelace", "IESG", "IETF Chair", "Jon Postel", "Example, Inc."};

    @Property(tries = 300)
    void applyingTheDiff_givesTheNewerContent(@ForAll("releasePairs") List<RegistrySnapshot> pair) {
        RegistrySnapshot a = pair.get(0);
        RegistrySnapshot b = pair.get(1);
        RegistrySnapshot applied = RegistryHistory.apply(a, RegistryHistory.diff(a, b));
        assertThat(RegistryHistory.canonical(applied)).isEqualTo(RegistryHistory.canonical(b));
    }

    @Property(tries = 200)
    void applyingTheDiff_givesTheNewerContent_evenBetweenUnrelatedReleases(@ForAll("releases") RegistrySnapshot a,
            @ForAll("releases") RegistrySnapshot b) {
        RegistrySnapshot applied = RegistryHistory.apply(a, RegistryHistory.diff(a, b));
        assertThat(RegistryHistory.sameContent(applied, b)).isTrue();
    }

    @Property(tries = 200)
    void theDiffOfAReleaseWithItself_isEmpty(@ForAll("releases") RegistrySnapshot a) {
        assertThat(RegistryHistory.diff(a, a).changes()).isEmpty();
    }

    @Property(tries = 300)
    void theDiff_doesNotSeeOrderWhiteSpaceIdentifiersLetterCaseOrRfcSpelling(
            @ForAll("releasePairs") List<RegistrySnapshot> pair, @ForAll long seed) {
        RegistrySnapshot a = pair.get(0);
        RegistrySnapshot b = pair.get(1);
        Random random = new Random(seed);
        RegistrySnapshot noisyA = HistoryFixtures.noisy(a, random);
        RegistrySnapshot noisyB = HistoryFixtures.noisy(b, random);
        assertThat(RegistryHistory.diff(a, noisyA).changes()).isEmpty();
        assertThat(RegistryHistory.diff(noisyA, noisyB)).isEqualTo(RegistryHistory.diff(a, b));
    }

    @Property(tries = 200)
    void theDiffBackwards_swapsAdditionsAndRemovals(@ForAll("releasePairs") List<RegistrySnapshot> pair) {
        RegistryDiff forward = RegistryHistory.diff(pair.get(0), pair.get(1));
        RegistryDiff backward = RegistryHistory.diff(pair.get(1), pair.get(0));
        assertThat(backward.counts()).isEqualTo(new RegistryDiff.Counts(forward.counts().removed(),
                forward.counts().added(), forward.counts().changed()));
        assertThat(RegistryHistory.sameContent(RegistryHistory.apply(pair.get(1), backward), pair.get(0))).isTrue();
    }

    @Property(tries = 200)
    void aDiffNeverReportsARecordBothAddedAndRemoved(@ForAll("releasePairs") List<RegistrySnapshot> pair) {
        RegistryDiff d = RegistryHistory.diff(pair.get(0), pair.get(1));
        List<CanonicalRecord> added = d.changes(Kind.ADDED).stream().map(Change::after).toList();
        List<CanonicalRecord> removed = d.changes(Kind.REMOVED).stream().map(Change::before).toList();
        assertThat(added.stream().filter(removed::contains)).isEmpty();
        assertThat(d.changes(Kind.CHANGED)).allSatisfy(c -> assertThat(c.fields()).isNotEmpty());
    }

    @Provide
    Arbitrary<RegistrySnapshot> releases() {
        return records().list().ofMaxSize(25).map(list -> snapshot(OLDER, list));
    }

    /** A release and a later one made from it by removals, additions, changes of fields, renames and new ranges. */
    @Provide
    Arbitrary<List<RegistrySnapshot>> releasePairs() {
        return Combinators.combine(records().list().ofMaxSize(25), records().list().ofMaxSize(6),
                Arbitraries.longs()).as((older, extra, seed) -> {
                    Random random = new Random(seed);
                    List<Assignment> newer = new ArrayList<>();
                    for (Assignment a : older) {
                        int roll = random.nextInt(10);
                        if (roll == 0) {
                            continue;
                        }
                        newer.add(roll < 4 ? mutate(a, random) : a);
                    }
                    newer.addAll(extra);
                    return List.of(snapshot(OLDER, older), snapshot(NEWER, newer));
                });
    }

    static Arbitrary<Assignment> records() {
        Arbitrary<String> names = Arbitraries.of("ssh", "SSH", "http", "x11", "rdp", "compressnet", "dns-sd", "tally")
                .injectNull(0.3);
        Arbitrary<PortRange> ports = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 3).edgeCases(c -> c.includeOnly(0)))
                .as((first, size) -> new PortRange(first, first + size)).injectNull(0.1);
        Arbitrary<String> descriptions = Arbitraries.of("Secure Shell", "Reserved", "Unassigned", "unassigned",
                "X Window System", "Reliable Data Protocol", "Echo  service\nline two", "", "RFC 6335 says so");
        Arbitrary<Reference> references = Arbitraries.of(Reference.rfc("RFC4251"), Reference.rfc("6335"),
                new Reference(Reference.Kind.DRAFT, "draft-ietf-tsvwg-example-01"),
                new Reference(Reference.Kind.URI, "https://example.org/proto"),
                new Reference(Reference.Kind.TEXT, "ITU-T X.510"), new Reference(Reference.Kind.FOOTNOTE, "1"));
        Arbitrary<RegistryDate> dates = Arbitraries.of(new RegistryDate(2007, 6, 0), new RegistryDate(2018, 4, 5),
                new RegistryDate(2001, 0, 0), new RegistryDate(2025, 2, 13)).injectNull(0.5);
        Arbitrary<String> people = Arbitraries.integers().between(0, PEOPLE.length - 1).map(i -> "p" + i);
        Arbitrary<String> notes = Arbitraries.of("Defined TXT keys: None", "De-assigned, previously compressnet",
                "See [RFC4251]", "Known Unauthorized Use on port 7");
        return Builders.withBuilder(Assignment::builder)
                .use(names).in(Assignment.Builder::service)
                .use(ports).in(Assignment.Builder::ports)
                .use(Arbitraries.of(Transport.class).injectNull(0.2)).in(Assignment.Builder::transport)
                .use(descriptions).in(Assignment.Builder::description)
                .use(Arbitraries.of(AssignmentStatus.class).injectNull(0.7)).in((b, s) -> s == null ? b : b.status(s))
                .use(people.list().ofMaxSize(2)).in((b, l) -> each(l, b::assignee, b))
                .use(people.list().ofMaxSize(2)).in((b, l) -> each(l, b::contact, b))
                .use(dates).in(Assignment.Builder::registered)
                .use(dates).in(Assignment.Builder::modified)
                .use(references.list().ofMaxSize(3)).in((b, l) -> each(l, b::reference, b))
                .use(notes.list().ofMaxSize(2)).in((b, l) -> each(l, b::note, b))
                .use(notes.list().ofMaxSize(1)).in((b, l) -> each(l, b::unauthorized, b))
                .use(Arbitraries.of("1", "2", "1234").list().ofMaxSize(2)).in((b, l) -> each(l, b::serviceCode, b))
                .use(Arbitraries.of("secsh", "www").list().ofMaxSize(1)).in((b, l) -> each(l, b::alias, b))
                .build(Assignment.Builder::build);
    }

    private static <T> Assignment.Builder each(List<T> values, java.util.function.Consumer<T> add,
            Assignment.Builder b) {
        values.forEach(add);
        return b;
    }

    /** A change IANA makes to a record: a field, the name, the range. */
    static Assignment mutate(Assignment a, Random random) {
        Assignment.Builder b = a.toBuilder();
        switch (random.nextInt(6)) {
            case 0 -> b.description(a.description() + " (updated)");
            case 1 -> b.contact("p" + random.nextInt(PEOPLE.length)).modified(new RegistryDate(2020, 5, 1));
            case 2 -> b.reference(Reference.rfc("RFC" + (9000 + random.nextInt(10))));
            case 3 -> b.service(a.service() == null ? "renamed" : a.service() + "-new");
            case 4 -> b.ports(a.ports() == null ? PortRange.of(5)
                    : new PortRange(a.ports().first(), Math.min(PortRange.MAX_PORT, a.ports().last() + 2)));
            default -> b.note("Assignment note " + random.nextInt(3)).status(AssignmentStatus.RESERVED);
        }
        return b.build();
    }

    private static RegistrySnapshot snapshot(LocalDate updated, List<Assignment> records) {
        Map<String, Person> people = new HashMap<>();
        for (int i = 0; i < PEOPLE.length; i++) {
            people.put("p" + i, new Person("p" + i, PEOPLE[i], i == 4, null, null));
        }
        return new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, "generated " + updated, updated,
                null), records, people, Map.of());
    }
}
