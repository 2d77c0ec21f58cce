package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.baseline.Baseline;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the port index over the embedded baseline, which every build carries. */
class PortIndexPropertiesTest {
    private static final RegistrySnapshot BASELINE = Baseline.load();
    private static final Registry REGISTRY = Registry.of(BASELINE);

    @Property(tries = 3000)
    void baseline_anyPortAndTransport_resolvesToEntriesCoveringIt(
            @ForAll @IntRange(min = 0, max = 65_535) int port, @ForAll Transport transport) {
        assertResolvesToCoveringEntries(REGISTRY.ports(), port, transport);
    }

    @Example
    void baseline_everyPortTimesEveryTransport_resolvesToANonEmptyList() {
        assertEveryPairResolves(REGISTRY.ports());
    }

    @Property(tries = 500)
    void baseline_scanningAndIndexedAnswers_agree(@ForAll @IntRange(min = 0, max = 65_535) int port,
            @ForAll Transport transport) {
        assertScanAgreesWithIndex(BASELINE.assignments(), REGISTRY.ports(), port, transport);
    }

    @Property
    void rangeClass_boundaries_splitSystemUserAndDynamicPorts(@ForAll("aroundBoundaries") int port) {
        RangeClass expected = port <= 1023 ? RangeClass.SYSTEM : port <= 49_151 ? RangeClass.USER : RangeClass.DYNAMIC;
        assertThat(RangeClass.of(port)).isEqualTo(expected);
        assertThat(new PortEntry(port, Transport.TCP, PortIndex.implied(port, Transport.TCP)).range()).isEqualTo(expected);
        assertThat(PortIndex.implied(port, Transport.TCP).notes().get(0).startsWith("Dynamic and/or Private Port"))
                .isEqualTo(expected == RangeClass.DYNAMIC);
    }

    @Example
    void baseline_lookupAtTheRangeBoundaries_reportsTheRangeOfEachPort() throws InvalidQueryException {
        assertThat(REGISTRY.lookup(PortQuery.parse("1023-1024"), Transport.TCP))
                .extracting(PortEntry::port, PortEntry::range)
                .containsExactly(tuple(1023, RangeClass.SYSTEM),
                        tuple(1024, RangeClass.USER));
        assertThat(REGISTRY.lookup(PortQuery.parse("49151-49152"), Transport.UDP))
                .extracting(PortEntry::port, PortEntry::range)
                .containsExactly(tuple(49_151, RangeClass.USER),
                        tuple(49_152, RangeClass.DYNAMIC));
    }

    @Provide
    Arbitrary<Integer> aroundBoundaries() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1019, 1028),
                Arbitraries.integers().between(49_147, 49_156), Arbitraries.of(0, 65_535));
    }

    static void assertResolvesToCoveringEntries(PortIndex index, int port, Transport transport) {
        List<Assignment> answer = index.resolve(port, transport);
        assertThat(answer).as("%d/%s", port, transport).isNotEmpty().allSatisfy(a -> {
            assertThat(a.transport()).isEqualTo(transport);
            assertThat(a.covers(port, transport)).isTrue();
        });
        if (answer.stream().anyMatch(a -> a.origin() == Assignment.Origin.IMPLIED)) {
            assertThat(answer).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(AssignmentStatus.UNASSIGNED));
        }
    }

    static void assertEveryPairResolves(PortIndex index) {
        List<String> empty = new ArrayList<>();
        for (int port = 0; port <= PortRange.MAX_PORT; port++) {
            final int q = port;
            for (Transport t : Transport.values()) {
                List<Assignment> answer = index.resolve(q, t);
                if (answer.isEmpty() || !answer.stream().allMatch(a -> a.covers(q, t) && a.transport() == t)) {
                    empty.add(port + "/" + t);
                }
            }
        }
        assertThat(empty).as("pairs without a covering answer").isEmpty();
    }

    static void assertScanAgreesWithIndex(List<Assignment> records, PortIndex warm, int port, Transport transport) {
        // A new index answers from the records by first port; the shared one has answered enough
        // to have built its index.
        for (int i = 0; i <= PortIndex.QUESTIONS_BEFORE_INDEX; i++) {
            warm.resolve(i, Transport.TCP);
        }
        assertThat(warm.resolve(port, transport)).isEqualTo(new PortIndex(RecordTable.of(records)).resolve(port, transport));
        boolean[] indexed = new boolean[4];
        boolean[] scanned = new boolean[4];
        assertThat(warm.resolveAll(port, indexed)).isEqualTo(new PortIndex(RecordTable.of(records)).resolveAll(port, scanned));
        assertThat(indexed).isEqualTo(scanned);
    }
}
