package dev.portolan.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Assignment;
import dev.portolan.core.PortRange;
import dev.portolan.core.RecordTable;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.baseline.Baseline;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Records found by name in place, in the binary form, are the records whose names, lower-cased,
 * are the name: as the same table over built records finds them, and as the index of every name
 * that a registry builds after its first few questions does.
 */
class RecordNamesTest {
    @Test
    void everyNameOfTheEmbeddedRegistry_findsTheSameRecords_inPlaceAndBuilt() {
        RegistrySnapshot snapshot = Baseline.load();
        RecordTable loaded = snapshot.records();
        RecordTable built = RecordTable.of(snapshot.assignments());
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < built.size(); i++) {
            for (String n : built.names(i)) {
                names.add(n.toLowerCase(Locale.ROOT));
            }
        }
        assertThat(names).hasSizeGreaterThan(5_000);
        int tried = 0;
        for (String name : names) {
            if (tried++ % 7 != 0 && !name.equals("http") && !name.equals("ssh")) {
                continue; // a seventh of them: each question reads all 14,496 records
            }
            assertThat(loaded.named(name)).as(name).isEqualTo(built.named(name)).isNotEmpty();
        }
        assertThat(loaded.named("no-such-service-name")).isEmpty();
        assertThat(loaded.named("")).isEmpty();
    }

    @Test
    void namesInAnyCase_andNotInAscii_areFound_asLowerCasingThemFindsThem() throws Exception {
        List<Assignment> records = new ArrayList<>();
        records.add(Assignment.builder().service("Alpha").description("a").ports(PortRange.of(1)).build());
        records.add(Assignment.builder().service("alpha").alias("ALPHA").alias("beta").description("b")
                .ports(PortRange.of(2)).build());
        // the Kelvin sign lower-cases to an ASCII k, in fewer bytes
        records.add(Assignment.builder().service("\u212Aerberos-x").description("k").ports(PortRange.of(3)).build());
        records.add(Assignment.builder().service("caf\u00e9").alias("CAF\u00c9").description("c")
                .ports(PortRange.of(4)).build());
        RegistrySnapshot s = new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, "names", null, null),
                records, Map.of(), Map.of());
        RecordTable loaded = SnapshotCodec.decode(SnapshotCodec.encode(s)).records();
        RecordTable built = RecordTable.of(records);
        for (String name : List.of("alpha", "beta", "kerberos-x", "caf\u00e9", "\u212Aerberos-x", "gamma", "alph")) {
            assertThat(loaded.named(name)).as(name).isEqualTo(built.named(name));
        }
        assertThat(loaded.named("alpha")).containsExactly(0, 1, 1);
        assertThat(loaded.named("kerberos-x")).containsExactly(2);
        assertThat(loaded.named("caf\u00e9")).containsExactly(3, 3);
        // a registry answers the same before and after it builds its index of names
        Registry registry = Registry.of(SnapshotCodec.decode(SnapshotCodec.encode(s)));
        List<Object> answers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String name : List.of("ALPHA", "Beta", "kerberos-X", "gamma")) {
                answers.add(registry.service(name).map(l -> l.stream().map(Assignment::description).toList()).orElse(null));
            }
        }
        assertThat(answers.subList(0, 4)).isEqualTo(answers.subList(4, 8)).isEqualTo(answers.subList(8, 12));
        assertThat(answers.get(0)).isEqualTo(List.of("a", "b", "b"));
        assertThat(answers.get(3)).isNull();
    }
}
