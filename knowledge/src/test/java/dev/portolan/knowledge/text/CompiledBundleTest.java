package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compiled form of a bundle file gives back every message and nothing else, and refuses damaged bytes. */
class CompiledBundleTest {
    @Test
    void everyMessage_comesBack_andNoOther() {
        Map<String, String> messages = new HashMap<>();
        messages.put("a", "first");
        messages.put("b.c", "{n, plural, one {# port} other {# ports}}");
        messages.put("empty", "");
        messages.put("ünïcode.kéy", "يستخدم المنفذ {port}");
        messages.put("z", "last \u2019quoted\u2019 \uD83D\uDE80");
        CompiledBundle bundle = CompiledBundle.decode(CompiledBundle.encode(messages));
        assertThat(bundle.size()).isEqualTo(5);
        assertThat(bundle.toMap()).isEqualTo(messages);
        messages.forEach((k, v) -> assertThat(bundle.get(k)).as(k).isEqualTo(v));
        for (String absent : new String[] {"", "A", "b", "b.c.", "zz", "0", "ünïcode"}) {
            assertThat(bundle.get(absent)).as(absent).isNull();
        }
        assertThat(bundle.keys()).containsExactly("a", "b.c", "empty", "z", "ünïcode.kéy");
    }

    @Test
    void anEmptyBundle_hasNothing() {
        CompiledBundle bundle = CompiledBundle.decode(CompiledBundle.encode(Map.of()));
        assertThat(bundle.size()).isZero();
        assertThat(bundle.get("a")).isNull();
    }

    @Test
    void theShippedPageBundle_isReadAsItsPropertiesFile() {
        assertThat(BundleCheck.compiledAsWritten(Messages.PAGES)).isEmpty();
        assertThat(BundleCheck.compiledAsWritten(Messages.PAGES + "_de")).isEmpty();
        assertThat(BundleCheck.compiledAsWritten("knowledge/no-such-bundle")).isEmpty();
    }

    @Test
    void damagedBytes_areRefused() {
        Map<String, String> messages = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            messages.put("key." + i, "value " + i + " \u00e9");
        }
        byte[] good = CompiledBundle.encode(messages);
        assertThatThrownBy(() -> CompiledBundle.decode(new byte[] {'P', 'M', 'B'})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompiledBundle.decode("not a bundle at all".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a compiled message bundle");
        assertThatThrownBy(() -> CompiledBundle.decode(java.util.Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        Random random = new Random(7);
        int refused = 0;
        for (int round = 0; round < 2000; round++) {
            byte[] bad = good.clone();
            int at = random.nextInt(bad.length);
            bad[at] = (byte) (bad[at] ^ (1 + random.nextInt(255)));
            try {
                CompiledBundle.decode(bad);
            } catch (IllegalArgumentException e) {
                refused++;
            }
        }
        // the checksum sees every change within one byte
        assertThat(refused).isEqualTo(2000);
    }
}
