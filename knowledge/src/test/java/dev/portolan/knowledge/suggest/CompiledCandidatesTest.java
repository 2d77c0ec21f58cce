package dev.portolan.knowledge.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Assignment;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suggester's candidates the build finds over the embedded data are those found now, and only used there. */
class CompiledCandidatesTest {
    @Test
    void theShippedCandidates_areWhatTheBaselineAndKnowledgeGiveNow() throws Exception {
        byte[] shipped = dev.portolan.core.EmbeddedFiles.read(CompiledCandidates.RESOURCE);
        assertThat(shipped).as("the build writes " + CompiledCandidates.RESOURCE).isNotNull();
        assertThat(shipped).isEqualTo(CompiledCandidates.compile().write());

        PortSummaries baseline = new PortSummaries(Registry.of(Baseline.load()), Knowledge.embedded());
        assertThat(PortSuggester.of(baseline).candidates()).hasSizeGreaterThan(1_000)
                .isEqualTo(new PortSuggester(baseline).candidates());
    }

    @Test
    void anotherRegistry_findsItsOwnCandidates() {
        RegistrySnapshot b = Baseline.load();
        // an imported registry that assigns a port the baseline leaves free
        int port = new PortSuggester(new PortSummaries(Registry.of(b), Knowledge.embedded())).candidates().get(0);
        List<Assignment> records = new ArrayList<>(b.assignments());
        records.add(Assignment.builder().service("fixture-candidate").ports(new dev.portolan.core.PortRange(port, port))
                .transport(dev.portolan.core.Transport.TCP).description("A fixture").build());
        Registry imported = Registry.of(new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, "test",
                null, null), records, b.people(), b.footnotes()));

        List<Integer> candidates = PortSuggester.of(new PortSummaries(imported, Knowledge.embedded())).candidates();
        assertThat(candidates).doesNotContain(port)
                .isEqualTo(new PortSuggester(new PortSummaries(imported, Knowledge.embedded())).candidates());
    }

    @Test
    void damagedCandidates_areRefusedWithAHint() {
        byte[] good = CompiledCandidates.compile().write();
        for (byte[] bad : List.of(new byte[] {1, 2, 3}, Arrays.copyOf(good, good.length - 2),
                Arrays.copyOf(good, good.length + 4))) {
            assertThatThrownBy(() -> CompiledCandidates.read(bad)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("rebuild with: mvn -q package");
        }
    }
}
