package dev.portolan.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistryDate;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.Transport;
import dev.portolan.core.snapshot.SnapshotCodec;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ChangeLogCodecTest {
    private static final LocalDate EVERY_FIELD = LocalDate.of(2023, 6, 1);
    private static final ChangeLog LOG = log();
    private static final byte[] ENCODED = LOG.encode();

    private static ChangeLog log() {
        try {
            RegistrySnapshot everyField = HistoryFixtures.snapshot(EVERY_FIELD, List.of(
                    Assignment.builder().service("EtherNet/IP-1").alias("enip").ports(new PortRange(2221, 2222))
                            .transport(Transport.DCCP).description("caf\u00e9 \u2603 [RFC 6335]")
                            .status(AssignmentStatus.RESERVED).assignee("a").contact("b")
                            .registered(new RegistryDate(2007, 6, 0)).modified(new RegistryDate(2001, 0, 0))
                            .reference(new Reference(Reference.Kind.URI, "https://example.org"))
                            .reference(new Reference(Reference.Kind.FOOTNOTE, "1")).note("n").unauthorized("u")
                            .serviceCode("1234").build(),
                    Assignment.builder().service("rdp").description("Reliable Data Protocol").build(),
                    Assignment.builder().service("rdp").description("Reliable Data Protocol").build(),
                    Assignment.builder().ports(PortRange.of(65_535)).description("").build()), "a", "Ada", "b", "Bo");
            List<Assignment> back = new ArrayList<>(ChangeLogTest.R2017.assignments());
            back.add(HistoryFixtures.named("echo", 7, Transport.UDP, "Echo").build());
            return RegistryHistory.changeLog(List.of(ChangeLogTest.R2017, ChangeLogTest.R2018, ChangeLogTest.R2020,
                    ChangeLogTest.R2023, everyField, HistoryFixtures.snapshot(LocalDate.of(2024, 1, 1), back)));
        } catch (HistoryException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void encodeDecode_roundTripsEveryReleaseAndDiff() throws HistoryException {
        ChangeLog decoded = RegistryHistory.decode(ENCODED);
        assertThat(decoded).isEqualTo(LOG);
        assertThat(decoded.releases()).isEqualTo(LOG.releases());
        for (LocalDate release : LOG.releases()) {
            assertThat(decoded.records(release)).isEqualTo(LOG.records(release));
        }
        assertThat(decoded.records(EVERY_FIELD)).filteredOn(r -> r.ports() != null && r.ports().first() == 2221)
                .singleElement().satisfies(r -> assertThat(r.service()).isEqualTo("EtherNet/IP-1"));
    }

    @Test
    void encode_isDeterministic() {
        assertThat(log().encode()).isEqualTo(ENCODED);
    }

    @Test
    void decode_bytesOfAnotherKind_haveABadMagic() {
        assertRefused(new byte[0], "not a Portolan change log (bad magic)");
        assertRefused("PRTLHIS".getBytes(StandardCharsets.US_ASCII), "not a Portolan change log (bad magic)");
        assertRefused(SnapshotCodec.encode(ChangeLogTest.R2017), "not a Portolan change log (bad magic)");
    }

    @Test
    void decode_damagedOrCutShort_failsTheChecksum() {
        byte[] damaged = ENCODED.clone();
        damaged[damaged.length / 2] ^= 0x10;
        assertRefused(damaged, "change log checksum mismatch (damaged or cut short)");
        assertRefused(Arrays.copyOf(ENCODED, ENCODED.length - 1),
                "change log checksum mismatch (damaged or cut short)");
    }

    @Test
    void decode_anotherFormatVersion_isRefusedAsAWhole() {
        byte[] v2 = Arrays.copyOf(ENCODED, ENCODED.length - 4);
        v2[ChangeLogCodec.MAGIC.length] = 2;
        assertRefused(withChecksum(v2), "change log format version 2 is not readable by this Portolan (reads "
                + "version 1); build the change log again from the registry files");
    }

    @Test
    void decode_aValidChecksumOverNonsense_isADamagedStructure() {
        assertRefused(withChecksum(header(5, new byte[] {1, 2, 3})), "change log structure is damaged: compressed "
                + "body is not valid deflate data (incorrect header check)");
        assertRefused(withChecksum(header(10, deflate(new byte[] {0, 0}))),
                "change log structure is damaged: compressed body ends after 2 of its 10 bytes");
        assertRefused(withChecksum(header(1, deflate(new byte[] {0, 0}))),
                "change log structure is damaged: compressed body is longer than its declared 1 bytes");
        assertRefused(withChecksum(header(-1, deflate(new byte[] {0}))),
                "change log structure is damaged: body length 4294967295 is past the limit of 67108864 bytes");
        // no string, one release on day 0, one record, then nothing
        assertRefused(withChecksum(header(4, deflate(new byte[] {0, 1, 0, 1}))),
                "change log structure is damaged: cut short");
        // ... a record with a field beyond the last
        assertRefused(withChecksum(header(7, deflate(new byte[] {0, 1, 0, 1, (byte) 0x80, (byte) 0x80, 1}))),
                "change log structure is damaged: unknown fields in mask 100000000000000");
        // ... a record whose port is past 65535
        assertRefused(withChecksum(header(9, deflate(new byte[] {0, 1, 0, 1, 2, (byte) 0x81, (byte) 0x80, 4, 0}))),
                "change log structure is damaged: port 65536 is outside 0-65535");
        assertRefused(withChecksum(header(2, deflate(new byte[] {0, 0}))),
                "change log structure is damaged: no release");
    }

    @Test
    void decode_aDiffThatChangesNothing_isRefused() {
        // one string "a"; two releases a day apart; the first holds a record named "a"; the diff is empty
        byte[] body = {1, 1, 'a', 2, 0, 1, 1, 1, 1, 0, 0, 0};
        assertRefused(withChecksum(header(body.length, deflate(body))),
                "change log structure is damaged: the release of 1970-01-02 is the same as the one before");
    }

    @Example
    void flippingAnyBitOfAnyByte_isDetected() {
        List<String> undetected = new ArrayList<>();
        byte[] damaged = ENCODED.clone();
        for (int i = 0; i < damaged.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                damaged[i] ^= (byte) (1 << bit);
                if (!isRefused(damaged)) {
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
            if (!isRefused(Arrays.copyOf(ENCODED, length))) {
                undetected.add(length);
            }
        }
        assertThat(undetected).isEmpty();
    }

    @Property(tries = 300)
    void damagingAnyByteToAnyValue_isRefused(@ForAll @IntRange(min = 0, max = 1 << 20) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] damaged = ENCODED.clone();
        damaged[at % damaged.length] ^= (byte) xor;
        assertThat(isRefused(damaged)).isTrue();
    }

    @Property(tries = 300)
    void anyBodyUnderAValidChecksum_decodesOrIsRefusedWithTheDeclaredException(@ForAll byte[] body) {
        try {
            RegistryHistory.decode(withChecksum(header(body.length, deflate(body))));
        } catch (HistoryException e) {
            assertThat(e).hasMessageStartingWith("change log structure is damaged: ");
        }
    }

    @Test
    void theSixRealReleases_roundTripAndTakeAFractionOfTheirSnapshots() throws HistoryException {
        ChangeLog real = RealReleases.changeLog();
        byte[] encoded = real.encode();
        ChangeLog decoded = RegistryHistory.decode(encoded);
        assertThat(decoded).isEqualTo(real);
        assertThat(decoded.records(RealReleases.R2025)).isEqualTo(RegistryHistory.canonical(SharedRegistryData.xml()));
        long snapshots = 0;
        for (LocalDate release : RealReleases.DATES) {
            snapshots += SnapshotCodec.encode(RealReleases.snapshot(release)).length;
        }
        // 270,981 bytes against 5,831,298 for the six snapshots: a twenty-first
        assertThat(encoded.length).isLessThan(300_000);
        assertThat((long) encoded.length * 15).isLessThan(snapshots);
    }

    private static boolean isRefused(byte[] bytes) {
        try {
            RegistryHistory.decode(bytes);
            return false;
        } catch (HistoryException e) {
            return true;
        }
    }

    private static void assertRefused(byte[] bytes, String message) {
        assertThatThrownBy(() -> RegistryHistory.decode(bytes)).isInstanceOf(HistoryException.class)
                .hasMessage(message);
    }

    private static byte[] header(int bodyLength, byte[] compressed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ChangeLogCodec.MAGIC);
        out.write(ChangeLogCodec.VERSION);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bodyLength).array());
        out.writeBytes(compressed);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] body) {
        Deflater d = new Deflater();
        d.setInput(body);
        d.finish();
        byte[] buffer = new byte[body.length + 64];
        int n = d.deflate(buffer);
        d.end();
        return Arrays.copyOf(buffer, n);
    }

    /** The bytes followed by their CRC-32, big-endian, as the codec writes it. */
    private static byte[] withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
    }
}
