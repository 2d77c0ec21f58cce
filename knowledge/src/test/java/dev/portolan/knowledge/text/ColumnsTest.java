package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The table of character widths the build writes answers as ICU's properties, for every code point. */
class ColumnsTest {
    @Test
    void everyCodePoint_takesTheColumnsIcuGives() {
        Columns table = Columns.table();
        assertThat(table).as("the build writes " + Columns.FILE).isNotNull();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (table.width(cp) != Columns.icu(cp)) {
                assertThat(table.width(cp)).as("U+%04X", cp).isEqualTo(Columns.icu(cp));
            }
        }
    }

    @Test
    void texts_inEveryScript() {
        assertThat(Columns.of("port 22")).isEqualTo(7);
        assertThat(Columns.of("ポート 22")).isEqualTo(9);
        assertThat(Columns.of("端口：")).isEqualTo(6);
        assertThat(Columns.of("e\u0301")).isEqualTo(1);
        assertThat(Columns.of("\u200E\u2066PID\u2069")).isEqualTo(3);
        assertThat(Columns.of("ПОРТ")).isEqualTo(4);
        // the vowel sign O is a spacing mark (one column), the virama a non-spacing one (none)
        assertThat(Columns.of("पोर्ट")).isEqualTo(4);
        assertThat(Columns.of("\uD83D\uDE00")).isEqualTo(2);
        assertThat(Columns.of("")).isZero();
    }

    @Test
    void theShippedFile_isWhatTheBuildWritesNow_andADamagedOneIsRefused() throws Exception {
        byte[] shipped = dev.portolan.core.EmbeddedFiles.read(Columns.FILE);
        assertThat(shipped).isEqualTo(Columns.encode());
        byte[] damaged = shipped.clone();
        damaged[10] ^= 0x7f;
        assertThatThrownBy(() -> Columns.decode(damaged)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Columns.decode(java.util.Arrays.copyOf(shipped, shipped.length - 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Columns.decode(new byte[3])).isInstanceOf(IllegalStateException.class);
    }
}
