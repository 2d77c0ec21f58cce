package dev.portolan.core.history;

import static dev.portolan.core.history.RealReleases.R2017;
import static dev.portolan.core.history.RealReleases.R2020;
import static dev.portolan.core.history.RealReleases.R2023;
import static dev.portolan.core.history.RealReleases.R2024;
import static dev.portolan.core.history.RealReleases.R2025;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.PortTimeline.Between;
import dev.portolan.core.history.PortTimeline.Event;
import dev.portolan.core.history.RegistryDiff.Kind;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timelines of ports over the six real releases, read from the shared data directory; skipped when
 * it is absent (see {@link SharedRegistryData}).
 */
class FullRegistryTimelineTest {

    @Test
    void port22_sshOnSctpCitesANewRfcSince2023_theRestUnchangedSinceTheFirstRelease() {
        PortTimeline t = RealReleases.changeLog().timeline(22);
        assertThat(t.records()).extracting(r -> r.appeared().change().record().key().toString(),
                r -> r.events().size()).containsExactly(tuple("ssh 22/tcp", 1), tuple("ssh 22/udp", 1),
                        tuple("ssh 22/sctp", 2));
        Event sctp = t.records().get(2).events().get(1);
        assertThat(sctp.when()).isEqualTo(new Between(R2020, R2023));
        assertThat(sctp.change().fields()).containsExactly(Field.MODIFIED, Field.REFERENCES);
        assertThat(sctp.change().before().references()).extracting(Object::toString).containsExactly("RFC4960");
        assertThat(sctp.change().after().references()).extracting(Object::toString).containsExactly("RFC9260");
        assertThat(t.since()).isEqualTo(new Between(R2020, R2023));
    }

    @Test
    void port2_compressnetWasDeassignedBetweenAugust2024AndDecember2025() {
        PortTimeline t = RealReleases.changeLog().timeline(2);
        assertThat(t.records()).extracting(r -> r.appeared().change().record().key().toString(),
                r -> r.appeared().when(), r -> r.removed(2).orElse(null)).containsExactly(
                        tuple("compressnet 2/tcp", new Between(null, R2017), new Between(R2024, R2025)),
                        tuple("compressnet 2/udp", new Between(null, R2017), new Between(R2024, R2025)),
                        tuple("(no name) 2/tcp", new Between(R2024, R2025), null),
                        tuple("(no name) 2/udp", new Between(R2024, R2025), null));
        assertThat(t.current()).extracting(CanonicalRecord::status).extracting(Object::toString)
                .containsExactly("reserved", "reserved");
    }

    @Test
    void port4319_skytaleAppearedIn2021Or2022AndWasRenamedIn2025() {
        PortTimeline t = RealReleases.changeLog().timeline(4319);
        assertThat(t.records()).filteredOn(r -> r.appeared().change().record().key().toString()
                .equals("fox-skytale 4319/tcp")).singleElement().satisfies(r -> {
                    assertThat(r.events()).extracting(e -> e.change().kind(), Event::when).containsExactly(
                            tuple(Kind.ADDED, new Between(R2020, R2023)),
                            tuple(Kind.CHANGED, new Between(R2023, R2024)),
                            tuple(Kind.CHANGED, new Between(R2024, R2025)));
                    assertThat(r.current(4319)).hasValueSatisfying(c -> assertThat(c.service()).isEqualTo("skytale"));
                });
    }

    @Test
    void port6000_x11IsAsItIsSinceTheFirstRelease() {
        PortTimeline t = RealReleases.changeLog().timeline(6000);
        assertThat(t.records()).extracting(r -> r.appeared().change().record().key().toString())
                .containsExactly("x11 6000-6063/tcp", "x11 6000-6063/udp");
        assertThat(t.since()).isEqualTo(new Between(null, R2017));
        assertThat(t.records()).allSatisfy(r -> assertThat(r.changes()).isEmpty());
        assertThat(List.of(t.since().inOrBeforeFirstRelease())).containsExactly(true);
    }
}
