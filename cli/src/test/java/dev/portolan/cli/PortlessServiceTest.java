package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.testsupport.GeneratedRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service names the registry lists without a port number (and sometimes without a transport):
 * they have rows with a null port and range, one per registry entry.
 */
class PortlessServiceTest {
    @TempDir
    Path home;

    @TempDir
    Path files;

    @BeforeEach
    void importRegistryWithPortlessNames() {
        String xml = GeneratedRegistry.xml(LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS).replace("  <people>\n",
                "  <record>\n    <name>nameonly</name>\n    <description>Name without port or transport</description>\n"
                        + "  </record>\n"
                        + "  <record>\n    <name>tcpname</name>\n    <protocol>tcp</protocol>\n"
                        + "    <description>Name with a transport but no port</description>\n  </record>\n"
                        + "  <people>\n");
        Path f = GeneratedRegistry.write(files, "registry.xml", xml);
        Cli.Run run = Cli.run(home, "import", f.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    private static List<JsonNode> json(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(rows::add);
        return rows;
    }

    @Test
    void nameWithATransportButNoPortIsOneRow() throws IOException {
        List<JsonNode> rows = json(Cli.run(home, "lookup", "tcpname", "--format", "json"));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("port").isNull()).isTrue();
            assertThat(r.get("transport").asText()).isEqualTo("tcp");
            assertThat(r.get("range").isNull()).isTrue();
            assertThat(r.get("service").asText()).isEqualTo("tcpname");
            assertThat(r.get("status").asText()).isEqualTo("assigned");
        });
    }

    @Test
    void nameWithoutPortOrTransportHasNullPortTransportAndRange() throws IOException {
        List<JsonNode> rows = json(Cli.run(home, "lookup", "nameonly", "--format", "json"));

        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("port").isNull()).isTrue();
            assertThat(r.get("transport").isNull()).isTrue();
            assertThat(r.get("range").isNull()).isTrue();
            assertThat(r.get("service").asText()).isEqualTo("nameonly");
        });
    }

    @Test
    void nameWithoutPortOrTransportIsOneRow() throws IOException {
        assertThat(json(Cli.run(home, "lookup", "nameonly", "--format", "json"))).hasSize(1);
        // The search finds ports; a name registered without one is answered by lookup only.
        assertThat(SearchOutputTest.results(Cli.run(home, "search", "nameonly", "--format", "json"))).isEmpty();
        assertThat(Cli.run(home, "lookup", "nameonly", "--format", "csv").outLines()).hasSize(2);
    }
}
