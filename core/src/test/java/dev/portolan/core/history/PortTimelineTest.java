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

import dev.portolan.core.PortRange;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.Transport;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.PortTimeline.Between;
import dev.portolan.core.history.PortTimeline.Event;
import dev.portolan.core.history.PortTimeline.RecordHistory;
import dev.portolan.core.history.RegistryDiff.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortTimelineTest {
    private static final ChangeLog LOG = log();

    /** Four releases: 2017, 2018, 2020, 2023. */
    private static ChangeLog log() {
        try {
            return RegistryHistory.changeLog(List.of(
                    snapshot(D2017, named("compressnet", 2, Transport.TCP, "Management Utility"),
                            named("ssh", 22, Transport.TCP, "SSH"), row(4317, 4319, null, "Unassigned"),
                            named("x11", 6000, Transport.TCP, "X Window System").ports(new PortRange(6000, 6063))),
                    snapshot(D2018, named("compressnet", 2, Transport.TCP, "Management Utility"),
                            named("ssh", 22, Transport.TCP, "SSH"), row(4317, 4318, null, "Unassigned"),
                            named("fox-skytale", 4319, Transport.TCP, "Fox SkyTale"),
                            named("x11", 6000, Transport.TCP, "X Window System").ports(new PortRange(6000, 6070))),
                    snapshot(D2020, row(2, 2, Transport.TCP, "Reserved"), named("ssh", 22, Transport.TCP, "SSH"),
                            row(4317, 4318, null, "Unassigned"),
                            named("fox-skytale", 4319, Transport.TCP, "Fox SkyTale").modified(
                                    new RegistryDate(2020, 5, 1)),
                            named("x11", 6000, Transport.TCP, "X Window System").ports(new PortRange(6000, 6070))),
                    snapshot(D2023, row(2, 2, Transport.TCP, "Reserved"), named("ssh", 22, Transport.TCP, "SSH"),
                            row(4317, 4318, null, "Unassigned"),
                            named("skytale", 4319, Transport.TCP, "Sentyron SkyTale"),
                            named("x11", 6000, Transport.TCP, "X Window System").ports(new PortRange(6000, 6060)))));
        } catch (HistoryException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPortThatNeverChanged_isAsItIsSinceTheFirstRelease() {
        PortTimeline t = LOG.timeline(22);
        assertThat(t.port()).isEqualTo(22);
        assertThat(t.releases()).containsExactly(D2017, D2018, D2020, D2023);
        assertThat(t.records()).singleElement().satisfies(r -> {
            assertThat(r.events()).singleElement().satisfies(e -> {
                assertThat(e.change().kind()).isEqualTo(Kind.ADDED);
                assertThat(e.when()).isEqualTo(new Between(null, D2017));
                assertThat(e.when().inOrBeforeFirstRelease()).isTrue();
            });
            assertThat(r.current(22)).hasValueSatisfying(c -> assertThat(c.service()).isEqualTo("ssh"));
            assertThat(r.removed(22)).isEmpty();
            assertThat(r.changes()).isEmpty();
        });
        assertThat(t.since()).isEqualTo(new Between(null, D2017));
    }

    @Test
    void aDeassignedPort_showsTheServiceRemovedAndTheReservedRowAddedBetweenTwoReleases() {
        PortTimeline t = LOG.timeline(2);
        assertThat(t.records()).extracting(r -> r.appeared().change().record().key().toString(),
                r -> r.appeared().when(), r -> r.removed(2).orElse(null)).containsExactly(
                        tuple("compressnet 2/tcp", new Between(null, D2017), new Between(D2018, D2020)),
                        tuple("(no name) 2/tcp", new Between(D2018, D2020), null));
        assertThat(t.current()).extracting(CanonicalRecord::description).containsExactly("Reserved");
        assertThat(t.since()).isEqualTo(new Between(D2018, D2020));
    }

    @Test
    void aRecordFollowedThroughAChangeAndARename_staysOneHistory() {
        PortTimeline t = LOG.timeline(4319);
        assertThat(t.records()).hasSize(2);
        RecordHistory unassigned = t.records().get(0);
        assertThat(unassigned.appeared().when()).isEqualTo(new Between(null, D2017));
        assertThat(unassigned.events()).extracting(e -> e.change().kind(), Event::when).containsExactly(
                tuple(Kind.ADDED, new Between(null, D2017)), tuple(Kind.REMOVED, new Between(D2017, D2018)));
        RecordHistory skytale = t.records().get(1);
        assertThat(skytale.events()).extracting(e -> e.change().kind(), Event::when, e -> e.change().fields())
                .containsExactly(tuple(Kind.ADDED, new Between(D2017, D2018), List.of()),
                        tuple(Kind.CHANGED, new Between(D2018, D2020), List.of(Field.MODIFIED)),
                        tuple(Kind.CHANGED, new Between(D2020, D2023), List.of(Field.SERVICE, Field.DESCRIPTION,
                                Field.MODIFIED)));
        assertThat(skytale.changes()).hasSize(2);
        Event rename = skytale.events().get(2);
        assertThat(rename.change().before().service()).isEqualTo("fox-skytale");
        assertThat(rename.change().after().service()).isEqualTo("skytale");
        assertThat(skytale.current(4319)).hasValueSatisfying(r -> assertThat(r.service()).isEqualTo("skytale"));
        assertThat(skytale.since()).isEqualTo(new Between(D2020, D2023));
        assertThat(t.since()).isEqualTo(new Between(D2020, D2023));
    }

    @Test
    void aRangeThatGrewOverThePort_bringsTheRecordOnByAChangeAndTakesItOffWhenItShrinks() {
        PortTimeline t = LOG.timeline(6065);
        assertThat(t.records()).singleElement().satisfies(r -> {
            assertThat(r.events()).extracting(e -> e.change().kind(), Event::when, e -> e.change().after().ports())
                    .containsExactly(tuple(Kind.CHANGED, new Between(D2017, D2018), new PortRange(6000, 6070)),
                            tuple(Kind.CHANGED, new Between(D2020, D2023), new PortRange(6000, 6060)));
            assertThat(r.current(6065)).isEmpty();
            assertThat(r.removed(6065)).contains(new Between(D2020, D2023));
        });
        PortTimeline first = LOG.timeline(6000);
        assertThat(first.records()).singleElement().satisfies(r -> {
            assertThat(r.events()).extracting(e -> e.change().kind()).containsExactly(Kind.ADDED, Kind.CHANGED,
                    Kind.CHANGED);
            assertThat(r.current(6000)).isPresent();
        });
    }

    @Test
    void aPortNoRecordEverCovered_hasNoRecordAndIsAsItIsSinceTheFirstRelease() {
        PortTimeline t = LOG.timeline(65_535);
        assertThat(t.records()).isEmpty();
        assertThat(t.current()).isEmpty();
        assertThat(t.since()).isEqualTo(new Between(null, D2017));
    }

    @Test
    void timeline_ofAPortOutsideTheRange_isRefused() {
        assertThatThrownBy(() -> LOG.timeline(65_536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 65536 is outside 0-65535");
        assertThatThrownBy(() -> LOG.timeline(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port -1 is outside 0-65535");
    }

    @Test
    void between_isAnIntervalOfReleases() {
        assertThatThrownBy(() -> new Between(D2018, D2017)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("between 2018-12-18 and 2017-03-10 is no interval");
    }
}
