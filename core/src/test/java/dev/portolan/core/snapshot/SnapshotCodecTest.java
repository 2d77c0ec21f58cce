package dev.portolan.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Assignment;
import dev.portolan.core.Person;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.services.ServicesFileReader;
import dev.portolan.core.snapshot.SnapshotCodec.CorruptSnapshotException;
import dev.portolan.core.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {
    private static final RegistrySnapshot FIXTURE = Fixtures.xml();
    private static final byte[] ENCODED = SnapshotCodec.encode(FIXTURE);

    @Test
    void encodeDecode_roundTripsEveryFieldOfTheFixture() throws CorruptSnapshotException {
        RegistrySnapshot decoded = SnapshotCodec.decode(ENCODED);
        assertThat(decoded).isEqualTo(FIXTURE);
        assertThat(decoded.people()).isEqualTo(FIXTURE.people());
        assertThat(decoded.footnotes()).isEqualTo(FIXTURE.footnotes());
        assertThat(decoded.info()).isEqualTo(FIXTURE.info());
    }

    @Test
    void person_foundOneByOneWithoutTheListAgreesWithTheList() throws CorruptSnapshotException {
        for (RegistrySnapshot s : List.of(FIXTURE, Baseline.load())) {
            byte[] bytes = SnapshotCodec.encode(s);
            assertThat(s.people()).isNotEmpty();
            // a fresh decode for each lookup, so that none is answered from a list already built;
            // the first, the last and every seventh identifier of the sorted list
            List<String> ids = new ArrayList<>(new java.util.TreeSet<>(s.people().keySet()));
            for (int i = 0; i < ids.size(); i++) {
                if (i % 7 == 0 || i == ids.size() - 1) {
                    assertThat(SnapshotCodec.decode(bytes).person(ids.get(i))).isEqualTo(s.people().get(ids.get(i)));
                }
            }
            RegistrySnapshot one = SnapshotCodec.decode(bytes);
            for (String id : List.of("", "zzzzzz-not-a-person", "Aaa", "~")) {
                assertThat(one.person(id)).isEqualTo(Person.unresolved(id));
            }
            assertThat(one.people()).isEqualTo(s.people());
        }
    }

    @Test
    void encodeDecode_roundTripsCsvServicesAndBaselineSnapshots() throws Exception {
        for (RegistrySnapshot s : List.of(Fixtures.read(Fixtures.CSV),
                ServicesFileReader.read(Fixtures.path(Fixtures.SERVICES)), Baseline.load())) {
            assertThat(SnapshotCodec.decode(SnapshotCodec.encode(s))).isEqualTo(s);
        }
    }

    @Test
    void encodeDecode_keepsImpliedOriginImportTimeAndOldDates() throws CorruptSnapshotException {
        Assignment implied = Assignment.builder().ports(new PortRange(0, 65_535)).transport(Transport.DCCP)
                .description("Unassigned").origin(Assignment.Origin.IMPLIED)
                .registered(new RegistryDate(1900, 0, 0)).modified(new RegistryDate(9999, 12, 31))
                .reference(new Reference(Reference.Kind.FOOTNOTE, "12")).alias("a").alias("a")
                .serviceCode("1").serviceCode("2").unauthorized("u").build();
        RegistrySnapshot s = new RegistrySnapshot(
                new SnapshotInfo(SnapshotInfo.Source.IANA_CSV, "caf\u00e9 \u2603", LocalDate.of(1969, 7, 20),
                        Instant.parse("1960-01-01T00:00:00.123Z")),
                List.of(implied),
                Map.of("x", new Person("x", "X", true, "tel:+1", LocalDate.of(1950, 1, 1))), Map.of());
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(s))).isEqualTo(s);
    }

    @Test
    void encode_isDeterministic() {
        assertThat(SnapshotCodec.encode(Fixtures.xml())).isEqualTo(ENCODED);
    }

    @Test
    void decode_bytesOfAnotherKind_haveABadMagic() {
        assertCorrupt(new byte[0], "not a Portolan snapshot (bad magic)");
        assertCorrupt("PRTLSNA".getBytes(StandardCharsets.US_ASCII), "not a Portolan snapshot (bad magic)");
        assertCorrupt(Fixtures.bytes(Fixtures.XML), "not a Portolan snapshot (bad magic)");
    }

    @Test
    void decode_damagedBody_failsTheChecksum() {
        byte[] damaged = ENCODED.clone();
        damaged[damaged.length / 2] ^= 0x01;
        assertCorrupt(damaged, "snapshot checksum mismatch (file damaged or cut short)");
        assertCorrupt(Arrays.copyOf(ENCODED, ENCODED.length - 1), "snapshot checksum mismatch (file damaged or cut short)");
    }

    @Test
    void decode_anotherFormatVersion_isRefusedAsAWhole() {
        byte[] v1 = ENCODED.clone();
        v1[SnapshotCodec.MAGIC.length] = 1;
        assertCorrupt(withChecksum(Arrays.copyOf(v1, v1.length - 4)),
                "snapshot format version 1 is not readable by this Portolan (reads version 2); import the registry again");
    }

    @Test
    void decode_validChecksumOverTrailingBytes_isRefused() {
        byte[] body = Arrays.copyOf(ENCODED, ENCODED.length - 4 + 3);
        assertCorrupt(withChecksum(body), "snapshot structure is damaged: 3 unexpected trailing bytes");
    }

    @Test
    void decode_validChecksumOverNonsense_isRefused() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(SnapshotCodec.MAGIC);
        b.write(SnapshotCodec.VERSION);
        b.writeBytes(new byte[] {0, 0, 0, 1, 'a'});
        assertThatThrownBy(() -> SnapshotCodec.decode(withChecksum(b.toByteArray())))
                .isInstanceOf(CorruptSnapshotException.class).hasMessageStartingWith("snapshot structure is damaged: ");
    }

    @Test
    void decode_hugeDeclaredCount_isCorruptNotOutOfMemory() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(SnapshotCodec.MAGIC);
        b.write(SnapshotCodec.VERSION);
        b.writeBytes(new byte[] {(byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        b.writeBytes(new byte[8]);
        assertThatThrownBy(() -> SnapshotCodec.decode(withChecksum(b.toByteArray())))
                .isInstanceOf(CorruptSnapshotException.class);
    }

    @Example
    void flippingAnyBitOfAnyByte_isDetected() {
        List<String> undetected = new ArrayList<>();
        byte[] damaged = ENCODED.clone();
        for (int i = 0; i < damaged.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                damaged[i] ^= (byte) (1 << bit);
                if (!isCorrupt(damaged)) {
                    undetected.add(i + ":" + bit);
                }
                damaged[i] ^= (byte) (1 << bit);
            }
        }
        assertThat(undetected).isEmpty();
    }

    @Example
    void truncatingAnywhere_isDetected() {
        List<Integer> undetected = new ArrayList<>();
        for (int length = 0; length < ENCODED.length; length++) {
            if (!isCorrupt(Arrays.copyOf(ENCODED, length))) {
                undetected.add(length);
            }
        }
        assertThat(undetected).isEmpty();
    }

    @Property(tries = 500)
    void damagingAnyByteToAnyValue_throwsCorruptSnapshotException(@ForAll @IntRange(min = 0, max = 1 << 20) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor, @ForAll @IntRange(min = 0, max = 1 << 20) int secondAt) {
        byte[] damaged = ENCODED.clone();
        damaged[at % damaged.length] ^= (byte) xor;
        if (secondAt % 3 == 0) {
            damaged[secondAt % damaged.length] ^= (byte) xor;
        }
        if (!Arrays.equals(damaged, ENCODED)) {
            assertThat(isCorrupt(damaged)).isTrue();
        }
    }

    @Property(tries = 300)
    void appendingBytes_throwsCorruptSnapshotException(@ForAll byte[] extra) {
        if (extra.length > 0) {
            byte[] longer = Arrays.copyOf(ENCODED, ENCODED.length + extra.length);
            System.arraycopy(extra, 0, longer, ENCODED.length, extra.length);
            assertThat(isCorrupt(longer)).isTrue();
        }
    }

    private static boolean isCorrupt(byte[] bytes) {
        try {
            SnapshotCodec.decode(bytes);
            return false;
        } catch (CorruptSnapshotException e) {
            return true;
        }
    }

    private static void assertCorrupt(byte[] bytes, String message) {
        assertThatThrownBy(() -> SnapshotCodec.decode(bytes)).isInstanceOf(CorruptSnapshotException.class)
                .hasMessage(message);
    }

    /** The bytes followed by their CRC-32, big-endian, as the codec writes it. */
    static byte[] withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        int c = (int) crc.getValue();
        byte[] out = Arrays.copyOf(body, body.length + 4);
        out[body.length] = (byte) (c >>> 24);
        out[body.length + 1] = (byte) (c >>> 16);
        out[body.length + 2] = (byte) (c >>> 8);
        out[body.length + 3] = (byte) c;
        return out;
    }
}
