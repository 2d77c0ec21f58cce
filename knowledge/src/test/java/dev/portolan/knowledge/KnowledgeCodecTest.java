package dev.portolan.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The compiled form of the knowledge: what it reads back, and what it refuses. */
class KnowledgeCodecTest {
    private static KnowledgeReader.Parts fixtureParts() throws KnowledgeFormatException {
        return KnowledgeReader.read(Map.of("fixture-knowledge.yaml", KnowledgeReaderTest.fixture()));
    }

    @Test
    void readsBackWhatItWrote_byteForByte() throws Exception {
        byte[] bytes = KnowledgeCodec.encode(fixtureParts());
        KnowledgeReader.Parts back = KnowledgeCodec.decode(bytes);
        assertThat(KnowledgeCodec.encode(back)).isEqualTo(bytes);
        Knowledge k = new Knowledge(back);
        assertThat(k.uses(3000)).singleElement().satisfies(u -> assertThat(u.program().aliases())
                .containsExactly("grafana-server"));
        assertThat(k.uses(27020)).singleElement().satisfies(u -> assertThat(u.use().since()).isEqualTo("2004"));
        assertThat(k.commonNames(3389)).extracting(CommonName::expansion).containsExactly("Remote Desktop Protocol");
        assertThat(k.privilegedPorts().get(1).below()).isNull();
        assertThat(k.browsersRefuse(10080)).isTrue();
    }

    /** The jar carries the compiled form; it must be exactly what the knowledge files compile to. */
    @Test
    void theCompiledKnowledgeOfTheBuild_isTheKnowledgeFilesOfTheSources() throws Exception {
        byte[] compiled = Knowledge.compiled();
        assertThat(compiled).as("the build compiles knowledge/knowledge.bin").isNotNull();
        assertThat(compiled).isEqualTo(KnowledgeCodec.encode(KnowledgeReader.read(Knowledge.embeddedFiles())));
    }

    /** Read as facts are asked for, the compiled knowledge answers exactly as the whole knowledge does. */
    @Test
    void readAsAsked_answersAsTheWholeKnowledge() throws Exception {
        Knowledge whole = new Knowledge(KnowledgeReader.read(Knowledge.embeddedFiles()));
        Knowledge asked = new Knowledge(KnowledgeCodec.open(Knowledge.compiled()));
        // one by one first, before anything is read whole
        for (String id : whole.citations().keySet()) {
            assertThat(asked.citation(id)).as(id).isEqualTo(whole.citation(id));
        }
        for (Program p : whole.programs()) {
            assertThat(asked.program(p.id())).as(p.id()).contains(p);
        }
        assertThat(asked.citation("no-such-citation")).isEmpty();
        assertThat(asked.program("")).isEmpty();
        assertThat(asked.program("zzzz")).isEmpty();
        java.util.List<Integer> differ = new java.util.ArrayList<>();
        int used = 0;
        for (int port = 0; port <= 65_535; port++) {
            java.util.List<ProgramUse> expected = whole.uses(port);
            if (!asked.uses(port).equals(expected)) {
                differ.add(port);
            }
            used += expected.isEmpty() ? 0 : 1;
        }
        assertThat(differ).isEmpty();
        assertThat(used).isGreaterThan(500);
        // every port's notes, read from the index while the notes are not read whole
        int noted = 0;
        for (int port = 0; port <= 65_535; port++) {
            if (!asked.commonNames(port).equals(whole.commonNames(port))
                    || !asked.protocolNotes(port).equals(whole.protocolNotes(port))
                    || !asked.securityNotes(port).equals(whole.securityNotes(port))
                    || !asked.malware(port).equals(whole.malware(port))) {
                differ.add(port);
            }
            noted += whole.commonNames(port).size() + whole.protocolNotes(port).size()
                    + whole.securityNotes(port).size() + whole.malware(port).size();
        }
        assertThat(differ).isEmpty();
        assertThat(noted).isGreaterThan(500);
        // ports whose security notes are of several kinds (kept in the kinds' order) were among them
        int severalKinds = 0;
        for (int port = 0; port <= 65_535; port++) {
            if (whole.securityNotes(port).stream().map(SecurityNote::kind).distinct().count() > 1) {
                severalKinds++;
            }
        }
        assertThat(severalKinds).isPositive();
        assertThat(asked.portsWithUses()).isEqualTo(whole.portsWithUses());
        assertThat(asked.securityNotes(22)).isNotEmpty().isEqualTo(whole.securityNotes(22));
        assertThat(asked.commonNames(3389)).isNotEmpty().isEqualTo(whole.commonNames(3389));
        // then whole, in file order
        assertThat(asked.citations()).containsExactlyEntriesOf(whole.citations());
        assertThat(asked.programs()).containsExactlyElementsOf(whole.programs());
        assertThat(asked.uses(443)).isEqualTo(whole.uses(443));
        assertThat(asked.protocolNotes()).isEqualTo(whole.protocolNotes());
        assertThat(asked.allMalware()).isEqualTo(whole.allMalware());
        assertThat(asked.ephemeralHandling()).isEqualTo(whole.ephemeralHandling());
        assertThat(asked.events()).isEqualTo(whole.events());
        // one fingerprint for the same knowledge however it is read; another for other knowledge
        assertThat(asked.fingerprint()).isEqualTo(whole.fingerprint()).hasSize(64);
        assertThat(new Knowledge(fixtureParts()).fingerprint()).isNotEqualTo(whole.fingerprint());
    }

    @Test
    void otherBytes_areRefusedWithAReason() throws Exception {
        byte[] good = KnowledgeCodec.encode(fixtureParts());
        assertThatThrownBy(() -> KnowledgeCodec.decode("hello".getBytes()))
                .isInstanceOf(KnowledgeCodec.CorruptKnowledgeException.class)
                .hasMessage("not Portolan's compiled knowledge (bad magic)");
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x40;
        assertThatThrownBy(() -> KnowledgeCodec.decode(flipped))
                .hasMessage("compiled knowledge checksum mismatch (damaged or cut short)");
        assertThatThrownBy(() -> KnowledgeCodec.decode(Arrays.copyOf(good, good.length - 10)))
                .hasMessage("compiled knowledge checksum mismatch (damaged or cut short)");
    }

    /** Damage the checksum cannot see (a changed byte with the checksum recomputed) fails cleanly too. */
    @Property(tries = 300)
    void anyDamage_readsOrFailsWithTheDeclaredException(@ForAll @IntRange(min = 9, max = 100_000) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor) throws Exception {
        byte[] good = KnowledgeCodec.encode(fixtureParts());
        byte[] bad = good.clone();
        int i = 9 + at % (good.length - 13);
        bad[i] ^= (byte) xor;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bad, 0, bad.length - 4);
        int c = (int) crc.getValue();
        bad[bad.length - 4] = (byte) (c >>> 24);
        bad[bad.length - 3] = (byte) (c >>> 16);
        bad[bad.length - 2] = (byte) (c >>> 8);
        bad[bad.length - 1] = (byte) c;
        try {
            KnowledgeCodec.decode(bad);
        } catch (KnowledgeCodec.CorruptKnowledgeException expected) {
            assertThat(expected.getMessage()).startsWith("compiled knowledge");
        }
    }
}
