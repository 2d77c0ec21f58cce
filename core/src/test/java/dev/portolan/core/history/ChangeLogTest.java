package dev.portolan.core.history;

import static dev.portolan.core.history.HistoryFixtures.D2017;
import static dev.portolan.core.history.HistoryFixtures.D2018;
import static dev.portolan.core.history.HistoryFixtures.D2020;
import static dev.portolan.core.history.HistoryFixtures.D2023;
import static dev.portolan.core.history.HistoryFixtures.named;
import static dev.portolan.core.history.HistoryFixtures.row;
import static dev.portolan.core.history.HistoryFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.Transport;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeLogTest {
    static final RegistrySnapshot R2017 = snapshot(D2017, named("compressnet", 2, Transport.TCP, "Management Utility"),
            named("ssh", 22, Transport.TCP, "SSH"), row(288, 307, null, "Unassigned"));
    static final RegistrySnapshot R2018 = snapshot(D2018, named("compressnet", 2, Transport.TCP, "Management Utility"),
            named("ssh", 22, Transport.TCP, "The Secure Shell (SSH) Protocol"), row(288, 307, null, "Unassigned"));
    static final RegistrySnapshot R2020 = snapshot(D2020, row(2, 2, Transport.TCP, "Reserved"),
            named("ssh", 22, Transport.TCP, "The Secure Shell (SSH) Protocol"), row(288, 299, null, "Unassigned"),
            named("tacacss", 300, Transport.TCP, "TACACSS"), row(301, 307, null, "Unassigned"));
    static final RegistrySnapshot R2023 = snapshot(D2023, row(2, 2, Transport.TCP, "Reserved"),
            named("ssh", 22, Transport.TCP, "The Secure Shell (SSH) Protocol"), row(288, 299, null, "Unassigned"),
            named("tacacss", 300, Transport.TCP, "TLS Secure Login Host Protocol (TACACSS)"),
            row(301, 307, null, "Unassigned"));

    @Test
    void changeLog_ordersReleasesByDateAndKeepsTheFirstAndTheDiffs() throws HistoryException {
        ChangeLog log = RegistryHistory.changeLog(List.of(R2020, R2017, R2023, R2018));
        assertThat(log.releases()).containsExactly(D2017, D2018, D2020, D2023);
        assertThat(log.firstRecords()).isEqualTo(RegistryHistory.canonical(R2017));
        assertThat(log.diffs()).extracting(RegistryDiff::older, RegistryDiff::newer, d -> d.counts().total())
                .containsExactly(tuple(D2017, D2018, 1),
                        tuple(D2018, D2020, 6),
                        tuple(D2020, D2023, 1));
        for (RegistrySnapshot s : List.of(R2017, R2018, R2020, R2023)) {
            assertThat(log.records(s.info().updated())).isEqualTo(RegistryHistory.canonical(s));
            assertThat(RegistryHistory.sameContent(log.snapshot(s.info().updated()), s)).isTrue();
        }
        assertThat(log).hasToString("ChangeLog[4 releases, 2017-03-10 to 2023-01-04]");
    }

    @Test
    void changeLog_ofOneRelease_hasNoDiff() throws HistoryException {
        ChangeLog log = RegistryHistory.changeLog(List.of(R2018));
        assertThat(log.releases()).containsExactly(D2018);
        assertThat(log.diffs()).isEmpty();
    }

    @Test
    void with_insertsAReleaseWhereverItsDateFallsAndMakesTheDiffsAroundItAgain() throws HistoryException {
        ChangeLog full = RegistryHistory.changeLog(List.of(R2017, R2018, R2020, R2023));
        ChangeLog older = RegistryHistory.changeLog(List.of(R2018, R2020, R2023)).with(R2017);
        ChangeLog middle = RegistryHistory.changeLog(List.of(R2017, R2020, R2023)).with(R2018);
        ChangeLog newer = RegistryHistory.changeLog(List.of(R2017, R2018, R2020)).with(R2023);
        assertThat(older).isEqualTo(full);
        assertThat(middle).isEqualTo(full);
        assertThat(newer).isEqualTo(full);
    }

    @Test
    void with_aReleaseOfADateAlreadyInTheLog_isRefused() throws HistoryException {
        ChangeLog log = RegistryHistory.changeLog(List.of(R2017, R2018));
        RegistrySnapshot other = snapshot(D2018, named("echo", 7, Transport.TCP, "Echo"));
        assertThatThrownBy(() -> log.with(other)).isInstanceOf(HistoryException.class)
                .hasMessage("release-2018-12-18: is the release of 2018-12-18, as is the change log's release of "
                        + "2018-12-18; give each release once");
    }

    @Test
    void with_theContentOfAReleaseInTheLogUnderAnotherDate_isRefused() throws HistoryException {
        ChangeLog log = RegistryHistory.changeLog(List.of(R2017, R2018));
        RegistrySnapshot copy = HistoryFixtures.snapshot(D2023, R2017.assignments());
        assertThatThrownBy(() -> log.with(copy)).isInstanceOf(HistoryException.class)
                .hasMessage("release-2023-01-04: holds the same records as the change log's release of 2017-03-10 "
                        + "under the date 2023-01-04; give each release once");
    }

    @Test
    void changeLog_ofASnapshotWithoutDate_isRefused() {
        RegistrySnapshot undated = snapshot(null, named("ssh", 22, Transport.TCP, "SSH"));
        assertThatThrownBy(() -> RegistryHistory.changeLog(List.of(R2017, undated)))
                .isInstanceOf(HistoryException.class)
                .hasMessage("release-null: states no release date (the registry's <updated>), by which a change log "
                        + "orders its releases; use IANA's XML file of the registry (its CSV file has no date)");
    }

    @Test
    void records_ofAReleaseNotInTheLog_isRefused() throws HistoryException {
        ChangeLog log = RegistryHistory.changeLog(List.of(R2017, R2018));
        assertThatThrownBy(() -> log.records(LocalDate.of(2019, 1, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the change log has no release of 2019-01-01; it has [2017-03-10, 2018-12-18]");
    }
}
