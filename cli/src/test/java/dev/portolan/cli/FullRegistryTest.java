package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line over IANA's real registry files (the 2025-12-15 XML, an older XML release and
 * a CSV). Skipped when the shared copy of those files is not present.
 */
class FullRegistryTest {
    private static final String IMPORTED = "\\(XML, imported \\d{4}-\\d{2}-\\d{2}\\)";

    @TempDir
    Path home;

    Path xml;
    Path history;
    Path csv;

    @BeforeEach
    void findData() {
        xml = SharedRegistryData.require(SharedRegistryData.XML);
        history = SharedRegistryData.require(SharedRegistryData.historyRelease(LocalDate.of(2024, 8, 1)));
        csv = SharedRegistryData.require(SharedRegistryData.CSV_GZ);
    }

    private void importCurrent() {
        Cli.Run run = Cli.run(home, "import", xml.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void importMakesTheDecemberReleaseActive() throws Exception {
        Cli.Run run = Cli.run(home, "import", xml.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).matches("imported IANA registry of 2025-12-15 " + IMPORTED + ", [\\d,]+ records");
        assertThat(Cli.run(home, "status").outLines().get(0)).matches("active:    IANA registry of 2025-12-15 " + IMPORTED);
        JsonNode status = new ObjectMapper().readTree(Cli.run(home, "status", "--format", "json").out());
        assertThat(status.get("source").asText()).isEqualTo("iana-xml");
        assertThat(status.get("updated").asText()).isEqualTo("2025-12-15");
        assertThat(status.get("records").intValue()).isGreaterThan(14_000);
        assertThat(status.get("problem").isNull()).isTrue();
    }

    @Test
    void sshOnPort22WithRfcAndAssignee() {
        importCurrent();

        List<JsonNode> rows = JsonOutputTest.rows(Cli.run(home, "lookup", "22", "--format", "json"));

        assertThat(rows).allSatisfy(r -> assertThat(r.get("service").asText()).isEqualTo("ssh"));
        assertThat(rows).extracting(r -> r.get("transport").asText()).contains("tcp", "udp", "sctp");
        JsonNode tcp = rows.stream().filter(r -> r.get("transport").asText().equals("tcp")).findFirst().orElseThrow();
        assertThat(tcp.get("references")).extracting(JsonNode::asText).contains("RFC4251");
        assertThat(tcp.get("status").asText()).isEqualTo("assigned");
        assertThat(rows).anySatisfy(r -> assertThat(StreamSupport.stream(r.get("assignees").spliterator(), false)
                .map(p -> p.get("name").asText())).isNotEmpty());
        assertThat(Cli.run(home, "22").lastOutLine()).matches("source: IANA registry of 2025-12-15 " + IMPORTED);
    }

    /** The embedded history holds the release of 2024-08-01: it is known, and not made active unless forced. */
    @Test
    void olderHistoryReleaseIsKnownThenActiveWithForce() {
        importCurrent();
        HomeState before = HomeState.of(home);

        Cli.Run known = Cli.run(home, "import", history.toString());

        assertThat(known.code()).as(known.err()).isZero();
        assertThat(known.outLines()).containsExactly("not made active: " + history + " is a release of 2024-08-01, "
                + "older than the active release of 2025-12-15; use --force to make it active",
                "already in the history: the release of 2024-08-01 (" + history + ")", "nothing changed");
        assertThat(HomeState.of(home)).isEqualTo(before);

        Cli.Run forced = Cli.run(home, "import", history.toString(), "--force");

        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.outLines().get(0)).matches("imported IANA registry of 2024-08-01 " + IMPORTED + ", [\\d,]+ records");
        assertThat(forced.outLines().get(2)).matches("previously: IANA registry of 2025-12-15 " + IMPORTED);
        assertThat(forced.outLines()).last().isEqualTo("already in the history: the release of 2024-08-01 (" + history + ")");
        assertThat(Cli.run(home, "status").outLines().get(0)).matches("active:    IANA registry of 2024-08-01 " + IMPORTED);
    }

    @Test
    void sameFileTwiceIsAlreadyActive() {
        importCurrent();
        HomeState before = HomeState.of(home);

        Cli.Run again = Cli.run(home, "import", xml.toString());

        assertThat(again.code()).isZero();
        assertThat(again.outLines()).singleElement().asString().matches(
                "already active: IANA registry of 2025-12-15 " + IMPORTED + ", [\\d,]+ records; nothing changed");
        assertThat(HomeState.of(home)).isEqualTo(before);
    }

    @Test
    void csvImportsIntoAFreshHome() {
        Cli.Run run = Cli.run(home, "import", csv.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).matches(
                "imported IANA registry \\(CSV, imported \\d{4}-\\d{2}-\\d{2}\\), [\\d,]+ records");
        assertThat(Cli.run(home, "status").outLines().get(0)).startsWith("active:    IANA registry (CSV");
        List<JsonNode> rows = JsonOutputTest.rows(Cli.run(home, "lookup", "22/tcp", "--format", "json"));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("service").asText()).isEqualTo("ssh");
            assertThat(r.get("references")).extracting(JsonNode::asText).contains("RFC4251");
        });
    }

    @Test
    void olderCsvIsRefusedOverTheCurrentXml() {
        importCurrent();
        HomeState before = HomeState.of(home);

        Cli.Run run = Cli.run(home, "import", csv.toString());

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("portolan: " + csv + " is a release of ")
                .endsWith(", older than the active release of 2025-12-15; use --force to import it anyway; "
                        + "nothing was changed");
        assertThat(HomeState.of(home)).isEqualTo(before);
    }
}
