package dev.portolan.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.SnapshotRejectedException;
import dev.portolan.core.StoreException;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.HistoryException;
import dev.portolan.core.history.RegistryHistory;
import dev.portolan.core.snapshot.SnapshotStore.HistoryFate;
import dev.portolan.core.snapshot.SnapshotStore.InstallResult;
import dev.portolan.core.snapshot.SnapshotStore.Outcome;
import dev.portolan.core.snapshot.SnapshotStore.ReleaseInHistory;
import dev.portolan.core.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store that keeps the history: the program's change log merged with the releases imported into
 * the home, in {@code history.changelog}.
 */
class SnapshotStoreHistoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final SnapshotStore.Policy POLICY = new SnapshotStore.Policy(10, false);
    private static final SnapshotStore.Policy FORCE = new SnapshotStore.Policy(10, true);
    private static final LocalDate JAN_2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate JUNE_2025 = LocalDate.of(2025, 6, 30);

    @TempDir
    Path home;

    private final RegistrySnapshot june = Fixtures.xml();
    /** The program's history: a release of 2024 (two records fewer) and the fixture's of 2025-06-30. */
    private final ChangeLog program = changeLog(release(without(june, 2), "program-2024", JAN_2024),
            release(june, "program-2025", JUNE_2025));

    private SnapshotStore store() {
        return SnapshotStore.at(home, CLOCK, step -> { }, () -> program);
    }

    @Test
    void history_ofAHomeWithoutImports_isTheProgramsHistory() throws StoreException {
        assertThat(store().history()).contains(program);
        assertThat(store().historyFile()).isEqualTo(home.resolve("history.changelog")).doesNotExist();
        assertThat(SnapshotStore.at(home).history()).isEmpty();
    }

    @Test
    void install_aNewRelease_addsItToTheHistoryBeforeSwitchingTheActiveOne() throws Exception {
        List<String> steps = new ArrayList<>();
        RegistrySnapshot december = release(without(june, 1), "december.xml", LocalDate.of(2025, 12, 15));

        InstallResult r = SnapshotStore.at(home, CLOCK, steps::add, () -> program).install(december, POLICY);

        assertThat(r.outcome()).isEqualTo(Outcome.INSTALLED);
        assertThat(r.history().releases()).containsExactly(
                new ReleaseInHistory("december.xml", LocalDate.of(2025, 12, 15), HistoryFate.ADDED, null));
        assertThat(r.history().written()).isTrue();
        assertThat(steps).containsExactly("write-snapshot", "write-snapshot:rename", "write-history",
                "write-history:rename", "switch-active", "switch-active:rename");
        ChangeLog history = store().history().orElseThrow();
        assertThat(history.releases()).containsExactly(JAN_2024, JUNE_2025, LocalDate.of(2025, 12, 15));
        assertThat(history).isEqualTo(r.history().history());
        assertThat(RegistryHistory.decode(Files.readAllBytes(store().historyFile()))).isEqualTo(history);
    }

    @Test
    void install_theProgramsOwnRelease_makesItActiveAndLeavesTheHistoryAlone() throws Exception {
        InstallResult r = store().install(june, POLICY);

        assertThat(r.outcome()).isEqualTo(Outcome.INSTALLED);
        assertThat(r.history().releases()).singleElement().extracting(ReleaseInHistory::fate).isEqualTo(HistoryFate.KNOWN);
        assertThat(r.history().written()).isFalse();
        assertThat(store().historyFile()).doesNotExist();
    }

    @Test
    void install_anOlderRelease_keepsItInTheHistoryAndTheActiveOneActive() throws Exception {
        InstallResult active = store().install(june, POLICY);
        RegistrySnapshot older = release(without(june, 3), "older.xml", LocalDate.of(2020, 5, 5));

        InstallResult r = store().install(older, POLICY);

        assertThat(r.outcome()).isEqualTo(Outcome.HISTORY_ONLY);
        assertThat(r.file()).isEqualTo(active.file());
        assertThat(r.previous()).isEqualTo(active.snapshot());
        assertThat(r.history().releases()).singleElement().extracting(ReleaseInHistory::fate).isEqualTo(HistoryFate.ADDED);
        assertThat(store().active()).contains(active.snapshot());
        assertThat(store().history().orElseThrow().releases()).containsExactly(LocalDate.of(2020, 5, 5), JAN_2024, JUNE_2025);
    }

    @Test
    void install_anOlderReleaseTheHistoryHolds_changesNothing() throws Exception {
        store().install(june, POLICY);
        Map<String, String> before = files();

        InstallResult r = store().install(release(without(june, 2), "again-2024.xml", JAN_2024), POLICY);

        assertThat(r.outcome()).isEqualTo(Outcome.HISTORY_ONLY);
        assertThat(r.history().releases()).singleElement().extracting(ReleaseInHistory::fate).isEqualTo(HistoryFate.KNOWN);
        assertThat(r.history().written()).isFalse();
        assertThat(files()).isEqualTo(before);
    }

    @Test
    void install_aReleaseOfAKnownDateWithOtherRecords_isRefusedUnlessForced() throws Exception {
        RegistrySnapshot edited = release(without(june, 5), "edited-2024.xml", JAN_2024);

        assertThatThrownBy(() -> store().install(edited, POLICY)).isInstanceOf(SnapshotRejectedException.class)
                .hasMessage("edited-2024.xml is the release of 2024-01-01, which the history already holds with other "
                        + "records; check the file, or use --force to import it anyway (the history keeps its own); "
                        + "nothing was changed");
        assertThat(home.resolve("snapshots")).isEmptyDirectory();

        InstallResult forced = store().install(edited, FORCE);

        assertThat(forced.outcome()).isEqualTo(Outcome.INSTALLED);
        assertThat(forced.history().releases()).containsExactly(
                new ReleaseInHistory("edited-2024.xml", JAN_2024, HistoryFate.KEPT_OWN, JAN_2024));
        assertThat(store().history()).contains(program);
    }

    @Test
    void install_theRecordsOfAKnownReleaseUnderAnotherDate_leavesThemWhereTheyAre() throws Exception {
        RegistrySnapshot copy = release(june, "copy.xml", LocalDate.of(2025, 7, 1));

        InstallResult r = store().install(copy, POLICY);

        assertThat(r.outcome()).isEqualTo(Outcome.INSTALLED);
        assertThat(r.history().releases()).containsExactly(
                new ReleaseInHistory("copy.xml", LocalDate.of(2025, 7, 1), HistoryFate.SAME_RECORDS, JUNE_2025));
        assertThat(store().historyFile()).doesNotExist();
    }

    @Test
    void install_anUndatedRelease_isNotInTheHistory() throws Exception {
        RegistrySnapshot csv = Fixtures.read(Fixtures.CSV).withInfo(
                new SnapshotInfo(SnapshotInfo.Source.IANA_CSV, "registry.csv", null, null));

        InstallResult r = store().install(csv, POLICY);

        assertThat(r.outcome()).isEqualTo(Outcome.INSTALLED);
        assertThat(r.history().releases()).containsExactly(
                new ReleaseInHistory("registry.csv", null, HistoryFate.UNDATED, null));
    }

    @Test
    void importReleases_inAnyOrder_addsEachAndActivatesTheNewest() throws Exception {
        RegistrySnapshot a = release(without(june, 3), "a.xml", LocalDate.of(2019, 1, 1));
        RegistrySnapshot b = release(without(june, 4), "b.xml", LocalDate.of(2026, 1, 1));
        RegistrySnapshot c = release(without(june, 5), "c.xml", LocalDate.of(2026, 2, 1));

        InstallResult r = store().importReleases(List.of(b, c, a), POLICY);

        assertThat(r.outcome()).isEqualTo(Outcome.INSTALLED);
        assertThat(r.snapshot().info().label()).isEqualTo("c.xml");
        assertThat(r.history().releases()).extracting(ReleaseInHistory::label, ReleaseInHistory::fate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b.xml", HistoryFate.ADDED),
                org.assertj.core.groups.Tuple.tuple("c.xml", HistoryFate.ADDED),
                org.assertj.core.groups.Tuple.tuple("a.xml", HistoryFate.ADDED));
        assertThat(store().history().orElseThrow().releases()).containsExactly(LocalDate.of(2019, 1, 1), JAN_2024,
                JUNE_2025, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1));
        assertThat(store().active().orElseThrow().info().updated()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void importReleases_twoOfOneDate_areRefused() {
        RegistrySnapshot a = release(without(june, 3), "a.xml", LocalDate.of(2026, 1, 1));
        RegistrySnapshot b = release(without(june, 4), "b.xml", LocalDate.of(2026, 1, 1));

        assertThatThrownBy(() -> store().importReleases(List.of(a, b), POLICY))
                .isInstanceOf(SnapshotRejectedException.class)
                .hasMessage("b.xml is the release of 2026-01-01, as is a.xml; give each release once; nothing was changed");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void importReleases_anUndatedOneAmongOthers_isRefused() {
        RegistrySnapshot csv = Fixtures.read(Fixtures.CSV).withInfo(
                new SnapshotInfo(SnapshotInfo.Source.IANA_CSV, "registry.csv", null, null));

        assertThatThrownBy(() -> store().importReleases(List.of(june, csv), POLICY))
                .isInstanceOf(SnapshotRejectedException.class)
                .hasMessage("registry.csv states no release date (IANA's CSV file has none), by which the history "
                        + "orders releases; import it alone, or the XML files of the registry; nothing was changed");
    }

    @Test
    void importReleases_severalIntoAStoreWithoutHistory_isAMistake() {
        assertThatThrownBy(() -> SnapshotStore.at(home).importReleases(List.of(june, june), POLICY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void history_ofAProgramWithANewerRelease_mergesItIn() throws Exception {
        RegistrySnapshot imported = release(without(june, 3), "imported.xml", LocalDate.of(2025, 9, 1));
        store().install(imported, POLICY);
        RegistrySnapshot upgrade = release(without(june, 6), "program-2026", LocalDate.of(2026, 3, 1));
        ChangeLog newerProgram = program.with(upgrade);

        ChangeLog history = SnapshotStore.at(home, () -> newerProgram).history().orElseThrow();

        assertThat(history.releases()).containsExactly(JAN_2024, JUNE_2025, LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 3, 1));
    }

    @Test
    void damagedHistory_isReported_andAnImportWritesNothing() throws Exception {
        store().install(release(without(june, 3), "imported.xml", LocalDate.of(2025, 9, 1)), POLICY);
        Files.write(store().historyFile(), "not a change log".getBytes(StandardCharsets.UTF_8));
        Map<String, String> before = files();

        assertThatThrownBy(() -> store().history()).isInstanceOf(StoreException.class)
                .hasMessage("the history " + store().historyFile() + " is damaged: not a Portolan change log (bad magic); "
                        + "move it away and import the releases again to rebuild it");
        assertThatThrownBy(() -> store().install(release(without(june, 4), "next.xml", LocalDate.of(2025, 10, 1)), POLICY))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("the history " + store().historyFile()
                        + " is damaged");
        assertThat(files()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"write-snapshot", "write-history", "write-history:rename", "switch-active"})
    void install_failingAtAnyStep_leavesTheHistoryAndTheActiveSnapshotAsTheyWere(String failAt) throws Exception {
        InstallResult active = store().install(release(without(june, 3), "first.xml", LocalDate.of(2025, 9, 1)), POLICY);
        byte[] history = Files.readAllBytes(store().historyFile());
        SnapshotStore failing = SnapshotStore.at(home, CLOCK, step -> {
            if (step.equals(failAt)) {
                throw new IOException("injected failure at " + step);
            }
        }, () -> program);

        assertThatThrownBy(() -> failing.install(release(without(june, 4), "next.xml", LocalDate.of(2025, 10, 1)), POLICY))
                .isInstanceOf(StoreException.class);

        assertThat(store().active()).contains(active.snapshot());
        if (!failAt.equals("switch-active")) {
            assertThat(Files.readAllBytes(store().historyFile())).isEqualTo(history);
        }
        try (Stream<Path> all = Files.walk(home)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith(".tmp-"))).isEmpty();
        }
    }

    private static RegistrySnapshot release(RegistrySnapshot s, String label, LocalDate updated) {
        return s.withInfo(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, label, updated, null));
    }

    /** The snapshot without its first {@code n} records: other content. */
    private static RegistrySnapshot without(RegistrySnapshot s, int n) {
        return new RegistrySnapshot(s.info(), s.assignments().subList(n, s.assignments().size()), s.people(),
                s.footnotes());
    }

    private static ChangeLog changeLog(RegistrySnapshot... releases) {
        try {
            return RegistryHistory.changeLog(List.of(releases));
        } catch (HistoryException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file of the home with a digest of its bytes. */
    private Map<String, String> files() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(home.relativize(p).toString(), HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
