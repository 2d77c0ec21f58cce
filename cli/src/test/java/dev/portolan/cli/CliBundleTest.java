package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.knowledge.text.BundleCheck;
import dev.portolan.knowledge.text.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The command line's bundle, checked as the page bundle is: every key in every language, valid ICU, the same arguments. */
class CliBundleTest {
    @Test
    void everyLanguage_hasEveryKey_withEnglishArguments_inValidIcu() {
        assertThat(BundleCheck.problems(CliText.BUNDLE)).isEmpty();
    }

    @Test
    void sentences_withoutIcu_sayWhatIcuSays_inEveryLanguage() {
        assertThat(BundleCheck.withoutIcu(CliText.BUNDLE, java.util.List.of())).isEmpty();
    }

    @Test
    void english_counts_areGroupedAsIcuGroupsThem() {
        assertThat(CliText.english().say("free.stillHeld", "port", "80", "count", 1234))
                .isEqualTo("port 80 is still held (1,234 sockets)");
        assertThat(CliText.english().say("free.stillHeld", "port", "80", "count", 1))
                .isEqualTo("port 80 is still held (1 socket)");
    }

    @Test
    void everyLanguage_ofThePages_hasAFile() {
        for (String code : Languages.codes().subList(1, Languages.codes().size())) {
            assertThat(CliBundleTest.class.getClassLoader().getResource(CliText.BUNDLE + "_" + code + ".properties"))
                    .as(code).isNotNull();
        }
    }

    /** An ASCII apostrophe starts a quoted stretch in ICU before a brace; translations write ’ or double it. */
    @Test
    void noTranslation_quotesAnArgumentAway() throws IOException {
        for (String code : Languages.codes()) {
            String file = CliText.BUNDLE + (code.equals("en") ? "" : "_" + code) + ".properties";
            Properties p = new Properties();
            try (InputStream in = CliBundleTest.class.getClassLoader().getResourceAsStream(file)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key).replace("''", "")).as(file + " " + key).doesNotContainPattern("'[{}#|]");
            }
        }
    }
}
