package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Assignment;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.baseline.Baseline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search's index of an imported registry kept in a file: made and written by the first search,
 * read by the next, and made again whenever the file does not belong to the registry and the
 * program asking, or is damaged; the answers are always those of an index made in memory.
 */
class SearchIndexFileTest {
    /** Queries of every kind: service names, the names people use, words, a typo, other languages, numbers. */
    private static final List<String[]> QUERIES = List.of(new String[] {"postgres", "en"},
            new String[] {"remote desktop", "en"}, new String[] {"dns", "en"}, new String[] {"kafka", "en"},
            new String[] {"postgers", "en"}, new String[] {"escritorio remoto", "es"}, new String[] {"ssh", "ja"},
            new String[] {"8000-8010", "en"}, new String[] {"http/udp", "en"}, new String[] {"zzqqxx", "en"});

    @TempDir
    Path dir;

    Path snapshotFile;
    Registry imported;

    /** The baseline without every fifth record, as if imported: not the registry the program's index was made from. */
    @BeforeEach
    void importSomething() throws IOException {
        RegistrySnapshot baseline = Baseline.load();
        List<Assignment> records = new ArrayList<>();
        for (int i = 0; i < baseline.assignments().size(); i++) {
            if (i % 5 != 0) {
                records.add(baseline.assignments().get(i));
            }
        }
        imported = Registry.of(new RegistrySnapshot(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, "test", null, null),
                records, baseline.people(), baseline.footnotes()));
        snapshotFile = Files.writeString(dir.resolve("iana-xml-undated-0123456789ab.snapshot"), "stands for the snapshot");
    }

    private SearchIndexFile index() throws IOException {
        return SearchIndexFile.of(dir.resolve("cache"), snapshotFile);
    }

    private static List<String> answers(PortSearch search) throws SearchQueryException {
        List<String> out = new ArrayList<>();
        for (String[] q : QUERIES) {
            out.add(q[0] + " (" + q[1] + "): " + search.search(SearchQuery.parse(q[0]), q[1], 50));
        }
        return out;
    }

    @Test
    void theFirstSearchWritesTheIndex_theNextReadsIt_andBothAnswerAsAnIndexMadeInMemory() throws IOException, SearchQueryException {
        List<String> inMemory = answers(PortSearch.over(imported));
        SearchIndexFile index = index();
        assertThat(index.file()).doesNotExist();

        assertThat(answers(PortSearch.over(imported, index))).isEqualTo(inMemory);
        assertThat(index.file()).isRegularFile();
        assertThat(index.read(CompiledSearch.load().stamp())).isNotNull();
        byte[] written = Files.readAllBytes(index.file());

        assertThat(answers(PortSearch.over(imported, index()))).isEqualTo(inMemory);
        assertThat(Files.readAllBytes(index.file())).isEqualTo(written);
        assertThat(inMemory).isNotEqualTo(answers(PortSearch.over(Registry.of(Baseline.load()))));
    }

    @Test
    void anIndexIsNotReadForAnotherSnapshotFile_norAfterItsFileChanged_norForAnotherProgram() throws IOException, SearchQueryException {
        SearchIndexFile index = index();
        PortSearch.over(imported, index);
        int program = CompiledSearch.load().stamp();
        assertThat(index.read(program)).isNotNull();

        assertThat(index.read(program + 1)).as("another program's knowledge").isNull();
        Path other = Files.writeString(dir.resolve("iana-xml-undated-ba9876543210.snapshot"), "stands for the snapshot");
        assertThat(SearchIndexFile.of(index.file().getParent(), other).read(program)).as("another snapshot").isNull();
        Files.setLastModifiedTime(snapshotFile, FileTime.fromMillis(Files.getLastModifiedTime(snapshotFile).toMillis() - 60_000));
        assertThat(index().read(program)).as("the snapshot file replaced").isNull();
        Files.writeString(snapshotFile, "stands for the snapshot, longer");
        assertThat(index().read(program)).as("the snapshot file rewritten").isNull();
    }

    @Test
    void aStaleIndex_isMadeAgainFromTheRegistryAsked() throws IOException, SearchQueryException {
        RegistrySnapshot baseline = Baseline.load();
        Registry other = Registry.of(baseline.withInfo(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, "other", null, null)));
        Path otherFile = Files.writeString(dir.resolve("iana-xml-undated-ba9876543210.snapshot"), "another snapshot");
        PortSearch.over(other, SearchIndexFile.of(dir.resolve("cache"), otherFile));

        assertThat(answers(PortSearch.over(imported, index()))).isEqualTo(answers(PortSearch.over(imported)));
        assertThat(index().read(CompiledSearch.load().stamp())).as("replaced by the imported registry's").isNotNull();
    }

    @Test
    void aDamagedOrForeignFile_isNeverRead_andTheSearchAnswersAllTheSame() throws IOException, SearchQueryException {
        List<String> inMemory = answers(PortSearch.over(imported));
        SearchIndexFile index = index();
        PortSearch.over(imported, index);
        byte[] whole = Files.readAllBytes(index.file());
        int program = CompiledSearch.load().stamp();

        List<byte[]> damaged = new ArrayList<>();
        damaged.add(new byte[0]);
        damaged.add(java.util.Arrays.copyOf(whole, whole.length / 2));
        damaged.add(java.util.Arrays.copyOf(whole, whole.length - 1));
        byte[] flipped = whole.clone();
        flipped[whole.length / 3] ^= 0x10;
        damaged.add(flipped);
        damaged.add("PRTLSIDX and then something else altogether".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (byte[] d : damaged) {
            Files.write(index.file(), d);
            assertThat(index.read(program)).isNull();
            assertThat(answers(PortSearch.over(imported, index))).isEqualTo(inMemory);
            assertThat(Files.readAllBytes(index.file())).as("written again whole").isEqualTo(whole);
        }
    }

    @Test
    void aDirectoryThatCannotBeWritten_changesNothingButSpeed() throws IOException, SearchQueryException {
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where the directory would be");
        SearchIndexFile index = SearchIndexFile.of(blocked.resolve("cache"), snapshotFile);

        assertThat(answers(PortSearch.over(imported, index))).isEqualTo(answers(PortSearch.over(imported)));
        assertThat(blocked).hasContent("a file where the directory would be");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactlyInAnyOrder("blocked", snapshotFile.getFileName().toString());
        }
    }

    @Test
    void theEmbeddedBaseline_usesTheProgramsIndex_andWritesNothing() throws IOException, SearchQueryException {
        Registry baseline = Registry.of(Baseline.load());
        SearchIndexFile index = index();

        assertThat(answers(PortSearch.over(baseline, index))).isEqualTo(answers(PortSearch.over(baseline)));
        assertThat(index.file()).doesNotExist();
    }
}
