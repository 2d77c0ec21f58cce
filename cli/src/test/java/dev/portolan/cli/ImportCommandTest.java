package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.core.testsupport.HostileFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portolan import}: a valid registry becomes active; any bad file is refused with one line
 * and exit code 2, and the stored data stays exactly as it was.
 */
class ImportCommandTest {
    static final LocalDate RELEASE = LocalDate.of(2025, 6, 1);
    static final String HTML_PAGE = "is an HTML page, not the IANA port registry; download "
            + "service-names-port-numbers.xml (or .csv) from https://www.iana.org/assignments/service-names-port-numbers/";

    @TempDir
    Path home;

    @TempDir
    Path files;

    /** Runs a bad import and checks that it changed nothing. */
    private void assertRefused(String expectedError, String... args) {
        HomeState before = HomeState.of(home);
        String statusBefore = Cli.run(home, "status").out();

        Cli.Run run = Cli.run(home, args);

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(expectedError);
        assertThat(run.out()).isEmpty();
        assertThat(HomeState.of(home)).isEqualTo(before);
        assertThat(Cli.run(home, "status").out()).isEqualTo(statusBefore);
    }

    private static String truncate(String text, int length) {
        return text.substring(0, length);
    }

    /** Bad files against every state of the home: nothing imported yet, or a release active. */
    abstract class BadFiles {
        @Test
        void missingFile() {
            Path missing = files.resolve("missing.xml");
            assertRefused("portolan: " + missing + ": no such file", "import", missing.toString());
        }

        @Test
        void directory() {
            assertRefused("portolan: " + files + ": is a directory, expected an IANA registry file (XML or CSV)",
                    "import", files.toString());
        }

        @Test
        void emptyFile() {
            Path f = GeneratedRegistry.write(files, "empty.xml", "");
            assertRefused("portolan: " + f + ": the file is empty, expected an IANA registry (XML or CSV)",
                    "import", f.toString());
        }

        @Test
        void truncatedXml() {
            String whole = GeneratedRegistry.xml(RELEASE, GeneratedRegistry.RECORDS);
            String cut = truncate(whole, whole.length() / 2);
            Path f = GeneratedRegistry.write(files, "truncated.xml", cut);
            long line = cut.chars().filter(c -> c == '\n').count() + 1;
            assertRefused("portolan: " + f + ": not well-formed XML at line " + line
                    + ": XML document structures must start and end within the same entity.",
                    "import", f.toString());
        }

        @Test
        void truncatedGzip() throws IOException {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(GeneratedRegistry.xmlBytes(RELEASE, GeneratedRegistry.RECORDS));
            }
            byte[] bytes = gz.toByteArray();
            Path f = Files.write(files.resolve("truncated.xml.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

            Cli.Run run = Cli.run(home, "import", f.toString());

            assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.errLines().get(0)).startsWith("portolan: " + f + ": ");
        }

        @Test
        void textFile() {
            Path f = GeneratedRegistry.write(files, "notes.txt", "hello world\nsecond line\n");
            assertRefused("portolan: " + f + ": not an IANA port registry (starts with \"hello world\"); expected the "
                    + "XML or CSV file of service-names-port-numbers", "import", f.toString());
        }

        @Test
        void otherXmlDocument() {
            Path f = GeneratedRegistry.write(files, "page.html", "<html><body>Service unavailable</body></html>\n");
            assertRefused("portolan: " + f + ": " + HTML_PAGE, "import", f.toString());
        }

        /** Regression: an HTML page was said to "declare a DTD" (its {@code <!DOCTYPE html>}). */
        @Test
        void htmlPageIsCalledAnHtmlPage() {
            Path f = GeneratedRegistry.write(files, "service-names-port-numbers.xhtml", "<!DOCTYPE html>\n<html "
                    + "lang=\"en\"><head><meta charset=\"utf-8\"><title>Port Numbers</title></head><body></body></html>\n");
            assertRefused("portolan: " + f + ": " + HTML_PAGE, "import", f.toString());
        }

        /**
         * Regression: a 10 MB gzip file expanding to 10 GiB ended the import in an OutOfMemoryError
         * with a stack trace; it is one line and exit code 2.
         */
        @Test
        void gzipBombIsRefusedInOneLine() throws IOException {
            Path f = HostileFiles.gzipBomb(files.resolve("bomb.xml.gz"),
                    GeneratedRegistry.xml(RELEASE, 10).getBytes(StandardCharsets.UTF_8), 10L << 30);
            assertRefused("portolan: " + f + ": expands to more than 64 MiB when decompressed, the limit for a registry "
                    + "file (IANA's is about 4 MB); it is not the registry, or it is damaged", "import", f.toString());
        }

