package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.testsupport.GeneratedRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portolan status}: which data answers and where it is kept. */
class StatusCommandTest {
    @TempDir
    Path home;

    @TempDir
    Path files;

    @Test
    void freshHomeAnswersFromTheBaseline() {
        RegistrySnapshot baseline = Baseline.load();

        Cli.Run run = Cli.run(home, "status");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "active:    " + baseline.info().describe(),
                "records:   " + Reports.count(baseline.assignments().size()) + ", people "
                        + Reports.count(baseline.people().size()),
                "stored as: (embedded in the program)",
                "home:      " + home,
                "baseline:  " + baseline.info().label() + ", " + Reports.count(baseline.assignments().size())
                        + " records (embedded)");
    }

    @Test
    void freshHomeAsJson() throws Exception {
        JsonNode status = new ObjectMapper().readTree(Cli.run(home, "status", "--format", "json").out());

        assertThat(status.get("source").asText()).isEqualTo("baseline");
        assertThat(status.get("description").asText()).isEqualTo(Baseline.load().info().describe());
        assertThat(status.get("records").intValue()).isEqualTo(Baseline.load().assignments().size());
        assertThat(status.get("file").isNull()).isTrue();
        assertThat(status.get("home").asText()).isEqualTo(home.toString());
        assertThat(status.get("problem").isNull()).isTrue();
    }

    @Test
    void importedReleaseAsJson() throws Exception {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        Cli.Run run = Cli.run(home, "status", "--format", "json");

        assertThat(run.code()).isZero();
        JsonNode status = new ObjectMapper().readTree(run.out());
        assertThat(status.get("source").asText()).isEqualTo("iana-xml");
        assertThat(status.get("updated").asText()).isEqualTo("2025-06-01");
        assertThat(status.get("label").asText()).isEqualTo(f.toString());
        assertThat(status.get("importedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(status.get("records").intValue()).isEqualTo(GeneratedRegistry.RECORDS);
        String stored = Files.readString(home.resolve("active")).strip();
        assertThat(status.get("file").asText()).isEqualTo(home.resolve("snapshots").resolve(stored).toString());
        assertThat(status.get("baseline").asText()).isEqualTo(Baseline.load().info().label());
    }

    @Test
    void statusDoesNotCreateTheHome() {
        Path absent = home.resolve("not-yet");

        assertThat(Cli.run(absent, "status").code()).isZero();
        assertThat(absent).doesNotExist();
    }

    @Test
    void csvIsRefused() {
        Cli.Run run = Cli.run(home, "status", "--format", "csv");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("portolan: ");
    }
}
