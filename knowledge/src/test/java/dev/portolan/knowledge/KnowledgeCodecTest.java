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
