package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.RegistryDiff;
import dev.portolan.core.history.RegistryHistory;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portolan diff OLD NEW}: releases of the history by date, or registry files; counts checked
 * against {@link RegistryHistory#diff}, exact lines, the JSON and CSV contracts, and every refusal.
 */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AUG_2024 = LocalDate.of(2024, 8, 1);
    private static final LocalDate DEC_2025 = LocalDate.of(2025, 12, 15);
    private static final String DATES = "2017-03-10, 2018-12-18, 2020-12-29, 2023-01-04, 2024-08-01, 2025-12-15";

    @TempDir
    Path home;

    @TempDir
    Path files;

    private Cli.Run diff(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "diff";
        System.arraycopy(args, 0, line, 1, args.length);
        Cli.Run run = Cli.run(home, line);
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    private static RegistryDiff expected(LocalDate older, LocalDate newer) {
        ChangeLog log = EmbeddedHistory.load();
        return RegistryHistory.diff(log.snapshot(older), log.snapshot(newer));
    }

    /** The heading's counts, as the table writes them. */
    private static String counts(RegistryDiff d) {
        RegistryDiff.Counts c = d.counts();
        return Reports.count(c.added()) + " records added, " + Reports.count(c.removed()) + " removed, "
                + Reports.count(c.changed()) + " changed";
    }

    private static String fields(RegistryDiff d) {
        StringBuilder s = new StringBuilder("fields changed: ");
        d.fieldCounts().forEach((f, n) -> s.append(s.length() > 16 ? ", " : "").append(f.id()).append(' ').append(n));
        return s.toString();
    }

    @Test
    void byDates_countsAsTheHistorySays() {
        RegistryDiff d = expected(AUG_2024, DEC_2025);
        assertThat(d.counts()).isEqualTo(new RegistryDiff.Counts(70, 23, 47));

        List<String> lines = diff("2024-08-01", "2025-12-15").outLines();

        assertThat(lines.get(0)).isEqualTo("from the release of 2024-08-01 to the release of 2025-12-15: " + counts(d));
        assertThat(lines.get(1)).isEqualTo(fields(d)).isEqualTo("fields changed: service 12, description 13, status 1, "
                + "assignees 28, contacts 20, modified 39, references 18");
        assertThat(lines.get(2)).isEmpty();
        assertThat(lines).containsSubsequence(
                "added 2/tcp (reserved): Reserved",
                "removed 2/tcp compressnet: Management Utility",
                "added 2/udp (reserved): Reserved",
                "removed 2/udp compressnet: Management Utility");
        assertThat(lines).containsSubsequence(
                "changed 4319/tcp fox-skytale: Fox SkyTale encrypted communication",
                "    service: fox-skytale → skytale",
                "    description: Fox SkyTale encrypted communication → Sentyron SkyTale encrypted communication",
                "    assignees: Fox Crypto B.V. → Sentyron B.V.",
                "    modified: 2024-04-29 → 2025-10-30");
        long changeLines = lines.stream().filter(l -> l.startsWith("added ") || l.startsWith("removed ")
                || l.startsWith("changed ")).count();
        assertThat(changeLines).isEqualTo(d.changes().size());
    }

    /** Releases that are not next to each other: the diff is made from their records, not summed. */
    @Test
    void byDatesFarApart_countsAsTheHistorySays() {
        RegistryDiff d = expected(LocalDate.of(2017, 3, 10), DEC_2025);

        List<String> lines = diff("2017-03-10", "2025-12-15").outLines();

        assertThat(lines.get(0)).isEqualTo("from the release of 2017-03-10 to the release of 2025-12-15: " + counts(d));
        assertThat(lines.get(1)).isEqualTo(fields(d));
    }

    @Test
    void backwards_isAllowed_andSaysWhichIsNewer() throws IOException {
        RegistryDiff d = expected(DEC_2025, AUG_2024);
        assertThat(d.counts()).isEqualTo(new RegistryDiff.Counts(23, 70, 47));

        Cli.Run table = diff("2025-12-15", "2024-08-01");
        assertThat(table.outLines().subList(0, 3)).containsExactly(
                "from the release of 2025-12-15 to the release of 2024-08-01: 23 records added, 70 removed, 47 changed",
                fields(d),
                "note: the release of 2025-12-15 is newer than the release of 2024-08-01: this lists the changes back "
                        + "in time");
        assertThat(table.outLines()).contains("removed 2/tcp (reserved): Reserved", "added 2/tcp compressnet: Management Utility");

        Cli.Run json = diff("2025-12-15", "2024-08-01", "-f", "json");
        assertThat(JSON.readTree(json.out()).get("backwards").booleanValue()).isTrue();
        assertThat(json.errLines()).containsExactly("note: the release of 2025-12-15 is newer than the release of "
                + "2024-08-01: this lists the changes back in time");
    }

    @Test
    void json_contract() throws IOException {
        RegistryDiff d = expected(AUG_2024, DEC_2025);

        Cli.Run run = diff("2024-08-01", "2025-12-15", "--format", "json");

        assertThat(run.err()).isEmpty();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("from").toString()).isEqualTo("{\"release\":\"2024-08-01\",\"file\":null}");
        assertThat(root.get("to").toString()).isEqualTo("{\"release\":\"2025-12-15\",\"file\":null}");
        assertThat(root.get("backwards").booleanValue()).isFalse();
        assertThat(root.get("counts").toString()).isEqualTo("{\"added\":70,\"removed\":23,\"changed\":47}");
        Map<String, Integer> fields = new LinkedHashMap<>();
        root.get("fields").properties().forEach(e -> fields.put(e.getKey(), e.getValue().intValue()));
        Map<String, Integer> wanted = new LinkedHashMap<>();
        d.fieldCounts().forEach((f, n) -> wanted.put(f.id(), n));
        assertThat(fields).containsExactlyEntriesOf(wanted);
        JsonNode changes = root.get("changes");
        assertThat(changes).hasSize(d.changes().size());
        assertThat(changes).filteredOn(c -> c.get("kind").asText().equals("added")).hasSize(70)
                .allSatisfy(c -> assertThat(c.get("before").isNull()).isTrue());
        assertThat(changes).filteredOn(c -> c.get("kind").asText().equals("removed")).hasSize(23)
                .allSatisfy(c -> assertThat(c.get("after").isNull()).isTrue());
        JsonNode skytale = null;
        for (JsonNode c : changes) {
            if (c.get("kind").asText().equals("changed") && c.get("before").get("service").asText().equals("fox-skytale")
                    && c.get("before").get("transport").asText().equals("tcp")) {
                skytale = c;
            }
        }
        assertThat(skytale).isNotNull();
        assertThat(skytale.get("fields").toString()).isEqualTo("[{\"field\":\"service\",\"before\":\"fox-skytale\","
                + "\"after\":\"skytale\"},{\"field\":\"description\",\"before\":\"Fox SkyTale encrypted communication\","
                + "\"after\":\"Sentyron SkyTale encrypted communication\"},{\"field\":\"assignees\",\"before\":"
                + "[\"Fox Crypto B.V.\"],\"after\":[\"Sentyron B.V.\"]},{\"field\":\"modified\",\"before\":\"2024-04-29\","
                + "\"after\":\"2025-10-30\"}]");
        assertThat(skytale.get("after").get("ports").asText()).isEqualTo("4319");
    }

    @Test
    void csv_oneRowPerChangedField() {
        RegistryDiff d = expected(AUG_2024, DEC_2025);
        int fieldChanges = d.fieldCounts().values().stream().mapToInt(Integer::intValue).sum();

        List<String> lines = diff("2024-08-01", "2025-12-15", "-f", "csv").outLines();

        assertThat(lines.get(0)).isEqualTo("kind,ports,transport,service,field,before,after");
        assertThat(lines).hasSize(1 + d.counts().added() + d.counts().removed() + fieldChanges);
        assertThat(lines).containsSubsequence(
                "changed,0,tcp,,assignees,Jon Postel,",
                "changed,0,tcp,,contacts,Jon Postel,",
                "changed,0,tcp,,modified,,2024-12-20",
                "changed,0,tcp,,references,,RFC6335");
        assertThat(lines).contains("added,2,tcp,,,,Reserved", "removed,2,tcp,compressnet,,Management Utility,",
                "changed,4319,udp,fox-skytale,service,fox-skytale,skytale");
    }

    @Test
    void byFiles_countsAsRegistryHistoryDiff() throws Exception {
        Path older = SharedRegistryData.require(SharedRegistryData.historyRelease(AUG_2024));
        Path newer = SharedRegistryData.require(SharedRegistryData.XML);
        RegistryDiff d = RegistryHistory.diff(RegistryFileReader.read(older), RegistryFileReader.read(newer));

        List<String> lines = diff(older.toString(), newer.toString()).outLines();

        assertThat(lines.get(0)).isEqualTo("from " + older + " (release of 2024-08-01) to " + newer
                + " (release of 2025-12-15): " + counts(d));
        assertThat(d.counts()).isEqualTo(expected(AUG_2024, DEC_2025).counts());
        assertThat(lines.get(1)).isEqualTo(fields(d));

        // a file and a release of the history mix
        assertThat(diff("2023-01-04", newer.toString()).outLines().get(0)).isEqualTo("from the release of 2023-01-04 to "
                + newer + " (release of 2025-12-15): " + counts(expected(LocalDate.of(2023, 1, 4), DEC_2025)));
    }

    @Test
    void aCsvFile_hasNoReleaseDate_butCanBeCompared() throws Exception {
        Path csv = SharedRegistryData.require(SharedRegistryData.CSV_GZ);
        RegistrySnapshot read = RegistryFileReader.read(csv);
        RegistryDiff d = RegistryHistory.diff(read, EmbeddedHistory.load().snapshot(DEC_2025));

        List<String> lines = diff(csv.toString(), "2025-12-15").outLines();

        assertThat(lines.get(0)).isEqualTo("from " + csv + " (no release date) to the release of 2025-12-15: " + counts(d));
    }

    @Test
    void inGerman() {
        List<String> lines = diff("2024-08-01", "2025-12-15", "--lang", "de").outLines();

        assertThat(lines.subList(0, 2)).containsExactly(
                "von Ausgabe 2024-08-01 zu Ausgabe 2025-12-15: 70 Einträge hinzugefügt, 23 entfernt, 47 geändert",
                "geänderte Felder: service 12, description 13, status 1, assignees 28, contacts 20, modified 39, "
                        + "references 18");
        assertThat(lines).contains("hinzugefügt 2/tcp (reserved): Reserved", "entfernt 2/tcp compressnet: Management Utility",
                "    modified: (leer) → 2024-12-20");
    }

    @Test
    void inFrench_twoReleasesWithTheSameRecords() {
        Path a = GeneratedRegistry.writeXml(files, "a.xml", LocalDate.of(2026, 1, 1), GeneratedRegistry.RECORDS);
        Path b = GeneratedRegistry.writeXml(files, "b.xml", LocalDate.of(2026, 2, 1), GeneratedRegistry.RECORDS);

        assertThat(diff(a.toString(), b.toString(), "-l", "fr").outLines()).containsExactly(
                "de " + a + " (version du 2026-01-01) à " + b + " (version du 2026-02-01) : les deux contiennent les "
                        + "mêmes entrées");
    }

    // ---- refusals --------------------------------------------------------------------------------

    private void assertRefused(String error, String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "diff";
        System.arraycopy(args, 0, line, 1, args.length);
        HomeState before = HomeState.of(home);

        Cli.Run run = Cli.run(home, line);

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(error);
        assertThat(run.out()).isEmpty();
        assertThat(HomeState.of(home)).isEqualTo(before);
    }

    @Test
    void anUnknownRelease_isRefusedWithTheKnownOnes() {
        assertRefused("portolan: the history holds no release of 2024-08-02; it holds " + DATES, "2024-08-02", "2025-12-15");
    }

    @Test
    void aMistypedDate_isRefusedWithTheForm() {
        assertRefused("portolan: 2024-8-1 is not a date: give a release as YYYY-MM-DD (" + DATES + "), or a registry "
                + "file", "2024-08-01", "2024-8-1");
        assertRefused("portolan: 2024-02-30 is not a date: give a release as YYYY-MM-DD (" + DATES + "), or a registry "
                + "file", "2024-02-30", "2025-12-15");
    }

    @Test
    void theSameRelease_isRefused() {
        assertRefused("portolan: OLD and NEW are the same release (2025-12-15): there is nothing to compare",
                "2025-12-15", "2025-12-15");
    }

    @Test
    void theSameFileTwice_isRefused() {
        Path a = GeneratedRegistry.writeXml(files, "a.xml", LocalDate.of(2026, 1, 1), GeneratedRegistry.RECORDS);
        assertRefused("portolan: OLD and NEW are the same release (2026-01-01): there is nothing to compare",
                a.toString(), files.resolve(".").resolve("a.xml").toString());
    }

    @Test
    void aFileOfAReleaseOfTheHistory_withTheSameRecords_isTheSameRelease() {
        Path current = SharedRegistryData.require(SharedRegistryData.XML);
        assertRefused("portolan: OLD and NEW are the same release (2025-12-15): there is nothing to compare",
                "2025-12-15", current.toString());
    }

    @Test
    void anUnreadableFile_isRefused() {
        Path missing = files.resolve("missing.xml");
        assertRefused("portolan: " + missing + ": no such file", missing.toString(), "2025-12-15");
        Path text = GeneratedRegistry.write(files, "notes.txt", "hello world\n");
        assertRefused("portolan: " + text + ": not an IANA port registry (starts with \"hello world\"); expected the "
                + "XML or CSV file of service-names-port-numbers", "2025-12-15", text.toString());
    }

    @Test
    void aTruncatedFile_isRefused() {
        String whole = GeneratedRegistry.xml(LocalDate.of(2026, 1, 1), GeneratedRegistry.RECORDS);
        String cut = whole.substring(0, whole.length() / 2);
        Path f = GeneratedRegistry.write(files, "truncated.xml", cut);
        long line = cut.chars().filter(c -> c == '\n').count() + 1;
        assertRefused("portolan: " + f + ": not well-formed XML at line " + line
                + ": XML document structures must start and end within the same entity.", "2025-12-15", f.toString());
    }

    @Test
    void refusalsAreSaidInTheRunsLanguage() {
        assertRefused("portolan: el historial no tiene ninguna versión del 2024-08-02; tiene " + DATES, "2024-08-02",
                "2025-12-15", "--lang", "es");
        assertRefused("portolan: OLD и NEW — один и тот же выпуск (2025-12-15): сравнивать нечего", "2025-12-15",
                "2025-12-15", "-l", "ru");
    }

    /** Dates of releases imported into the home are known to the diff. */
    @Test
    void releasesImportedIntoTheHome_canBeCompared() {
        Path a = GeneratedRegistry.writeXml(files, "a.xml", LocalDate.of(2026, 1, 1), GeneratedRegistry.RECORDS);
        Path b = GeneratedRegistry.writeXml(files, "b.xml", LocalDate.of(2026, 2, 1), GeneratedRegistry.RECORDS + 2);
        assertThat(Cli.run(home, "import", a.toString(), b.toString()).code()).isZero();

        assertThat(diff("2026-01-01", "2026-02-01").outLines()).containsExactly(
                "from the release of 2026-01-01 to the release of 2026-02-01: 2 records added, 0 removed, 0 changed",
                "",
                "added 4023/udp fixture2999: Fixture service 2999",
                "added 4024/tcp fixture3000: Fixture service 3000");
    }
}
