package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {
    @Test
    void wordsAreFoldedAndSplitOnPunctuation() {
        assertThat(SearchText.words("MS-WBT-Server")).containsExactly("ms", "wbt", "server");
        assertThat(SearchText.whole("Minecraft: Java Edition server")).isEqualTo("minecraft java edition server");
        assertThat(SearchText.words("Télécharger ÉCOLE straße")).containsExactly("telecharger", "ecole", "strasse");
        assertThat(SearchText.words("  --  ")).isEmpty();
    }

    @Test
    void isolateMarksCopiedFromARightToLeftPageAreNoPartOfAWord() {
        // what a reader copies from an Arabic sentence: ⁦ms-wbt-server⁩ (left-to-right isolate … pop)
        assertThat(SearchText.words("\u2066MS-WBT-Server\u2069")).containsExactly("ms", "wbt", "server");
        assertThat(SearchText.words("المنفذ \u2066RDP (ms-wbt-server)\u2069")).containsExactly("المنفذ", "rdp", "ms",
                "wbt", "server");
        assertThat(SearchText.words("\u206849152\u2069")).containsExactly("49152");
    }

    @Test
    void russianYoIsYe_butShortIKeepsItsBreve() {
        assertThat(SearchText.words("Удалённый стол")).containsExactly("удаленный", "стол");
        assertThat(SearchText.words("й")).containsExactly("й");
    }

    @Test
    void arabicShortVowelsAreDropped_butDevanagariVowelSignsStay() {
        assertThat(SearchText.words("مَنْفَذ")).containsExactly("منفذ");
        assertThat(SearchText.words("पोर्ट")).containsExactly("पोर्ट");
        assertThat(SearchText.words("পোর্ট")).containsExactly("পোর্ট");
    }

    @Test
    void chineseAndJapanese_becomeOverlappingPairs_andDigitsOrLatinStayApart() {
        assertThat(SearchText.words("远程桌面")).containsExactly("远程", "程桌", "桌面");
        assertThat(SearchText.words("dns服务器")).containsExactly("dns", "服务", "务器");
        assertThat(SearchText.words("端")).containsExactly("端");
        assertThat(SearchText.words("リモートデスクトップ")).startsWith("リモ", "モー", "ート");
    }

    @Test
    void asciiNeedsNoIcu_andGivesTheSameAsIcuWould() {
        assertThat(SearchText.fold("PostgreSQL")).isEqualTo("postgresql");
        assertThat(SearchText.fold("PostgreSQL\u00e9")).isEqualTo("postgresqle");
    }
}
