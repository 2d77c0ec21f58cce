package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

/**
 * Every translated page bundle has exactly the English keys, every message parses as ICU in its
 * own language and uses the same argument names as the English one.
 */
class BundlesTest {
    @Test
    void everyPageBundleMatchesEnglish() {
        assertThat(BundleCheck.problems(Messages.PAGES)).isEmpty();
    }

    @Test
    void pageSentences_withoutIcu_sayWhatIcuSays_inEveryLanguage() {
        assertThat(BundleCheck.withoutIcu(Messages.PAGES, java.util.List.of())).isEmpty();
    }

    @Test
    void whatIsNotReadWithoutIcu_isDeclined() {
        java.util.Map<String, Object> none = java.util.Map.of();
        java.util.function.Function<Object, String> render = v -> null;
        LocaleData en = LocaleData.of("en");
        assertThat(LocaleFormat.format("'{quoted}'", none, render, en)).isNull();
        assertThat(LocaleFormat.format("{n, plural, offset:1 one {a} other {b}}", java.util.Map.of("n", 2), render, en)).isNull();
        assertThat(LocaleFormat.format("{n, number, percent}", java.util.Map.of("n", 2), render, en)).isNull();
        assertThat(LocaleFormat.format("{d, date}", java.util.Map.of("d", 2), render, en)).isNull();
        assertThat(LocaleFormat.format("{missing}", none, render, en)).isNull();
        assertThat(LocaleFormat.format("{n, plural, one {a} other {b}}", java.util.Map.of("n", "two"), render, en)).isNull();
        assertThat(LocaleFormat.format("{s, select, a {x} other {y}}", java.util.Map.of("s", 1), render, en)).isNull();
        assertThat(LocaleFormat.format("{n} ports", java.util.Map.of("n", -1), render, en)).isNull();
        // beyond 2^53 ICU reads a count as a double, and ICU formats it
        assertThat(LocaleFormat.format("{n} ports", java.util.Map.of("n", 1L << 53), render, en)).isNull();
        assertThat(LocaleFormat.format("{n, plural, one {#} other {# ports}}", java.util.Map.of("n", 1L << 53), render, en))
                .isNull();
        // a branch not chosen may use an argument that is not given, as in ICU
        assertThat(LocaleFormat.format("{s, select, a {{gone}} other {y}}", java.util.Map.of("s", "b"), render, en))
                .isEqualTo("y");
        assertThat(LocaleFormat.format("It''s {n, plural, =1 {exactly one} one {one} other {# ports}}.",
                java.util.Map.of("n", 12345), render, en)).isEqualTo("It's 12,345 ports.");
        assertThat(LocaleFormat.format("{n, plural, one {# порт} few {# порта} many {# портов} other {# порта}}",
                java.util.Map.of("n", 22), render, LocaleData.of("ru"))).isEqualTo("22 порта");
    }

    @Test
    void bundleText_isReadAsPropertiesReadsIt() throws Exception {
        String[] texts = {"a=b\nc = d\n", "  a : b\r\n# c=d\n! e=f\n\n\t\fg\th", "a\nb=\nc:\nd e f  \n",
            "a==b\na:=b\na = = b\n=x\n:y\n", "k=v\rl=w\r\nm=\u00e9t\u00e9", "esc=a\\tb\\\n  continued\nu=\\u00e9",
            "", "\n\n", "lonely"};
        for (String text : texts) {
            java.util.Properties p = new java.util.Properties();
            p.load(new java.io.StringReader(text));
            java.util.Map<String, String> expected = new java.util.HashMap<>();
            p.stringPropertyNames().forEach(k -> expected.put(k, p.getProperty(k)));
            assertThat(Messages.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void theCheckNamesWhatIsWrong() {
        assertThat(BundleCheck.arguments("{a} {n, plural, one {# {b}} other {{c}}}")).containsExactly("a", "b", "c",
                "n");
        assertThat(BundleCheck.problems("knowledge/no-such-bundle"))
                .containsExactly("no knowledge/no-such-bundle.properties on the class path");
    }

    @Test
    void fifteenLanguagesEnglishFirst() {
        assertThat(Languages.codes()).containsExactly("en", "es", "pt", "fr", "de", "ru", "zh", "ja", "hi", "bn", "id",
                "vi", "ar", "fa", "ps");
        assertThat(Languages.root()).isEqualTo(ULocale.ENGLISH);
        assertThat(Languages.find("pt-BR")).contains(ULocale.forLanguageTag("pt"));
        assertThat(Languages.find("zh")).contains(ULocale.forLanguageTag("zh-Hans"));
        assertThat(Languages.find("xx")).isEmpty();
        assertThat(Languages.find("")).isEmpty();
        assertThat(Languages.nativeName(ULocale.forLanguageTag("es"))).isEqualTo("Español");
        assertThat(Languages.nativeName(ULocale.forLanguageTag("ar"))).isEqualTo("العربية");
    }
}
