package dev.portolan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotCodec;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Known answers of the real registry, read from the shared data directory; skipped when it is
 * absent (see {@link SharedRegistryData}).
 */
class FullRegistryTest {

    private static volatile Registry registry;

    /** One registry for the class, so that its indexes are built once. */
    private static Registry registry() {
        RegistrySnapshot s = SharedRegistryData.xml();
        Registry r = registry;
        if (r == null) {
            r = Registry.of(s);
            registry = r;
        }
        return r;
    }

    @Test
    void xml_loadsEveryRecordOfTheDecember2025Release() {
        RegistrySnapshot s = SharedRegistryData.xml();
        assertThat(s.assignments()).hasSize(14_496);
        assertThat(s.info().updated()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(s.info().source()).isEqualTo(SnapshotInfo.Source.IANA_XML);
        assertThat(s.footnote("1")).hasValueSatisfying(f -> assertThat(f).startsWith("It is only appropriate"));
    }

    @Test
    void lookup_22tcp_isSshCitingRfc4251() throws InvalidQueryException {
        assertThat(registry().lookup(PortQuery.parse("22/tcp"), null)).singleElement().satisfies(e -> {
            assertThat(e.assignment().service()).isEqualTo("ssh");
            assertThat(e.assignment().references()).containsExactly(Reference.rfc("RFC4251"));
            assertThat(e.assignment().status()).isEqualTo(AssignmentStatus.ASSIGNED);
            assertThat(e.range()).isEqualTo(RangeClass.SYSTEM);
        });
    }

    @Test
    void lookup_port60_isUnassignedOnTcpAndUdp() throws InvalidQueryException {
        assertThat(registry().lookup(PortQuery.parse("60"), null)).hasSize(2).allSatisfy(e -> {
            assertThat(e.assignment().status()).isEqualTo(AssignmentStatus.UNASSIGNED);
            assertThat(e.assignment().service()).isNull();
        }).extracting(PortEntry::transport).containsExactly(Transport.TCP, Transport.UDP);
    }

    @Test
    void lookup_port60327_isDynamicAndUnassignedOnTcpAndUdp() throws InvalidQueryException {
        assertThat(registry().lookup(PortQuery.parse("60327"), null)).hasSize(2).allSatisfy(e -> {
            assertThat(e.range()).isEqualTo(RangeClass.DYNAMIC);
            assertThat(e.assignment().status()).isEqualTo(AssignmentStatus.UNASSIGNED);
            assertThat(e.assignment().origin()).isEqualTo(Assignment.Origin.IMPLIED);
            assertThat(e.assignment().notes()).singleElement().asString().startsWith("Dynamic and/or Private Port");
        }).extracting(PortEntry::transport).containsExactly(Transport.TCP, Transport.UDP);
    }

    @Test
    void lookup_2tcp_isReservedWithTheDeassignmentNote() throws InvalidQueryException {
        assertThat(registry().lookup(PortQuery.parse("2/tcp"), null)).singleElement().satisfies(e -> {
            assertThat(e.assignment().status()).isEqualTo(AssignmentStatus.RESERVED);
            assertThat(e.assignment().notes())
                    .containsExactly("De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]");
            assertThat(e.assignment().modified()).isEqualTo(new RegistryDate(2025, 2, 13));
        });
    }

    @Test
    void lookup_80tcp_carriesHttpWwwAndWwwHttp() throws InvalidQueryException {
        assertThat(registry().lookup(PortQuery.parse("80/tcp"), null)).extracting(e -> e.assignment().service())
                .containsExactly("http", "www", "www-http");
    }

    @Test
    void lookup_unknownServiceName_isRefused() throws InvalidQueryException {
        PortQuery abc = PortQuery.parse("abc");
        Registry r = registry();
        assertThatThrownBy(() -> r.lookup(abc, null)).isInstanceOf(InvalidQueryException.class)
                .hasMessage("no service named \"abc\" in the IANA registry of 2025-12-15 (XML); try: portolan search abc");
    }

    @Test
    void people_resolveToNamesAndHoldNoEmailAddress() {
        RegistrySnapshot s = SharedRegistryData.xml();
        assertThat(s.people()).hasSizeGreaterThan(5_000);
        assertThat(s.person("Jon_Postel").name()).isEqualTo("Jon Postel");
        assertThat(s.person("Bernie_Volz").name()).isEqualTo("Bernie Volz");
        assertThat(s.person("IESG").organisation()).isTrue();
        assertThat(s.people().values()).allSatisfy(p -> {
            if (p.uri() != null) {
                assertThat(p.uri()).doesNotStartWithIgnoringCase("mailto:");
            }
        });
    }

    @Test
    void csv_mid2024Release_loadsCompletely() throws RegistryFormatException {
        RegistrySnapshot csv = RegistryFileReader.read(SharedRegistryData.require(SharedRegistryData.CSV_GZ));
        // Counted independently with Python's csv module.
        assertThat(csv.assignments()).hasSize(14_447);
        assertThat(csv.assignments()).filteredOn(a -> a.transport() == null).hasSize(1_453);
        assertThat(csv.assignments()).filteredOn(a -> a.ports() == null).hasSize(1_039);
        assertThat(csv.info().source()).isEqualTo(SnapshotInfo.Source.IANA_CSV);
        assertThat(csv.info().updated()).isNull();
        assertThat(csv.people()).isEmpty();
    }

    @Test
    void history_fiveReleasesLoadWithIncreasingUpdatedDates() throws IOException, RegistryFormatException {
        Path dir = SharedRegistryData.require(SharedRegistryData.HISTORY);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".xml.gz")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        LocalDate previous = LocalDate.MIN;
        for (Path f : files) {
            RegistrySnapshot s = RegistryFileReader.read(f);
            LocalDate updated = s.info().updated();
            String stamp = f.getFileName().toString().replaceAll("\\D", "");
            assertThat(updated).as(f.toString()).isEqualTo(LocalDate.parse(stamp, DateTimeFormatter.BASIC_ISO_DATE))
                    .isAfter(previous);
            assertThat(s.assignments()).as(f.toString()).hasSizeGreaterThan(13_000);
            previous = updated;
        }
        assertThat(previous).isBefore(SharedRegistryData.xml().info().updated());
    }

    @Test
    void snapshotCodec_roundTripsTheFullRegistry() throws SnapshotCodec.CorruptSnapshotException {
        RegistrySnapshot s = SharedRegistryData.xml();
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(s))).isEqualTo(s);
    }

    @Test
    void portIndex_answersTheSameBeforeAndAfterBuildingTheIndex() {
        List<Assignment> records = SharedRegistryData.xml().assignments();
        PortIndex warm = new PortIndex(RecordTable.of(records));
        int[] ports = {0, 1, 2, 7, 9, 22, 51, 60, 80, 81, 100, 443, 1021, 1023, 1024, 5432, 6000, 6003, 6063,
            8080, 49_151, 49_152, 60_327, 65_535};
        for (int i = 0; i < 70; i++) {
            warm.resolve(i, Transport.UDP);
        }
        for (int port : ports) {
            for (Transport t : Transport.values()) {
                assertThat(warm.resolve(port, t)).as("%d/%s", port, t).isEqualTo(new PortIndex(RecordTable.of(records)).resolve(port, t));
            }
        }
    }
}
