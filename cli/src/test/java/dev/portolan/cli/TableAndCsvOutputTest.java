package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.testsupport.GeneratedRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV output parses with its header and carries the JSON rows; tables name the data that answered. */
class TableAndCsvOutputTest {
    private static final List<String> CSV_HEADER = List.of("port", "transport", "service", "description", "status",
            "range", "references", "assignees", "contacts", "registered", "modified", "notes", "unauthorized");

    @TempDir
    Path home;

    @TempDir
    Path files;

    private static List<NamedCsvRecord> csv(Cli.Run run) throws IOException {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).isEqualTo(String.join(",", CSV_HEADER));
        List<NamedCsvRecord> records = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(run.out())) {
            for (NamedCsvRecord r : reader) {
                assertThat(r.getHeader()).containsExactlyElementsOf(CSV_HEADER);
                assertThat(r.getFieldCount()).isEqualTo(CSV_HEADER.size());
                records.add(r);
            }
        }
        return records;
    }

    /** The fields the CSV and the JSON both carry, as the CSV spells them. */
    private static List<List<String>> fromJson(List<JsonNode> rows) {
        return rows.stream().map(r -> List.of(
                r.get("port").asText(),
                r.get("transport").asText(),
                r.get("service").isNull() ? "" : r.get("service").asText(),
                r.get("description").asText(),
                r.get("status").asText(),
                r.get("range").asText(),
                String.join(" ", StreamSupport.stream(r.get("references").spliterator(), false)
                        .map(JsonNode::asText).toList()),
                r.get("registered").isNull() ? "" : r.get("registered").asText(),
                String.join("\n", StreamSupport.stream(r.get("notes").spliterator(), false)
                        .map(JsonNode::asText).toList()))).toList();
    }

    private static List<List<String>> fromCsv(List<NamedCsvRecord> records) {
        return records.stream().map(r -> List.of(r.getField("port"), r.getField("transport"), r.getField("service"),
                r.getField("description"), r.getField("status"), r.getField("range"), r.getField("references"),
                r.getField("registered"), r.getField("notes"))).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000-8010", "22", "60327", "0", "http"})
    void lookupCsvCarriesTheSameRowsAsJson(String query) throws IOException {
        List<NamedCsvRecord> records = csv(Cli.run(home, "lookup", query, "--format", "csv"));
        List<JsonNode> json = JsonOutputTest.rows(Cli.run(home, "lookup", query, "--format", "json"));

        assertThat(records).isNotEmpty();
        assertThat(fromCsv(records)).containsExactlyElementsOf(fromJson(json));
    }

    @Test
    void rangeCsvHas22Rows() throws IOException {
        assertThat(csv(Cli.run(home, "lookup", "8000-8010", "--format", "csv"))).hasSize(22);
    }


    @Test
    void importedRegistryCsvNamesPeople() throws IOException {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        List<NamedCsvRecord> records = csv(Cli.run(home, "lookup", "22/tcp", "--format", "csv"));

        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getField("service")).isEqualTo("fixture-ssh");
            assertThat(r.getField("references")).isEqualTo("RFC4251");
            assertThat(r.getField("assignees")).isEqualTo("Ada Lovelace");
            assertThat(r.getField("registered")).isEqualTo("2001-02-03");
        });
    }


    // ---- table ----------------------------------------------------------------------------------

    @Test
    void tableEndsWithTheBaselineAsSource() {
        String source = "source: " + Baseline.load().info().describe();
        assertThat(source).isEqualTo("source: embedded IANA registry of 2025-12-15");

        for (String[] args : new String[][] {{"443"}, {"lookup", "8000-8010"}, {"lookup", "ssh", "--format", "table"},
            {"search", "ssh"}, {"search", "zzzzqqqqxxxx"}}) {
            Cli.Run run = Cli.run(home, args);

            assertThat(run.code()).isZero();
            List<String> lines = run.outLines();
            assertThat(lines.get(lines.size() - 1)).as(String.join(" ", args)).isEqualTo(source);
            assertThat(lines.get(lines.size() - 2)).isEmpty();
        }
    }

    @Test
    void tableEndsWithTheImportedReleaseAsSource() {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        for (String[] args : new String[][] {{"22"}, {"search", "fixture"}, {"lookup", "60327"}}) {
            Cli.Run run = Cli.run(home, args);

            assertThat(run.code()).isZero();
            assertThat(run.outLines().get(run.outLines().size() - 1)).as(String.join(" ", args))
                    .matches("source: IANA registry of 2025-06-01 \\(XML, imported \\d{4}-\\d{2}-\\d{2}\\)");
        }
    }

    @Test
    void tableOfAnUnassignedPort() {
        Cli.Run run = Cli.run(home, "60");

        assertThat(run.outLines()).containsExactly(
                "PORT  PROTO  SERVICE  STATUS      RANGE   DESCRIPTION  REFERENCES",
                "60    tcp    -        unassigned  system  Unassigned",
                "60    udp    -        unassigned  system  Unassigned",
                "",
                "source: " + Baseline.load().info().describe());
    }

    @Test
    void tableOfAnImportedPortShowsDetails() {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        Cli.Run run = Cli.run(home, "22/tcp");

        List<String> lines = run.outLines();
        assertThat(lines).startsWith(
                "PORT  PROTO  SERVICE      STATUS    RANGE   DESCRIPTION           REFERENCES",
                "22    tcp    fixture-ssh  assigned  system  Fixture secure shell  RFC4251",
                "",
                "22/tcp fixture-ssh",
                "  assignee: Ada Lovelace",
                "  registered: 2001-02-03",
                "",
                "known of port 22 (portolan explain 22 has the whole page):");
        // the curated knowledge of port 22, on TCP (the transport asked), with its sources
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  OpenSSH server uses TCP port 22 for remote access. ["));
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("UDP port 22"));
        assertThat(lines).contains("sources:");
        assertThat(lines.get(lines.size() - 2)).isEmpty();
    }

    /** “Paper uses UDP port 25565 … [4][3]”: a known line showed its sources' numbers in citation order. */
    @Test
    void knownLines_showOneAscendingClusterOfMarkersALine() {
        List<String> lines = Cli.run(home, "25565").outLines();
        List<String> known = lines.subList(lines.indexOf("known of port 25565 (portolan explain 25565 has the whole page):")
                + 1, lines.indexOf("sources:"));
        assertThat(known).contains("  Paper uses UDP port 25565 for answering game server queries when that feature is "
                + "turned on; it is off by default. [3][4]");
        for (String l : known) {
            Matcher m = Pattern.compile(" ((?:\\[\\d+])+)$").matcher(l);
            if (m.find()) {
                List<Integer> numbers = Arrays.stream(m.group(1).replaceAll("^\\[|]$", "").split("]\\["))
                        .map(Integer::parseInt).toList();
                assertThat(numbers).as(l).isSorted().doesNotHaveDuplicates();
            }
        }
    }
}
