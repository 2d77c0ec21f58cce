package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.testsupport.GeneratedRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portolan search} over an imported registry keeps its index in the home's {@code cache}:
 * an import makes it, a search reads it, and a missing, stale or damaged index is made again;
 * the answers never depend on it.
 */
class ImportedSearchTest {
    private static final List<String[]> QUERIES = List.of(new String[] {"search", "fixture-ssh"},
            new String[] {"search", "fixture7"}, new String[] {"search", "fixture", "service", "-n", "5"},
            new String[] {"search", "ssh", "--format", "json"}, new String[] {"search", "fixtrue12"},
            new String[] {"search", "1030-1032"});

    @TempDir
    Path home;

    @TempDir
    Path files;

    private Path index() {
        return home.resolve("cache").resolve("search.index");
    }

    private List<String> answers() {
        List<String> out = new ArrayList<>();
        for (String[] q : QUERIES) {
            Cli.Run run = Cli.run(home, q);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            out.add(run.out());
        }
        return out;
    }

    private void importRelease(LocalDate date, int records) {
        Path xml = GeneratedRegistry.writeXml(files, date + ".xml", date, records);
        Cli.Run run = Cli.run(home, "import", xml.toString());
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void anImportMakesTheIndex_andTheSearchesAnswerTheSameWithOrWithoutIt() throws IOException {
        importRelease(LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(index()).isRegularFile();
        byte[] made = Files.readAllBytes(index());

        List<String> withIndex = answers();
        assertThat(Files.readAllBytes(index())).as("read, not written again").isEqualTo(made);
        assertThat(withIndex.get(0)).contains("fixture-ssh");
        assertThat(withIndex.get(1)).contains("1031");

        Files.delete(index());
        assertThat(answers()).isEqualTo(withIndex);
        assertThat(Files.readAllBytes(index())).as("made again by the first search").isEqualTo(made);

        Files.write(index(), new byte[] {'P', 'R', 'T', 'L', 0, 1, 2});
        assertThat(answers()).isEqualTo(withIndex);
        assertThat(Files.readAllBytes(index())).as("a damaged index replaced").isEqualTo(made);
    }

    @Test
    void aNewerImport_replacesTheIndex_andTheSearchFindsItsRecords() {
        importRelease(LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "search", "fixture3400").out()).doesNotContain("4424");
        importRelease(LocalDate.of(2025, 7, 1), GeneratedRegistry.RECORDS + 1_000);

        Cli.Run run = Cli.run(home, "search", "fixture3400");
        assertThat(run.out()).contains("4424");
        assertThat(index()).isRegularFile();
    }

    @Test
    void theEmbeddedBaseline_needsNoIndex() {
        Cli.Run run = Cli.run(home, "search", "ssh");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(home.resolve("cache")).doesNotExist();
    }
}
