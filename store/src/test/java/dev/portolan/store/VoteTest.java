package dev.portolan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Vote} validates its fields and normalises the language. */
class VoteTest {
    private static final String LANG_RULE = "expected 2-3 letters, optionally followed by a 4-letter script and a "
            + "region (2 letters or 3 digits), separated by '-', such as en, de-CH, zh-Hant or es-419";

    @ParameterizedTest
    @CsvSource({"en,en", "EN,en", "de-CH,de", "de-ch,de", "zh-Hant,zh", "zh-Hant-TW,zh", "es-419,es", "gsw,gsw",
        "Gsw-LI,gsw", "sr-Latn-RS,sr"})
    void languageTag_isNormalisedToItsLowerCaseLanguage(String tag, String language) {
        assertThat(new Vote(443, tag, Reaction.HELPFUL).lang()).isEqualTo(language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "e", "engl", "en_US", "en-", "-en", "en-U", "en-USA", "en-12", "en-1234", "de-CH-x",
        "en-Latn-Latn", "en-US-Latn", "e1", "é", "en-us-us", "de CH", " en", "en-Hant-419-x", "x-private"})
    void badLanguageTag_isRefusedWithTheValueAndTheRule(String tag) {
        assertThatThrownBy(() -> new Vote(443, tag, Reaction.HELPFUL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lang \"" + tag + "\" is not a language tag: " + LANG_RULE);
    }

    @Test
    void missingLanguage_isRefused() {
        assertThatThrownBy(() -> new Vote(443, nullString(), Reaction.HELPFUL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lang is missing: " + LANG_RULE);
    }

    @Test
    void longOrControlCharacterLanguage_isQuotedShortAndOnOneLine() {
        String evil = "en\n" + "x".repeat(1000);

        assertThatThrownBy(() -> new Vote(443, evil, Reaction.HELPFUL))
                .hasMessage("lang \"en?" + "x".repeat(37) + "...\" is not a language tag: " + LANG_RULE);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void portOutOfRange_isRefused(int port) {
        assertThatThrownBy(() -> new Vote(port, "en", Reaction.HELPFUL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port " + port + " is out of range: expected 0-65535");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 443, 65_535})
    void portInRange_isKept(int port) {
        assertThat(new Vote(port, "en", Reaction.NEUTRAL).port()).isEqualTo(port);
    }

    @Test
    void missingReaction_isRefused() {
        assertThatThrownBy(() -> new Vote(443, "en", nullReaction()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reaction is missing: expected unhelpful, neutral or helpful");
    }

    @Test
    void reactions_haveLowerCaseWireNamesThatRoundTrip() {
        assertThat(Reaction.UNHELPFUL.wireName()).isEqualTo("unhelpful");
        assertThat(Reaction.NEUTRAL.wireName()).isEqualTo("neutral");
        assertThat(Reaction.HELPFUL.wireName()).isEqualTo("helpful");
        for (Reaction r : Reaction.values()) {
            assertThat(Reaction.fromWireName(r.wireName())).contains(r);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "HELPFUL", "Helpful", " helpful", "helpful ", "yes", "1"})
    void unknownWireName_isEmpty(String name) {
        assertThat(Reaction.fromWireName(name)).isEmpty();
    }

    @Test
    void nullWireName_isEmpty() {
        assertThat(Reaction.fromWireName(null)).isEmpty();
    }

    /** Whatever a client sends as lang, the vote is either valid and normalised or refused as such. */
    @Property(tries = 2000)
    void anyLanguage_isNormalisedOrRefusedWithTheRule(@ForAll("tags") String tag) {
        try {
            Vote v = new Vote(80, tag, Reaction.UNHELPFUL);
            assertThat(v.lang()).matches("[a-z]{2,3}");
            assertThat(tag.toLowerCase(java.util.Locale.ROOT)).startsWith(v.lang());
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("lang \"").endsWith(LANG_RULE).doesNotContain("\n", "\r");
        }
    }

    @Provide
    Arbitrary<String> tags() {
        Arbitrary<String> part = Arbitraries.strings().withChars("aZ9-_ é\n").ofMinLength(0).ofMaxLength(5);
        Arbitrary<String> plausible = Arbitraries.of("en", "de", "zh", "gsw").flatMap(l -> Arbitraries
                .of("", "-CH", "-Hant", "-Hant-TW", "-419", "-x", "-US-Latn").map(s -> l + s));
        return Arbitraries.oneOf(part.list().ofMaxSize(4).map(l -> String.join("-", l)), plausible,
                Arbitraries.strings().ofMaxLength(60));
    }

    private static String nullString() {
        return null;
    }

    private static Reaction nullReaction() {
        return null;
    }
}
