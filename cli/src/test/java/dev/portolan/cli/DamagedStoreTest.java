package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.core.testsupport.LoopbackHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged Portolan home: lookups warn and answer from the baseline, status reports the problem,
 * and a new import or update repairs it.
 */
class DamagedStoreTest {
    private static final String REPAIR =
            "; answering from the embedded baseline (repair with: portolan update, or portolan import FILE)";

    @TempDir
    Path home;

    @TempDir
    Path files;

    Path activeSnapshot;
    LoopbackHttpServer server;

    @BeforeEach
    void importARelease() throws IOException {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();
        activeSnapshot = home.resolve("snapshots").resolve(Files.readString(home.resolve("active")).strip());
        byte[] newer = GeneratedRegistry.xmlBytes(LocalDate.of(2025, 9, 1), GeneratedRegistry.RECORDS);
        server = LoopbackHttpServer.start().route("/registry.xml", LoopbackHttpServer.ok(newer));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String url() {
        return server.url("/registry.xml");
    }

    private void assertAnswersFromTheBaselineWithAWarning(String problemStart) {
        Cli.Run lookup = Cli.run(home, "22");
        assertThat(lookup.code()).isZero();
        assertThat(lookup.errLines()).singleElement().asString().startsWith("warning: " + problemStart).endsWith(REPAIR);
        assertThat(lookup.lastOutLine()).isEqualTo("source: " + Baseline.load().info().describe());

        Cli.Run status = Cli.run(home, "status");
        assertThat(status.code()).isEqualTo(ExitCode.FAILURE);
        assertThat(status.outLines().get(0)).isEqualTo("active:    embedded IANA registry of 2025-12-15");
        assertThat(status.outLines()).last().asString().startsWith("problem:   " + problemStart);
    }

    private void assertRepairedBy(String... args) {
        Cli.Run repair = Cli.run(home, args);
        assertThat(repair.code()).as(repair.err()).isZero();

        Cli.Run lookup = Cli.run(home, "22");
        assertThat(lookup.err()).isEmpty();
        assertThat(lookup.lastOutLine()).startsWith("source: IANA registry of ");
        assertThat(Cli.run(home, "status").code()).isZero();
    }

    private Path newerFile() {
        return GeneratedRegistry.writeXml(files, "newer.xml", LocalDate.of(2025, 9, 1), GeneratedRegistry.RECORDS);
    }

    // ---- damaged snapshot bytes ------------------------------------------------------------------

    @Test
    void damagedSnapshotIsReportedAndRepairedByImport() throws IOException {
        Files.write(activeSnapshot, "not a snapshot".getBytes(StandardCharsets.UTF_8));

        assertAnswersFromTheBaselineWithAWarning("the active snapshot " + activeSnapshot + " is damaged: ");
        assertRepairedBy("import", newerFile().toString());
    }

    @Test
    void damagedSnapshotIsRepairedByUpdate() throws IOException {
        Files.write(activeSnapshot, new byte[] {0, 1, 2, 3});

        assertRepairedBy("update", "--url", url(), "--timeout", "1");
    }

    @Test
    void missingSnapshotIsReportedAndRepairedByImport() throws IOException {
        Files.delete(activeSnapshot);

        assertAnswersFromTheBaselineWithAWarning("the active snapshot " + activeSnapshot + " is missing");
        assertRepairedBy("import", newerFile().toString());
    }

    @Test
    void reimportingTheSameReleaseRepairsAMissingSnapshot() throws IOException {
        Files.delete(activeSnapshot);

        assertRepairedBy("import", files.resolve("registry.xml").toString());
        assertThat(activeSnapshot).exists();
    }

    // ---- damaged pointer -------------------------------------------------------------------------

    @Test
    void damagedPointerIsReported() throws IOException {
        Files.writeString(home.resolve("active"), "../elsewhere.snapshot\n");

        assertAnswersFromTheBaselineWithAWarning(home.resolve("active") + " names \"../elsewhere.snapshot\", "
                + "not a snapshot file of " + home.resolve("snapshots"));
    }

    @Test
    void damagedPointerIsRepairedByImport() throws IOException {
        Files.writeString(home.resolve("active"), "\n");

        assertRepairedBy("import", newerFile().toString());
    }

    @Test
    void damagedPointerIsRepairedByUpdate() throws IOException {
        Files.writeString(home.resolve("active"), "../elsewhere.snapshot\n");

        assertRepairedBy("update", "--url", url(), "--timeout", "1");
    }
}
