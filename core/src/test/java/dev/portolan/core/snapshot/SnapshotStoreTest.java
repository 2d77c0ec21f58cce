package dev.portolan.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.SnapshotRejectedException;
import dev.portolan.core.StoreException;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotStoreTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The fixtures are small; the rules are the same with a smaller minimum. */
    private static final SnapshotStore.Policy POLICY = new SnapshotStore.Policy(10, false);
    private static final SnapshotStore.Policy FORCE = new SnapshotStore.Policy(10, true);
    private static final String[] STEPS = {"write-snapshot", "write-snapshot:rename", "switch-active",
        "switch-active:rename"};

    @TempDir
    Path home;

    private final RegistrySnapshot june = Fixtures.xml();
    private final RegistrySnapshot december = release(june, "december.xml", LocalDate.of(2025, 12, 15));
    private final RegistrySnapshot older = release(june, "older.xml", LocalDate.of(2024, 8, 1));

    private SnapshotStore store() {
        return SnapshotStore.at(home, CLOCK, step -> { });
    }

    @Test
    void emptyHome_hasNoActiveSnapshot() throws StoreException {
        assertThat(store().active()).isEmpty();
        assertThat(store().activeFile()).isEmpty();
        assertThat(SnapshotStore.at(home).home()).isEqualTo(home);
    }

    @Test
    void install_intoAnEmptyHome_makesTheSnapshotActive() throws Exception {
        SnapshotStore.InstallResult r = store().install(june, POLICY);
        assertThat(r.outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(r.previous()).isNull();
        assertThat(r.snapshot()).isEqualTo(june.withInfo(june.info().importedAt(NOW)));
        assertThat(r.file().getParent()).isEqualTo(home.resolve("snapshots"));
        assertThat(r.file().getFileName().toString()).matches("iana-xml-2025-06-30-[0-9a-f]{12}\\.snapshot");
        assertThat(Files.readString(home.resolve("active"))).isEqualTo(r.file().getFileName() + "\n");
        assertThat(store().activeFile()).contains(r.file());
        assertThat(SnapshotStore.at(home).active()).contains(r.snapshot());
        assertThat(store().active().orElseThrow().info().describe())
                .isEqualTo("IANA registry of 2025-06-30 (XML, imported 2026-01-02)");
    }

    @Test
    void install_theActiveReleaseAgain_isANoOp() throws Exception {
        SnapshotStore.InstallResult first = store().install(june, POLICY);
        List<String> before = listing();
        byte[] content = Files.readAllBytes(first.file());
        SnapshotStore.InstallResult again = SnapshotStore.at(home, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC),
                step -> {
                    throw new IOException("nothing may be written, yet " + step + " was reached");
                }).install(june, POLICY);
        assertThat(again.outcome()).isEqualTo(SnapshotStore.Outcome.ALREADY_ACTIVE);
        assertThat(again.file()).isEqualTo(first.file());
        assertThat(again.snapshot()).isEqualTo(first.snapshot());
        assertThat(listing()).isEqualTo(before);
        assertThat(Files.readAllBytes(first.file())).isEqualTo(content);
    }

    @Test
    void install_aNewerRelease_replacesTheActiveOneAndReportsIt() throws Exception {
        SnapshotStore.InstallResult first = store().install(june, POLICY);
        SnapshotStore.InstallResult second = store().install(december, POLICY);
        assertThat(second.outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(second.previous()).isEqualTo(first.snapshot());
        assertThat(store().active().orElseThrow().info().updated()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(Files.exists(first.file())).isTrue();
    }

    @Test
    void install_anOlderRelease_isRefusedWithoutForce() throws Exception {
        SnapshotStore.InstallResult active = store().install(june, POLICY);
        List<String> before = listing();
        assertThatThrownBy(() -> store().install(older, POLICY)).isInstanceOf(SnapshotRejectedException.class)
                .hasMessage("older.xml is a release of 2024-08-01, older than the active release of 2025-06-30; "
                        + "use --force to import it anyway; nothing was changed");
        assertThat(store().active()).contains(active.snapshot());
        assertThat(listing()).isEqualTo(before);
    }

    /**
     * Regression: a file of the active release's date, with other data, replaced the active data
     * without {@code --force}. A release of the same date is not newer.
     */
    @Test
    void install_otherDataOfTheActiveReleaseDate_isRefusedWithoutForce() throws Exception {
        SnapshotStore.InstallResult active = store().install(june, POLICY);
        List<String> before = listing();
        RegistrySnapshot edited = new RegistrySnapshot(release(june, "edited.xml", LocalDate.of(2025, 6, 30)).info(),
                june.assignments().subList(1, june.assignments().size()), june.people(), june.footnotes());

        assertThatThrownBy(() -> store().install(edited, POLICY)).isInstanceOf(SnapshotRejectedException.class)
                .hasMessage("edited.xml is the release of 2025-06-30, the one already active (its data differs); "
                        + "use --force to replace it; nothing was changed");
        assertThat(store().active()).contains(active.snapshot());
        assertThat(listing()).isEqualTo(before);

        SnapshotStore.InstallResult forced = store().install(edited, FORCE);
        assertThat(forced.outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(forced.previous()).isEqualTo(active.snapshot());
        assertThat(store().active().orElseThrow().assignments()).hasSize(june.assignments().size() - 1);
    }

    @Test
    void install_theActiveDataFromAnotherFile_isStillANoOp() throws Exception {
        SnapshotStore.InstallResult first = store().install(june, POLICY);

        SnapshotStore.InstallResult again = store().install(release(june, "copy.xml", LocalDate.of(2025, 6, 30)), POLICY);

        assertThat(again.outcome()).isEqualTo(SnapshotStore.Outcome.ALREADY_ACTIVE);
        assertThat(again.file()).isEqualTo(first.file());
    }

    @Test
    void install_anOlderRelease_isAcceptedWithForce() throws Exception {
        SnapshotStore.InstallResult active = store().install(june, POLICY);
        SnapshotStore.InstallResult forced = store().install(older, FORCE);
        assertThat(forced.outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(forced.previous()).isEqualTo(active.snapshot());
        assertThat(store().active().orElseThrow().info().updated()).isEqualTo(LocalDate.of(2024, 8, 1));
    }

    @Test
    void install_csvOlderThanTheActiveXml_isRefusedByItsLatestRecordDate() throws Exception {
        RegistrySnapshot csv = Fixtures.read(Fixtures.CSV).withInfo(
                new SnapshotInfo(SnapshotInfo.Source.IANA_CSV, "registry.csv", null, null));
        assertThat(SnapshotStore.effectiveDate(csv)).contains(new RegistryDate(2025, 2, 13));
        store().install(june, POLICY);
        assertThatThrownBy(() -> store().install(csv, POLICY)).isInstanceOf(SnapshotRejectedException.class)
                .hasMessage("registry.csv is a release of 2025-02-13, older than the active release of 2025-06-30; "
                        + "use --force to import it anyway; nothing was changed");
    }

    @Test
    void effectiveDate_isTheRegistryDateOrElseTheLatestRecordDate() {
        assertThat(SnapshotStore.effectiveDate(june)).contains(new RegistryDate(2025, 6, 30));
        RegistrySnapshot undated = new RegistrySnapshot(
                new SnapshotInfo(SnapshotInfo.Source.SERVICES, "s", null, null), List.of(), Map.of(),
                Map.of());
        assertThat(SnapshotStore.effectiveDate(undated)).isEmpty();
    }

    @Test
    void install_tooFewRecords_isRefusedEvenWithForceAndWritesNothing() {
        assertThatThrownBy(() -> store().install(june, new SnapshotStore.Policy(100, true)))
                .isInstanceOf(SnapshotRejectedException.class)
                .hasMessage(june.info().label() + " holds 29 records; a whole IANA port registry has at least 100 "
                        + "(truncated or partial file?); nothing was changed");
        assertThat(home.resolve("snapshots")).doesNotExist();
        assertThat(SnapshotStore.Policy.standard(false)).isEqualTo(new SnapshotStore.Policy(5_000, false));
    }

    @Test
    void install_lessThanHalfOfTheActiveRecords_isRefusedWithoutForce() throws Exception {
        store().install(june, POLICY);
        RegistrySnapshot partial = new RegistrySnapshot(december.info(), december.assignments().subList(0, 14),
                december.people(), december.footnotes());
        assertThatThrownBy(() -> store().install(partial, POLICY)).isInstanceOf(SnapshotRejectedException.class)
                .hasMessage("december.xml holds 14 records, less than half of the active release's 29; "
                        + "use --force to import it anyway; nothing was changed");
        assertThat(store().install(partial, FORCE).outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        // a later release: one of the active release's date with other data is refused for that alone
        RegistrySnapshot half = new RegistrySnapshot(release(december, "half.xml", LocalDate.of(2025, 12, 16)).info(),
                december.assignments().subList(0, 15), december.people(), december.footnotes());
        store().install(june.withInfo(december.info()), FORCE);
        assertThat(store().install(half, POLICY).outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
    }

    @Test
    void active_damagedFile_throwsStoreExceptionAndANewInstallRepairsIt() throws Exception {
        SnapshotStore.InstallResult damaged = store().install(june, POLICY);
        Files.write(damaged.file(), "not a snapshot".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store().active()).isInstanceOf(StoreException.class)
                .hasMessage("the active snapshot " + damaged.file() + " is damaged: not a Portolan snapshot (bad magic)");
        SnapshotStore.InstallResult repaired = store().install(december, POLICY);
        assertThat(repaired.outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(repaired.previous()).isNull();
        assertThat(store().active()).contains(repaired.snapshot());
    }

    @Test
    void active_truncatedFile_isDamaged() throws Exception {
        SnapshotStore.InstallResult r = store().install(june, POLICY);
        byte[] content = Files.readAllBytes(r.file());
        Files.write(r.file(), Arrays.copyOf(content, content.length - 10));
        assertThatThrownBy(() -> store().active()).isInstanceOf(StoreException.class)
                .hasMessage("the active snapshot " + r.file()
                        + " is damaged: snapshot checksum mismatch (file damaged or cut short)");
    }

    @Test
    void install_theSameReleaseOverADamagedActiveFile_repairsIt() throws Exception {
        SnapshotStore.InstallResult r = store().install(june, POLICY);
        Files.write(r.file(), new byte[] {1, 2, 3});
        SnapshotStore.InstallResult again = store().install(june, POLICY);
        assertThat(again.outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(store().active()).contains(again.snapshot());
    }

    @Test
    void active_missingSnapshotFile_throwsStoreException() throws Exception {
        SnapshotStore.InstallResult r = store().install(june, POLICY);
        Files.delete(r.file());
        assertThatThrownBy(() -> store().active()).isInstanceOf(StoreException.class)
                .hasMessage("the active snapshot " + r.file() + " is missing");
        assertThat(store().install(june, POLICY).outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(store().active()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.snapshot", ".hidden", "a/b.snapshot", "", "  \n"})
    void activeFile_pointerNamingNoSnapshotFile_isRefused(String name) throws IOException {
        Files.writeString(home.resolve("active"), name);
        assertThatThrownBy(() -> store().activeFile()).isInstanceOf(StoreException.class)
                .hasMessage(home.resolve("active") + " names \"" + name.strip() + "\", not a snapshot file of "
                        + home.resolve("snapshots"));
    }

    @Test
    void install_callsTheHookBeforeEachStepInOrder() throws Exception {
        List<String> seen = new ArrayList<>();
        SnapshotStore.at(home, CLOCK, seen::add).install(june, POLICY);
        assertThat(seen).containsExactly(STEPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"write-snapshot", "write-snapshot:rename", "switch-active", "switch-active:rename"})
    void install_failingAtAnyStep_leavesThePreviousSnapshotActiveAndNoTemporaryFile(String failAt) throws Exception {
        SnapshotStore.InstallResult previous = store().install(june, POLICY);
        SnapshotStore failing = SnapshotStore.at(home, CLOCK, step -> {
            if (step.equals(failAt)) {
                throw new IOException("injected failure at " + step);
            }
        });
        assertThatThrownBy(() -> failing.install(december, POLICY)).isInstanceOf(StoreException.class)
                .hasMessage("cannot store the snapshot under " + home + ": injected failure at " + failAt
                        + "; the previous data is still active");
        assertThat(SnapshotStore.at(home).activeFile()).contains(previous.file());
        assertThat(SnapshotStore.at(home).active()).contains(previous.snapshot());
        assertThat(temporaryFiles()).isEmpty();

        SnapshotStore.InstallResult retried = store().install(december, POLICY);
        assertThat(retried.outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        assertThat(store().active()).contains(retried.snapshot());
        assertThat(temporaryFiles()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"write-snapshot", "write-snapshot:rename", "switch-active", "switch-active:rename"})
    void install_failingAtAnyStepOfTheFirstImport_leavesNoActiveSnapshot(String failAt) throws Exception {
        SnapshotStore failing = SnapshotStore.at(home, CLOCK, step -> {
            if (step.equals(failAt)) {
                throw new IOException("injected failure at " + step);
            }
        });
        assertThatThrownBy(() -> failing.install(june, POLICY)).isInstanceOf(StoreException.class);
        assertThat(store().active()).isEmpty();
        assertThat(temporaryFiles()).isEmpty();
    }

    private static RegistrySnapshot release(RegistrySnapshot s, String label, LocalDate updated) {
        return s.withInfo(new SnapshotInfo(SnapshotInfo.Source.IANA_XML, label, updated, null));
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return all.map(p -> home.relativize(p).toString()).sorted().toList();
        }
    }

    private List<String> temporaryFiles() throws IOException {
        return listing().stream().filter(p -> Path.of(p).getFileName().toString().startsWith(".tmp-")).toList();
    }
}
