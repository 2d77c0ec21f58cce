package dev.portolan.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.testsupport.Fixtures;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportReleasesTest {
    @TempDir
    Path dir;

    /** The fixture registry as the release of {@code date}, with its first description changed to make it differ. */
    private Path release(String name, LocalDate date, String firstDescription) throws IOException {
        String xml = Fixtures.text(Fixtures.XML).replace("<updated>" + Fixtures.XML_UPDATED + "</updated>",
                "<updated>" + date + "</updated>").replaceFirst("<description>Reserved</description>",
                "<description>" + firstDescription + "</description>");
        return Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
    }

    private Path gzip(Path file) throws IOException {
        return Files.write(dir.resolve(file.getFileName() + ".gz"), Fixtures.gzip(Files.readAllBytes(file)));
    }

    @Test
    void importReleases_ordersFilesOfAnyOrderAndFormatByTheirRegistryDate() throws Exception {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path b = gzip(release("b.xml", LocalDate.of(2019, 1, 1), "Reserved for now"));
        Path c = release("c.xml", LocalDate.of(2021, 1, 1), "Reserved again");
        ChangeLog log = RegistryHistory.importReleases(List.of(a, b, c));
        assertThat(log.releases()).containsExactly(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 1, 1),
                LocalDate.of(2021, 1, 1));
        assertThat(log.diffs()).allSatisfy(d -> assertThat(d.counts()).isEqualTo(new RegistryDiff.Counts(0, 0, 1)));
        assertThat(log.records(LocalDate.of(2020, 1, 1))).hasSize(Fixtures.RECORDS);
    }

    @Test
    void importReleases_ofNoFile_isRefused() {
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of())).isInstanceOf(HistoryException.class)
                .hasMessage("no registry file given; a change log needs at least one release");
    }

    @Test
    void importReleases_ofAFileGivenTwice_isRefused() throws IOException {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path sameFile = dir.resolve("x").resolve("..").resolve("a.xml");
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(a, sameFile)))
                .isInstanceOf(HistoryException.class)
                .hasMessage(sameFile + ": is given twice (as " + a + "); give each release once");
    }

    @Test
    void importReleases_twoFilesOfOneDate_isRefusedNamingBoth() throws IOException {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path b = release("b.xml", LocalDate.of(2020, 1, 1), "Reserved, differently");
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(a, b))).isInstanceOf(HistoryException.class)
                .hasMessage(b + ": is the release of 2020-01-01, as is " + a + "; give each release once");
    }

    @Test
    void importReleases_twoFilesOfTheSameContentUnderTwoDates_isRefusedNamingBoth() throws IOException {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path b = release("b.xml", LocalDate.of(2021, 1, 1), "Reserved");
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(b, a))).isInstanceOf(HistoryException.class)
                .hasMessage(b + ": holds the same records as " + a + " (release of 2020-01-01) under the date "
                        + "2021-01-01; give each release once");
    }

    @Test
    void importReleases_aFileThatIsNoRegistry_isRefusedNamingIt() throws IOException {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "port 80 is http\n");
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(a, notes))).isInstanceOf(HistoryException.class)
                .hasMessage(notes + ": not an IANA port registry (starts with \"port 80 is http\"); expected the "
                        + "XML or CSV file of service-names-port-numbers");
    }

    @Test
    void importReleases_aTruncatedFileAmongSeveral_isRefusedNamingIt() throws IOException {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path b = gzip(release("b.xml", LocalDate.of(2021, 1, 1), "Reserved again"));
        byte[] whole = Files.readAllBytes(b);
        Path cut = Files.write(dir.resolve("cut.xml.gz"), Arrays.copyOf(whole, whole.length / 2));
        Path c = release("c.xml", LocalDate.of(2022, 1, 1), "Reserved at last");
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(a, cut, c)))
                .isInstanceOf(HistoryException.class).hasMessageStartingWith(cut + ": ")
                .hasMessageContaining("truncated");
        Path cutXml = Files.writeString(dir.resolve("cut.xml"), Files.readString(a).substring(0, 3000));
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(c, cutXml)))
                .isInstanceOf(HistoryException.class).hasMessageStartingWith(cutXml + ": not well-formed XML");
    }

    @Test
    void importReleases_aMissingFile_isRefusedNamingIt() throws IOException {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path missing = dir.resolve("missing.xml");
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(missing, a)))
                .isInstanceOf(HistoryException.class).hasMessage(missing + ": no such file");
    }

    @Test
    void importReleases_aCsvFile_isRefusedForItHasNoDate() throws IOException {
        Path csv = Files.write(dir.resolve("registry.csv"), Fixtures.bytes(Fixtures.CSV));
        assertThatThrownBy(() -> RegistryHistory.importReleases(List.of(csv))).isInstanceOf(HistoryException.class)
                .hasMessage(csv + ": states no release date (the registry's <updated>), by which a change log orders "
                        + "its releases; use IANA's XML file of the registry (its CSV file has no date)");
    }

    @Test
    void importReleases_intoALog_insertsAnOlderReleaseAndRefusesOneItHolds() throws Exception {
        Path a = release("a.xml", LocalDate.of(2020, 1, 1), "Reserved");
        Path b = release("b.xml", LocalDate.of(2021, 1, 1), "Reserved again");
        Path older = release("older.xml", LocalDate.of(2019, 1, 1), "Reserved first");
        ChangeLog log = RegistryHistory.importReleases(List.of(a, b));
        ChangeLog more = RegistryHistory.importReleases(log, List.of(older));
        assertThat(more).isEqualTo(RegistryHistory.importReleases(List.of(older, a, b)));
        assertThat(RegistryHistory.importReleases(log, List.of())).isSameAs(log);
        Path copy = Files.copy(b, dir.resolve("copy-of-b.xml"));
        assertThatThrownBy(() -> RegistryHistory.importReleases(log, List.of(copy)))
                .isInstanceOf(HistoryException.class).hasMessage(copy + ": is the release of 2021-01-01, as is the "
                        + "change log's release of 2021-01-01; give each release once");
    }

    @Test
    void importReleases_theSixRealReleasesInAnyOrder_giveEachReleasesContent() throws Exception {
        List<Path> files = new ArrayList<>(RealReleases.files());
        Collections.shuffle(files, new Random(6));
        ChangeLog log = RegistryHistory.importReleases(files);
        assertThat(log.releases()).isEqualTo(RealReleases.DATES);
        for (LocalDate release : RealReleases.DATES) {
            RegistrySnapshot s = RealReleases.snapshot(release);
            assertThat(log.records(release)).as("%s", release).isEqualTo(RegistryHistory.canonical(s));
        }
        assertThat(log.diffs()).extracting(d -> d.counts().total()).containsExactly(329, 331, 293, 121, 140);
        assertThat(SharedRegistryData.directory()).isPresent();
    }
}