        @Test
        void otherIanaRegistry() {
            Path f = GeneratedRegistry.write(files, "protocol-numbers.xml", "<?xml version='1.0'?>\n"
                    + "<registry xmlns=\"http://www.iana.org/assignments\" id=\"protocol-numbers\">\n</registry>\n");
            assertRefused("portolan: " + f + ": not the IANA port registry (root element <registry "
                    + "id=\"protocol-numbers\">, expected <registry id=\"service-names-port-numbers\">)",
                    "import", f.toString());
        }

        @Test
        void xmlWithDoctype() {
            String whole = GeneratedRegistry.xml(RELEASE, GeneratedRegistry.RECORDS);
            String withDoctype = whole.replaceFirst("\n", "\n<!DOCTYPE registry [ <!ENTITY x \"y\"> ]>\n");
            Path f = GeneratedRegistry.write(files, "doctype.xml", withDoctype);
            assertRefused("portolan: " + f + ": the document declares a DTD (line 2); IANA registry files have none, "
                    + "so it is refused", "import", f.toString());
        }

        @Test
        void xmlWithExternalDtd() {
            String whole = GeneratedRegistry.xml(RELEASE, GeneratedRegistry.RECORDS);
            String withDoctype = whole.replaceFirst("\n",
                    "\n<!DOCTYPE registry SYSTEM \"http://127.0.0.1:9/registry.dtd\">\n");
            Path f = GeneratedRegistry.write(files, "external.xml", withDoctype);
            assertRefused("portolan: " + f + ": the document declares a DTD (line 2); IANA registry files have none, "
                    + "so it is refused", "import", f.toString());
        }

        @Test
        void tooSmallRegistry() {
            Path f = GeneratedRegistry.writeXml(files, "small.xml", RELEASE, 100);
            assertRefused("portolan: " + f + " holds 100 records; a whole IANA port registry has at least 5000 "
                    + "(truncated or partial file?); nothing was changed", "import", f.toString());
        }

        @Test
        void justBelowTheMinimum() {
            Path f = GeneratedRegistry.writeXml(files, "almost.xml", RELEASE.plusYears(1), 4_999);
            assertRefused("portolan: " + f + " holds 4999 records; a whole IANA port registry has at least 5000 "
                    + "(truncated or partial file?); nothing was changed", "import", f.toString());
        }

        @Test
        void tooSmallEvenWithForce() {
            Path f = GeneratedRegistry.writeXml(files, "small.xml", RELEASE.plusYears(1), 100);
            assertRefused("portolan: " + f + " holds 100 records; a whole IANA port registry has at least 5000 "
                    + "(truncated or partial file?); nothing was changed", "import", f.toString(), "--force");
        }

        @Test
        void badRecordDate() {
            String whole = GeneratedRegistry.xml(RELEASE, GeneratedRegistry.RECORDS);
            Path f = GeneratedRegistry.write(files, "baddate.xml",
                    whole.replace("<record date=\"2001-02-03\">", "<record date=\"yesterday\">"));
            long line = whole.substring(0, whole.indexOf("<record date=")).chars().filter(c -> c == '\n').count() + 1;
            assertRefused("portolan: " + f + ": record at line " + line + " has date=\"yesterday\", expected YYYY, "
                    + "YYYY-MM or YYYY-MM-DD", "import", f.toString());
        }

