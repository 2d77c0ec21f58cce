package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.testsupport.Fixtures;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PortIndexTest {
    /** Questions a new index answers from the records by first port; the next one builds the index. */
    private static final int SCANS_BEFORE_INDEX = PortIndex.QUESTIONS_BEFORE_INDEX;

    private final List<Assignment> records = Fixtures.xml().assignments();

    @Test
    void resolve_listedPortAndTransport_answersWithTheRecordsInRegistryOrder() {
        List<Assignment> seven = new PortIndex(RecordTable.of(records)).resolve(7, Transport.TCP);
        assertThat(seven).extracting(Assignment::service).containsExactly("tally", "tallyd");
        assertThat(seven).allSatisfy(a -> assertThat(a.origin()).isEqualTo(Assignment.Origin.LISTED));
        assertThat(new PortIndex(RecordTable.of(records)).resolve(7, Transport.DCCP)).singleElement()
                .satisfies(a -> assertThat(a.serviceCodes()).containsExactly("1414483020"));
    }

    @Test
    void resolve_portInsideARange_answersWithTheRangeRecord() {
        PortIndex index = new PortIndex(RecordTable.of(records));
        for (int port : new int[] {6000, 6003, 6063}) {
            assertThat(index.resolve(port, Transport.UDP)).singleElement().satisfies(a -> {
                assertThat(a.service()).isEqualTo("gridview");
                assertThat(a.ports()).isEqualTo(new PortRange(6000, 6063));
            });
        }
        assertThat(index.resolve(6064, Transport.UDP)).singleElement()
                .satisfies(a -> assertThat(a.origin()).isEqualTo(Assignment.Origin.IMPLIED));
    }

    @Test
    void resolve_protocolLessRecord_appliesToEveryTransportNamingIt() {
        PortIndex index = new PortIndex(RecordTable.of(records));
        for (Transport t : Transport.values()) {
            assertThat(index.resolve(51, t)).singleElement().satisfies(a -> {
                assertThat(a.transport()).isEqualTo(t);
                assertThat(a.status()).isEqualTo(AssignmentStatus.RESERVED);
                assertThat(a.notes()).containsExactly("This entry was withdrawn on 2013-05-24.");
                assertThat(a.origin()).isEqualTo(Assignment.Origin.LISTED);
            });
            assertThat(index.listsExplicitly(51, t)).isFalse();
        }
    }

    @Test
    void resolve_recordsNamingTheTransportComeBeforeProtocolLessOnes() {
        Assignment any = Assignment.builder().ports(PortRange.of(9)).description("Reserved").build();
        Assignment tcp = Assignment.builder().service("discard").ports(PortRange.of(9)).transport(Transport.TCP)
                .description("Discard").build();
        PortIndex index = new PortIndex(RecordTable.of(List.of(any, tcp)));
        assertThat(index.resolve(9, Transport.TCP)).containsExactly(tcp, any.on(Transport.TCP));
        assertThat(index.resolve(9, Transport.UDP)).containsExactly(any.on(Transport.UDP));
    }

    @Test
    void resolve_unlistedUserPort_isImpliedUnassigned() {
        assertThat(new PortIndex(RecordTable.of(records)).resolve(1024, Transport.TCP)).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AssignmentStatus.UNASSIGNED);
            assertThat(a.origin()).isEqualTo(Assignment.Origin.IMPLIED);
            assertThat(a.ports()).isEqualTo(PortRange.of(1024));
            assertThat(a.transport()).isEqualTo(Transport.TCP);
            assertThat(a.description()).isEqualTo("Unassigned");
            assertThat(a.references()).containsExactly(Reference.rfc("RFC6335"));
            assertThat(a.notes()).containsExactly("Not listed in the registry for tcp: no service holds this number.");
        });
    }

    @Test
    void resolve_rangeBoundary49151And49152_switchesToTheDynamicNote() {
        PortIndex index = new PortIndex(RecordTable.of(records));
        assertThat(index.resolve(49_151, Transport.UDP).get(0).notes())
                .containsExactly("Not listed in the registry for udp: no service holds this number.");
        for (int port : new int[] {49_152, 60_327, 65_535}) {
            assertThat(index.resolve(port, Transport.UDP).get(0).notes()).containsExactly(
                    "Dynamic and/or Private Port: IANA never assigns ports 49152-65535 (RFC 6335, section 6).");
        }
    }

    @Test
    void resolve_rangeBoundary1023And1024_isListedThenImplied() {
        PortIndex index = new PortIndex(RecordTable.of(records));
        assertThat(index.resolve(1023, Transport.TCP)).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AssignmentStatus.RESERVED));
        assertThat(index.resolve(1024, Transport.TCP)).singleElement()
                .satisfies(a -> assertThat(a.origin()).isEqualTo(Assignment.Origin.IMPLIED));
    }

    @Test
    void resolve_portsOutside0To65535_areRefused() {
        PortIndex index = new PortIndex(RecordTable.of(records));
        assertThatThrownBy(() -> index.resolve(-1, Transport.TCP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port -1 is outside 0-65535");
        assertThatThrownBy(() -> index.resolve(65_536, Transport.TCP)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 65536 is outside 0-65535");
        assertThatThrownBy(() -> index.resolveAll(65_536, new boolean[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.listsExplicitly(-5, Transport.UDP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolveAll_reportsWhichTransportsARecordNamesExplicitly() {
        boolean[] explicit = new boolean[4];
        Map<Transport, List<Assignment>> all = new PortIndex(RecordTable.of(records)).resolveAll(7, explicit);
        assertThat(explicit).containsExactly(true, true, true, true);
        assertThat(all.get(Transport.SCTP)).extracting(Assignment::assignees)
                .containsExactly(List.of("Rosa_Stewart"));

        boolean[] protocolLess = new boolean[4];
        Map<Transport, List<Assignment>> fiftyOne = new PortIndex(RecordTable.of(records)).resolveAll(51, protocolLess);
        assertThat(protocolLess).containsExactly(false, false, false, false);
        assertThat(fiftyOne).hasSize(4).allSatisfy((t, list) -> assertThat(list).singleElement()
                .satisfies(a -> assertThat(a.transport()).isEqualTo(t)));
    }

    @Test
    void listed_isTheAnswerWithoutTheImpliedEntry() {
        PortIndex index = new PortIndex(RecordTable.of(records));
        for (int port = 0; port <= PortRange.MAX_PORT; port += 13) {
            for (Transport t : Transport.values()) {
                List<Assignment> answer = index.resolve(port, t);
                List<Assignment> listed = index.listed(port, t);
                if (answer.size() == 1 && answer.get(0).origin() == Assignment.Origin.IMPLIED) {
                    assertThat(listed).as("%d/%s", port, t).isEmpty();
                } else {
                    assertThat(listed).as("%d/%s", port, t).isEqualTo(answer);
                }
            }
        }
        assertThat(index.listed(1024, Transport.TCP)).isEmpty();
        assertThat(index.listed(7, Transport.TCP)).isNotEmpty();
    }

    @Test
    void recordsInAnyOrder_answerInRegistryOrder_beforeAndAfterTheIndex() throws Exception {
        // the lookup by first port must not depend on the registry listing records by port
        List<Assignment> shuffled = new ArrayList<>(records);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        PortIndex before = new PortIndex(RecordTable.of(shuffled));
        PortIndex warm = new PortIndex(RecordTable.of(shuffled));
        for (int i = 0; i <= SCANS_BEFORE_INDEX; i++) {
            warm.resolve(i % 100, Transport.TCP);
        }
        assertThat(isBuilt(warm)).isTrue();
        for (int port = 0; port <= PortRange.MAX_PORT; port += 7) {
            for (Transport t : Transport.values()) {
                assertThat(before.resolve(port, t)).as("%d/%s", port, t).isEqualTo(warm.resolve(port, t));
                assertThat(before.listsExplicitly(port, t)).isEqualTo(warm.listsExplicitly(port, t));
            }
            boolean[] a = new boolean[4];
            boolean[] b = new boolean[4];
            assertThat(before.resolveAll(port, a)).isEqualTo(warm.resolveAll(port, b));
            assertThat(a).isEqualTo(b);
        }
    }

    @Test
    void answersBeforeAndAfterTheIndexIsBuilt_areIdentical() throws Exception {
        PortIndex index = new PortIndex(RecordTable.of(records));
        int[] probes = {0, 2, 3, 7, 51, 100, 6003, 1023, 1024, 49_152};
        List<Object> beforeIndex = new ArrayList<>();
        for (int port : probes) {
            for (Transport t : Transport.values()) {
                beforeIndex.add(index.resolve(port, t));
            }
        }
        for (int i = beforeIndex.size(); i < SCANS_BEFORE_INDEX; i++) {
            assertThat(isBuilt(index)).isFalse();
            index.resolve(0, Transport.TCP);
        }
        assertThat(isBuilt(index)).as("still scanning after %d questions", SCANS_BEFORE_INDEX).isFalse();
        index.resolve(0, Transport.TCP);
        assertThat(isBuilt(index)).as("index built after %d questions", SCANS_BEFORE_INDEX + 1).isTrue();

        List<Object> afterIndex = new ArrayList<>();
        for (int port : probes) {
            for (Transport t : Transport.values()) {
                afterIndex.add(index.resolve(port, t));
            }
        }
        assertThat(afterIndex).isEqualTo(beforeIndex);

        // Every edge of every record, the range boundaries, and a sample of everything between.
        SortedSet<Integer> ports = new TreeSet<>(List.of(0, 1023, 1024, 49_151, 49_152, 65_535));
        for (Assignment a : records) {
            if (a.ports() != null) {
                for (int edge : new int[] {a.ports().first() - 1, a.ports().first(), a.ports().last(), a.ports().last() + 1}) {
                    if (edge >= 0 && edge <= PortRange.MAX_PORT) {
                        ports.add(edge);
                    }
                }
            }
        }
        for (int port = 0; port <= PortRange.MAX_PORT; port += 61) {
            ports.add(port);
        }
        List<String> differences = new ArrayList<>();
        for (int port : ports) {
            for (Transport t : Transport.values()) {
                PortIndex scanning = new PortIndex(RecordTable.of(records));
                if (!index.resolve(port, t).equals(scanning.resolve(port, t))
                        || index.listsExplicitly(port, t) != scanning.listsExplicitly(port, t)) {
                    differences.add(port + "/" + t);
                }
            }
            boolean[] built = new boolean[4];
            boolean[] scanned = new boolean[4];
            if (!index.resolveAll(port, built).equals(new PortIndex(RecordTable.of(records)).resolveAll(port, scanned))
                    || !Arrays.equals(built, scanned)) {
                differences.add(port + " (all transports)");
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void resolveAll_reusedFlagArray_isOverwrittenBeforeAndAfterTheIndexIsBuilt() {
        boolean[] flags = new boolean[4];
        PortIndex scanning = new PortIndex(RecordTable.of(records));
        scanning.resolveAll(7, flags);
        scanning.resolveAll(22, flags);
        assertThat(flags).containsExactly(true, false, false, false);
    }

    private static boolean isBuilt(PortIndex index) throws ReflectiveOperationException {
        Field built = PortIndex.class.getDeclaredField("built");
        built.setAccessible(true);
        return built.get(index) != null;
    }
}
