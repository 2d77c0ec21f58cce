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
