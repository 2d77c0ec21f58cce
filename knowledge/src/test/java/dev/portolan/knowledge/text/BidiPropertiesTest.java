package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import org.junit.jupiter.api.Test;

/** The table of bidirectional properties the build writes answers as ICU does, for every code point. */
class BidiPropertiesTest {
    @Test
    void everyCodePoint_hasThePropertiesIcuGives() {
        BidiProperties table = BidiProperties.table();
        assertThat(table).as("the build writes " + BidiProperties.FILE).isNotNull();
        int brackets = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            // one comparison per property, so that a failure names the property and the character
            if (BidiProperties.direction(cp) != UCharacter.getDirection(cp)) {
                assertThat(BidiProperties.direction(cp)).as("class of U+%04X", cp).isEqualTo(UCharacter.getDirection(cp));
            }
            if (BidiProperties.arabic(cp) != UScript.hasScript(cp, UScript.ARABIC)) {
                assertThat(BidiProperties.arabic(cp)).as("Arabic U+%04X", cp).isEqualTo(UScript.hasScript(cp, UScript.ARABIC));
            }
            int type = UCharacter.getIntPropertyValue(cp, UProperty.BIDI_PAIRED_BRACKET_TYPE);
            if (BidiProperties.bracketType(cp) != type) {
                assertThat(BidiProperties.bracketType(cp)).as("bracket type of U+%04X", cp).isEqualTo(type);
            }
            if (BidiProperties.pairedBracket(cp) != UCharacter.getBidiPairedBracket(cp)) {
                assertThat(BidiProperties.pairedBracket(cp)).as("pair of U+%04X", cp)
                        .isEqualTo(UCharacter.getBidiPairedBracket(cp));
            }
            boolean quote = UCharacter.hasBinaryProperty(cp, UProperty.QUOTATION_MARK);
            if (BidiProperties.quotationMark(cp) != quote) {
                assertThat(BidiProperties.quotationMark(cp)).as("quotation mark U+%04X", cp).isEqualTo(quote);
            }
            brackets += type != UCharacter.BidiPairedBracketType.NONE ? 1 : 0;
        }
        // the properties are not all alike: the comparison above would catch a table of zeros
        assertThat(brackets).isGreaterThan(100);
        assertThat(BidiProperties.direction(0x0627)).isEqualTo(UCharacterDirection.RIGHT_TO_LEFT_ARABIC);
        assertThat(BidiProperties.direction('A')).isEqualTo(UCharacterDirection.LEFT_TO_RIGHT);
        assertThat(BidiProperties.pairedBracket('(')).isEqualTo(')');
        assertThat(BidiProperties.quotationMark('«')).isTrue();
        assertThat(BidiProperties.arabic(0x060C)).isTrue();
    }

    @Test
    void theShippedFile_isWhatTheBuildWritesNow_andADamagedOneIsRefused() throws Exception {
        byte[] shipped = dev.portolan.core.EmbeddedFiles.read(BidiProperties.FILE);
        assertThat(shipped).isEqualTo(BidiProperties.encode());
        byte[] damaged = shipped.clone();
        damaged[12] ^= 0x7f;
        assertThatThrownBy(() -> BidiProperties.decode(damaged)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BidiProperties.decode(java.util.Arrays.copyOf(shipped, shipped.length - 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BidiProperties.decode(java.util.Arrays.copyOf(shipped, 20)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BidiProperties.decode(new byte[3])).isInstanceOf(IllegalStateException.class);
    }
}
