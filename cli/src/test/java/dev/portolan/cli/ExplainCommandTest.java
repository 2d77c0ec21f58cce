package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portolan explain}: the page as text, in the language asked for or the environment's. */
class ExplainCommandTest {
    @TempDir
    Path home;

    @Test
    void english_byDefault() {
        Cli.Run run = Cli.run(home, "explain", "60");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Port 60").contains("portolan check 60").doesNotContain("{");
    }

    @Test
    void eachLanguage_isItsOwn() {
        String english = Cli.run(home, "explain", "443").out();
        for (String lang : new String[] {"es", "de", "ru", "zh", "ja", "hi", "bn", "ar", "fa", "ps"}) {
            Cli.Run run = Cli.run(home, "explain", "443", "--lang", lang);
            assertThat(run.code()).as(lang).isZero();
            assertThat(run.out()).as(lang).isNotEqualTo(english).contains("443").contains("portolan check 443")
                    .doesNotContain("{");
        }
    }

    @Test
    void aRegionalTag_meansItsLanguage() {
        assertThat(Cli.run(home, "explain", "22", "--lang", "pt-BR").out())
                .isEqualTo(Cli.run(home, "explain", "22", "--lang", "pt").out());
    }

    @Test
    void theEnvironment_choosesWhenNoLangIsGiven() {
        String german = Cli.run(home, "explain", "22", "--lang", "de").out();
        assertThat(Cli.runWithEnv(home, Map.of("LANG", "de_DE.UTF-8"), "explain", "22").out()).isEqualTo(german);
        assertThat(Cli.runWithEnv(home, Map.of("LANG", "en_US.UTF-8", "LC_ALL", "de_AT"), "explain", "22").out())
                .isEqualTo(german);
        String english = Cli.run(home, "explain", "22").out();
        assertThat(Cli.runWithEnv(home, Map.of("LANG", "C.UTF-8"), "explain", "22").out()).isEqualTo(english);
        assertThat(Cli.runWithEnv(home, Map.of("LANG", "sv_SE.UTF-8"), "explain", "22").out()).isEqualTo(english);
        // --lang wins over the environment
        assertThat(Cli.runWithEnv(home, Map.of("LANG", "de_DE.UTF-8"), "explain", "22", "--lang", "en").out())
                .isEqualTo(english);
    }

    @Test
    void anUnknownLanguage_isRefusedWithTheList() {
        Cli.Run run = Cli.run(home, "explain", "22", "--lang", "xx");
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("--lang 'xx' is not a language of the pages; choose one of en, es, pt, fr, de,"
                + " ru, zh, ja, hi, bn, id, vi, ar, fa, ps");
    }
}