        @Test
        void debugAddsAStackTraceAndChangesNothing() {
            HomeState before = HomeState.of(home);
            Path missing = files.resolve("missing.xml");

            Cli.Run run = Cli.run(home, "import", missing.toString(), "--debug");

            assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.errLines().get(0)).isEqualTo("portolan: " + missing + ": no such file");
            assertThat(run.errLines()).anyMatch(l -> l.startsWith("dev.portolan.core.RegistryFormatException: "));
            assertThat(run.errLines()).anyMatch(l -> l.startsWith("\tat "));
            assertThat(HomeState.of(home)).isEqualTo(before);
        }
    }

    @Nested
    class IntoAnEmptyHome extends BadFiles {
        @Test
        void aBadImportCreatesNothing() {
            Path f = GeneratedRegistry.writeXml(files, "small.xml", RELEASE, 10);

            Cli.run(home, "import", f.toString());

            assertThat(HomeState.of(home).files()).isEmpty();
            assertThat(Cli.run(home, "status").outLines().get(0)).isEqualTo("active:    embedded IANA registry of 2025-12-15");
        }
    }

    @Nested
    class OverAnActiveRelease extends BadFiles {
        Path active;

        @BeforeEach
        void importARelease() {
            active = GeneratedRegistry.writeXml(files, "registry.xml", RELEASE, GeneratedRegistry.RECORDS);
            Cli.Run run = Cli.run(home, "import", active.toString());
            assertThat(run.code()).as(run.err()).isZero();
        }

        @Test
        void olderReleaseGoesIntoTheHistoryWithoutBecomingActive() {
            Path older = GeneratedRegistry.writeXml(files, "older.xml", RELEASE.minusDays(1), GeneratedRegistry.RECORDS + 1);
            String statusBefore = Cli.run(home, "status").out();

            Cli.Run run = Cli.run(home, "import", older.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.outLines()).containsExactly("not made active: " + older + " is a release of 2025-05-31, older "
                    + "than the active release of 2025-06-01; use --force to make it active",
                    "added to the history: the release of 2025-05-31 (" + older + ")",
                    "history: 8 releases, 2017-03-10 to 2025-12-15; stored in " + home.resolve("history.changelog"));
            assertThat(Cli.run(home, "status").out()).isEqualTo(statusBefore);
            assertThat(Cli.run(home, "diff", "2025-05-31", "2025-06-01").outLines().get(0)).isEqualTo(
                    "from the release of 2025-05-31 to the release of 2025-06-01: 0 records added, 1 removed, 0 changed");
        }

        /** Its records are those of the active release: the history has them, and nothing changes. */
        @Test
        void olderReleaseWithTheActiveRecordsChangesNothing() {
            Path older = GeneratedRegistry.writeXml(files, "older.xml", RELEASE.minusDays(1), GeneratedRegistry.RECORDS);
            HomeState before = HomeState.of(home);

            Cli.Run run = Cli.run(home, "import", older.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.outLines()).containsExactly("not made active: " + older + " is a release of 2025-05-31, older "
                    + "than the active release of 2025-06-01; use --force to make it active",
                    "not added to the history: " + older + ", the release of 2025-05-31, holds the same records as the "
                    + "history's release of 2025-06-01", "nothing changed");
            assertThat(HomeState.of(home)).isEqualTo(before);
        }

        @Test
        void muchSmallerReleaseIsRefused() {
            Path big = GeneratedRegistry.writeXml(files, "big.xml", RELEASE.plusDays(1), 12_000);
            assertThat(Cli.run(home, "import", big.toString()).code()).isZero();
            Path smaller = GeneratedRegistry.writeXml(files, "smaller.xml", RELEASE.plusDays(2), 5_999);
            assertRefused("portolan: " + smaller + " holds 5999 records, less than half of the active release's 12000; "
                    + "use --force to import it anyway; nothing was changed", "import", smaller.toString());
        }

        /** Regression: a file of the active release's date with other data replaced it without --force. */
        @Test
        void otherDataOfTheActiveReleaseDateIsRefused() {
            Path edited = GeneratedRegistry.writeXml(files, "edited.xml", RELEASE, GeneratedRegistry.RECORDS + 1);
            assertRefused("portolan: " + edited + " is the release of 2025-06-01, the one already active (its data "
                    + "differs); use --force to replace it; nothing was changed", "import", edited.toString());

            Cli.Run forced = Cli.run(home, "import", edited.toString(), "--force");

            assertThat(forced.code()).as(forced.err()).isZero();
            assertThat(forced.outLines().get(0)).endsWith(", 6,001 records");
        }

        @Test
        void olderReleaseIsAcceptedWithForce() {
            Path older = GeneratedRegistry.writeXml(files, "older.xml", RELEASE.minusYears(1), GeneratedRegistry.RECORDS);

            Cli.Run run = Cli.run(home, "import", older.toString(), "--force");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.outLines()).hasSize(4);
            assertThat(run.outLines().get(0)).matches(
                    "imported IANA registry of 2024-06-01 \\(XML, imported \\d{4}-\\d{2}-\\d{2}\\), 6,000 records");
            assertThat(run.outLines().get(1)).startsWith("now active; stored as " + home.resolve("snapshots"));
            assertThat(run.outLines().get(2)).matches(
                    "previously: IANA registry of 2025-06-01 \\(XML, imported \\d{4}-\\d{2}-\\d{2}\\)");
            assertThat(run.outLines().get(3)).isEqualTo("not added to the history: " + older + ", the release of "
                    + "2024-06-01, holds the same records as the history's release of 2025-06-01");
            assertThat(Cli.run(home, "status").outLines().get(0)).startsWith("active:    IANA registry of 2024-06-01 ");
        }

        @Test
        void sameFileTwiceIsAlreadyActive() {
            HomeState before = HomeState.of(home);

            Cli.Run run = Cli.run(home, "import", active.toString());

            assertThat(run.code()).isZero();
            assertThat(run.outLines()).singleElement().asString().matches("already active: IANA registry of 2025-06-01 "
                    + "\\(XML, imported \\d{4}-\\d{2}-\\d{2}\\), 6,000 records; nothing changed");
            assertThat(HomeState.of(home)).isEqualTo(before);
        }

        @Test
        void aFailedImportKeepsTheImportedDataAnswering() {
            Path f = GeneratedRegistry.write(files, "notes.txt", "hello\n");
            Cli.run(home, "import", f.toString());

            Cli.Run run = Cli.run(home, "lookup", "fixture-ssh");

            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("fixture-ssh", "Fixture secure shell");
        }
    }

    @Test
    void importMakesTheFileActive() throws IOException {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", RELEASE, GeneratedRegistry.RECORDS);

        Cli.Run run = Cli.run(home, "import", f.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> out = run.outLines();
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).matches(
                "imported IANA registry of 2025-06-01 \\(XML, imported \\d{4}-\\d{2}-\\d{2}\\), 6,000 records");
        String stored = Files.readString(home.resolve("active"), StandardCharsets.UTF_8).strip();
        assertThat(stored).matches("iana-xml-2025-06-01-[0-9a-f]{12}\\.snapshot");
        assertThat(out.get(1)).isEqualTo("now active; stored as " + home.resolve("snapshots").resolve(stored));
        assertThat(out.get(2)).isEqualTo("added to the history: the release of 2025-06-01 (" + f + ")");
        assertThat(out.get(3)).isEqualTo("history: 7 releases, 2017-03-10 to 2025-12-15; stored in "
                + home.resolve("history.changelog"));

        List<String> status = Cli.run(home, "status").outLines();
        assertThat(status.get(0)).matches("active:    IANA registry of 2025-06-01 \\(XML, imported \\d{4}-\\d{2}-\\d{2}\\)");
        assertThat(status.get(1)).isEqualTo("records:   6,000, people 1");
        assertThat(status.get(2)).isEqualTo("stored as: " + home.resolve("snapshots").resolve(stored));
        assertThat(status.get(3)).isEqualTo("home:      " + home);
        assertThat(HomeState.tmpFiles(home)).isEmpty();
    }

    @Test
    void exactlyTheMinimumIsAccepted() {
        Path f = GeneratedRegistry.writeXml(files, "minimum.xml", RELEASE, 5_000);

        Cli.Run run = Cli.run(home, "import", f.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).endsWith(", 5,000 records");
    }

    @Test
    void gzipCompressedFileIsReadByContent() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(GeneratedRegistry.xmlBytes(RELEASE, GeneratedRegistry.RECORDS));
        }
        Path f = Files.write(files.resolve("registry.data"), gz.toByteArray());

        Cli.Run run = Cli.run(home, "import", f.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).startsWith("imported IANA registry of 2025-06-01 (XML");
    }

    /** A CSV file of the registry in IANA's columns, {@code records} rows: it states no release date. */
    static Path csv(Path dir, String name, int records) {
        StringBuilder s = new StringBuilder("Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"
                + "Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes\n");
        for (int i = 0; i < records; i++) {
            s.append("fixture").append(i / 2).append(',').append(1024 + i / 2).append(',').append(i % 2 == 0 ? "tcp" : "udp")
                    .append(",Fixture service ").append(i / 2).append(",,,,,,,,\n");
        }
        return GeneratedRegistry.write(dir, name, s.toString());
    }

    /**
     * {@code import FILE...}: every file is read first; the releases go into the history, the newest
     * becomes active; any bad file, given with good ones, changes nothing.
     */
    @Nested
    class SeveralFiles {
        Path january;
        Path february;
        Path march;
        Path ancient;

        @BeforeEach
        void writeReleases() {
            // each of other records, so that each is a release of its own
            january = GeneratedRegistry.writeXml(files, "january.xml", LocalDate.of(2026, 1, 1), GeneratedRegistry.RECORDS);
            february = GeneratedRegistry.writeXml(files, "february.xml", LocalDate.of(2026, 2, 1),
                    GeneratedRegistry.RECORDS + 1);
            march = GeneratedRegistry.writeXml(files, "march.xml", LocalDate.of(2026, 3, 1), GeneratedRegistry.RECORDS + 2);
            ancient = GeneratedRegistry.writeXml(files, "ancient.xml", LocalDate.of(2016, 5, 5), GeneratedRegistry.RECORDS + 3);
        }

        @Test
        void inAnyOrder_addsEveryReleaseAndMakesTheNewestActive() throws IOException {
            Cli.Run run = Cli.run(home, "import", february.toString(), march.toString(), ancient.toString(),
                    january.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            List<String> out = run.outLines();
            assertThat(out.get(0)).matches("imported IANA registry of 2026-03-01 \\(XML, imported \\d{4}-\\d{2}-\\d{2}\\), "
                    + "6,002 records");
            assertThat(out.get(1)).startsWith("now active; stored as " + home.resolve("snapshots"));
            assertThat(out.subList(2, out.size())).containsExactly(
                    "added to the history: the release of 2016-05-05 (" + ancient + ")",
                    "added to the history: the release of 2026-01-01 (" + january + ")",
                    "added to the history: the release of 2026-02-01 (" + february + ")",
                    "added to the history: the release of 2026-03-01 (" + march + ")",
                    "history: 10 releases, 2016-05-05 to 2026-03-01; stored in " + home.resolve("history.changelog"));
            assertThat(Cli.run(home, "status").outLines().get(0)).startsWith("active:    IANA registry of 2026-03-01 ");
            assertThat(Cli.run(home, "diff", "2026-01-01", "2026-02-01").outLines().get(0)).isEqualTo(
                    "from the release of 2026-01-01 to the release of 2026-02-01: 1 record added, 0 removed, 0 changed");

            // the history does not depend on the order the files were given in
            Path other = files.resolve("other-home");
            assertThat(Cli.run(other, "import", ancient.toString(), january.toString(), march.toString(),
                    february.toString()).code()).isZero();
            assertThat(Files.readAllBytes(other.resolve("history.changelog")))
                    .isEqualTo(Files.readAllBytes(home.resolve("history.changelog")));
        }

        @Test
        void releasesTheHistoryHolds_areKnown_andTheOthersAdded() {
            assertThat(Cli.run(home, "import", january.toString()).code()).isZero();

            Cli.Run run = Cli.run(home, "import", january.toString(), february.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.outLines().subList(3, run.outLines().size())).containsExactly(
                    "already in the history: the release of 2026-01-01 (" + january + ")",
                    "added to the history: the release of 2026-02-01 (" + february + ")",
                    "history: 8 releases, 2017-03-10 to 2026-02-01; stored in " + home.resolve("history.changelog"));
        }

        /** A release the home has imported before, and that is not active: nothing to do, and no error. */
        @Test
        void anOlderReleaseImportedAgain_changesNothing() {
            assertThat(Cli.run(home, "import", january.toString(), march.toString()).code()).isZero();
            HomeState before = HomeState.of(home);

            Cli.Run run = Cli.run(home, "import", january.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.outLines()).containsExactly("not made active: " + january + " is a release of 2026-01-01, "
                    + "older than the active release of 2026-03-01; use --force to make it active",
                    "already in the history: the release of 2026-01-01 (" + january + ")", "nothing changed");
            assertThat(HomeState.of(home)).isEqualTo(before);
        }

        @Test
        void theActiveReleaseImportedAgain_isAlreadyActive() {
            assertThat(Cli.run(home, "import", january.toString(), march.toString()).code()).isZero();
            HomeState before = HomeState.of(home);

            Cli.Run run = Cli.run(home, "import", march.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.outLines()).singleElement().asString().matches("already active: IANA registry of 2026-03-01 "
                    + "\\(XML, imported \\d{4}-\\d{2}-\\d{2}\\), 6,002 records; nothing changed");
            assertThat(HomeState.of(home)).isEqualTo(before);
        }

        @Test
        void aCsvFileAlone_isImportedButNotAddedToTheHistory() {
            Path f = csv(files, "registry.csv", GeneratedRegistry.RECORDS);

            Cli.Run run = Cli.run(home, "import", f.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.outLines().get(0)).matches("imported IANA registry \\(CSV, imported \\d{4}-\\d{2}-\\d{2}\\), "
                    + "6,000 records");
            assertThat(run.outLines()).last().isEqualTo("not added to the history: " + f + " states no release date "
                    + "(IANA's CSV file has none)");
            assertThat(home.resolve("history.changelog")).doesNotExist();
        }

        /** Bad sets of files against every state of the home: nothing imported yet, or a release active. */
        abstract class BadSets {
            @Test
            void sameFileTwice_isRefused() {
                assertRefused("portolan: " + january + " is given twice; give each file once; nothing was changed",
                        "import", january.toString(), february.toString(), january.toString());
            }

            @Test
            void sameFileUnderTwoNames_isRefused() {
                Path again = files.resolve(".").resolve("january.xml");
                assertRefused("portolan: " + again + " is given twice (as " + january + "); give each file once; nothing "
                        + "was changed", "import", january.toString(), again.toString());
            }

            @Test
            void twoFilesOfOneRelease_areRefused() {
                Path copy = GeneratedRegistry.writeXml(files, "january-copy.xml", LocalDate.of(2026, 1, 1),
                        GeneratedRegistry.RECORDS + 5);
                assertRefused("portolan: " + copy + " is the release of 2026-01-01, as is " + january + "; give each release "
                        + "once; nothing was changed", "import", march.toString(), january.toString(), copy.toString());
            }

            /** The embedded history holds the release of 2024-08-01 with IANA's records, not these. */
            @Test
            void aReleaseTheHistoryHoldsWithOtherRecords_isRefused() {
                Path other = GeneratedRegistry.writeXml(files, "other-2024.xml", LocalDate.of(2024, 8, 1),
                        GeneratedRegistry.RECORDS);
                assertRefused("portolan: " + other + " is the release of 2024-08-01, which the history already holds with "
                        + "other records; check the file, or use --force to import it anyway (the history keeps its own); "
                        + "nothing was changed", "import", march.toString(), other.toString());
            }

            @Test
            void aTruncatedFileAmongSeveral_isRefused() {
                String whole = GeneratedRegistry.xml(LocalDate.of(2026, 4, 1), GeneratedRegistry.RECORDS);
                String cut = truncate(whole, whole.length() / 2);
                Path f = GeneratedRegistry.write(files, "truncated.xml", cut);
                long line = cut.chars().filter(c -> c == '\n').count() + 1;
                assertRefused("portolan: " + f + ": not well-formed XML at line " + line
                        + ": XML document structures must start and end within the same entity.",
                        "import", january.toString(), f.toString(), march.toString());
            }

            @Test
            void aFileThatIsNotTheRegistryAmongSeveral_isRefused() {
                Path f = GeneratedRegistry.write(files, "notes.txt", "hello world\nsecond line\n");
                assertRefused("portolan: " + f + ": not an IANA port registry (starts with \"hello world\"); expected the "
                        + "XML or CSV file of service-names-port-numbers", "import", january.toString(), f.toString());
            }

            @Test
            void aPartialFileAmongSeveral_isRefused() {
                Path f = GeneratedRegistry.writeXml(files, "small.xml", LocalDate.of(2026, 4, 1), 100);
                assertRefused("portolan: " + f + " holds 100 records; a whole IANA port registry has at least 5000 "
                        + "(truncated or partial file?); nothing was changed", "import", january.toString(), f.toString());
            }

            @Test
            void aCsvFileAmongSeveral_isRefused() {
                Path f = csv(files, "registry.csv", GeneratedRegistry.RECORDS);
                assertRefused("portolan: " + f + " states no release date (IANA's CSV file has none), by which the history "
                        + "orders releases; import it alone, or the XML files of the registry; nothing was changed",
                        "import", january.toString(), f.toString());
            }

        }

        @Nested
        class IntoAnEmptyHome extends BadSets {
        }

        @Nested
        class OverAnActiveRelease extends BadSets {
            @BeforeEach
            void importARelease() {
                assertThat(Cli.run(home, "import", january.toString()).code()).isZero();
            }

            @Test
            void aDamagedHistory_stopsTheImport() throws IOException {
                Files.writeString(home.resolve("history.changelog"), "damaged");
                HomeState before = HomeState.of(home);

                Cli.Run run = Cli.run(home, "import", february.toString());

                assertThat(run.code()).isEqualTo(ExitCode.FAILURE);
                assertThat(run.errLines()).containsExactly("portolan: the history " + home.resolve("history.changelog")
                        + " is damaged: not a Portolan change log (bad magic); move it away and import the releases "
                        + "again to rebuild it");
                assertThat(HomeState.of(home)).isEqualTo(before);
            }
        }
    }
}
