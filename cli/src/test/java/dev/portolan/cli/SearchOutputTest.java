package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.testsupport.GeneratedRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code portolan search} prints: one row per port, as a table, CSV or JSON. */
class SearchOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "source: " + Baseline.load().info().describe();

    @TempDir
    Path home;

    @TempDir
    Path files;

    static List<JsonNode> results(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.isArray()).isTrue();
        List<JsonNode> out = new ArrayList<>();
        root.forEach(out::add);
        for (JsonNode r : out) {
            assertThat(r.get("port").isInt()).isTrue();
            assertThat(r.get("transports").isArray()).isTrue();
            assertThat(r.get("match").get("tier").asText())
                    .isIn("port", "service", "common", "program", "name", "description", "typo");
            assertThat(r.get("match").get("text").isTextual()).isTrue();
            for (String list : List.of("names", "registered", "programs")) {
                assertThat(r.get(list).isArray()).as(list).isTrue();
            }
            assertThat(r.get("morePrograms").isInt()).isTrue();
            assertThat(r.get("description").isTextual() || r.get("description").isNull()).isTrue();
        }
        return out;
    }

    @Test
    void table_namesThePort_whatMatched_andWhoUsesIt() {
        Cli.Run run = Cli.run(home, "search", "rdp");

        assertThat(run.code()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).matches("PORT +PROTO +NAME +MATCH +USE");
        assertThat(lines.get(1)).matches("3389 +tcp,udp +RDP \\(ms-wbt-server\\) +name people use: RDP +used by xrdp, .* more");
        assertThat(lines).endsWith("", SOURCE);
    }

    @Test
    void aPortQuery_listsThePortsInOrder() {
        Cli.Run run = Cli.run(home, "search", "8000-8002");

        assertThat(run.outLines().subList(1, 4)).extracting(l -> l.split(" +")[0]).containsExactly("8000", "8001", "8002");
        assertThat(run.outLines().get(1)).contains("port number");
    }

    @Test
    void json_isAnArrayOfResults_inRankOrder_andCsvCarriesTheSame() throws IOException {
        List<JsonNode> json = results(Cli.run(home, "search", "kafka", "--format", "json", "-n", "5"));
        assertThat(json).hasSize(5);
        assertThat(json.get(0).get("port").asInt()).isEqualTo(9092);
        assertThat(json.get(0).get("match").get("tier").asText()).isEqualTo("program");
        assertThat(json.get(0).get("match").get("text").asText()).isEqualTo("Apache Kafka");

        List<NamedCsvRecord> csv = new ArrayList<>();
        CsvReader.builder().ofNamedCsvRecord(Cli.run(home, "search", "kafka", "--format", "csv", "-n", "5").out())
                .forEach(csv::add);
        assertThat(csv).extracting(r -> Integer.parseInt(r.getField("port")))
                .containsExactlyElementsOf(json.stream().map(r -> r.get("port").asInt()).toList());
        assertThat(csv.get(0).getField("match_tier")).isEqualTo("program");
        assertThat(csv.get(0).getField("names")).isEqualTo("Apache Kafka");
    }

    @Test
    void theTransportOption_keepsPortsOnThatTransport() throws IOException {
        List<JsonNode> json = results(Cli.run(home, "search", "dns", "--transport", "udp", "--format", "json"));
        assertThat(json).isNotEmpty().allSatisfy(r -> assertThat(r.get("transports").toString()).isEqualTo("[\"udp\"]"));
        assertThat(json.get(0).get("port").asInt()).isEqualTo(53);
    }

    @Test
    void theLanguageOption_searchesThatLanguagesDescriptions() throws IOException {
        assertThat(results(Cli.run(home, "search", "serveurs", "de", "temps", "--lang", "fr", "--format", "json")))
                .extracting(r -> r.get("port").asInt()).contains(123);
        // without it, LANG decides
        Cli.Run french = Cli.runWithEnv(home, Map.of("LANG", "fr_FR.UTF-8"), "search", "serveurs de temps", "--format",
                "json");
        assertThat(results(french)).extracting(r -> r.get("port").asInt()).contains(123);
    }

    @Test
    void nothingFound_saysSo_suggests_andExplainsTheSyntax() throws IOException {
        Cli.Run run = Cli.run(home, "search", "rdz");

        assertThat(run.code()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("no port matches \"rdz\"");
        assertThat(run.outLines().get(1)).startsWith("did you mean: RDP");
        assertThat(run.outLines().get(2)).startsWith("search takes a port (443)");
        assertThat(run.outLines()).endsWith("", SOURCE);
        assertThat(results(Cli.run(home, "search", "zzzzqqqqxxxx", "--format", "json"))).isEmpty();
        List<NamedCsvRecord> csv = new ArrayList<>();
        CsvReader.builder().ofNamedCsvRecord(Cli.run(home, "search", "zzzzqqqqxxxx", "--format", "csv").out())
                .forEach(csv::add);
        assertThat(csv).isEmpty();
    }

    @Test
    void anImportedRegistry_isSearchedWithTheKnowledge() throws IOException {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        List<JsonNode> json = results(Cli.run(home, "search", "fixture-ssh", "--format", "json"));
        assertThat(json.get(0).get("port").asInt()).isEqualTo(22);
        assertThat(json.get(0).get("match").get("tier").asText()).isEqualTo("service");
        assertThat(json.get(0).get("programs").toString()).contains("OpenSSH server");
        assertThat(results(Cli.run(home, "search", "minecraft", "--format", "json")).get(0).get("port").asInt())
                .isEqualTo(25565);
    }
}
