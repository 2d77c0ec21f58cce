package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The formatting data compiled at build time ({@link LocaleData}) answers as ICU does, in every
 * language of the pages: plural categories, counts grouped and not, lists, dates of every precision.
 */
class LocaleDataTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(20261207);

    private static long[] counts() {
        long[] out = new long[120_000 + 2_000];
        for (int i = 0; i < 120_000; i++) {
            out[i] = i;
        }
        for (int i = 120_000; i < out.length; i++) {
            // every magnitude below 2^53 (where ICU's message format reads a count exactly), and round millions
            out[i] = i % 3 == 0 ? 1_000_000L * RANDOM.nextInt(1, 10_000)
                    : RANDOM.nextLong(1, Math.min(1L << 53, (long) Math.pow(10, 1 + (i % 16))));
        }
        return out;
    }

    @Test
    void everyLanguageHasData() {
        for (ULocale language : Languages.all()) {
            LocaleData data = LocaleData.of(Languages.code(language));
            assertThat(data).as(language.toString()).isNotNull();
            assertThat(data.rightToLeft()).as(language.toString()).isEqualTo(language.isRightToLeft());
        }
        assertThat(LocaleData.of("xx")).isNull();
    }

    @Test
    void pluralCategories_areIcus() {
        long[] counts = counts();
        for (ULocale language : Languages.all()) {
            LocaleData data = LocaleData.of(Languages.code(language));
            // as ICU's message format chooses a branch (its PluralRules.select(long) differs above 2^31)
            MessageFormat icu = new MessageFormat("{n, plural, zero {zero} one {one} two {two} few {few} many {many}"
                    + " other {other}}", language);
            for (int i = 0; i < counts.length; i += i < 120_000 ? 5 : 1) {
                long n = counts[i];
                String chosen = icu.format(Map.of("n", n));
                if (!data.plural(n).equals(chosen)) {
                    assertThat(data.plural(n)).as("%s %d", language, n).isEqualTo(chosen);
                }
            }
        }
    }

    @Test
    void counts_groupedAndNot_areIcus() {
        long[] counts = counts();
        for (ULocale language : Languages.all()) {
            LocaleData data = LocaleData.of(Languages.code(language));
            NumberFormat grouped = NumberFormat.getInstance(language);
            MessageFormat plain = new MessageFormat("{n, number, ::group-off}", language);
            for (int i = 0; i < counts.length; i++) {
                long n = counts[i];
                String icu = grouped.format(n);
                if (!data.count(n, true).equals(icu)) {
                    assertThat(data.count(n, true)).as("%s %d", language, n).isEqualTo(icu);
                }
                if (i % 7 == 0) {
                    String ungrouped = plain.format(Map.of("n", n));
                    assertThat(data.count(n, false)).as("%s %d ungrouped", language, n).isEqualTo(ungrouped);
                }
            }
        }
    }

    @Test
    void lists_areIcus_spanishEBeforeI_included() {
        List<String> words = List.of("tcp", "udp", "Isla", "hielo", "hiato", "Hilo", "hi", "HI", "iOS", "Ídolo",
                "hIerro", "hE", "h", "i", "", "a\nb", "i\nx", "hix\n", "hi\n", "8080", "y", "e", "SCTP", "DCCP");
        for (ULocale language : Languages.all()) {
            LocaleData data = LocaleData.of(Languages.code(language));
            ListFormatter icu = ListFormatter.getInstance(language);
            for (int trial = 0; trial < 3_000; trial++) {
                int n = trial % 7;
                List<String> items = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    items.add(words.get(RANDOM.nextInt(words.size())));
                }
                assertThat(data.list(items)).as("%s %s", language, items).isEqualTo(icu.format(items));
            }
        }
    }

    @Test
    void spanishE_isIcusExpression() {
        Pattern icu = Pattern.compile("(i.*|hi|hi[^ae].*)", Pattern.CASE_INSENSITIVE);
        String alphabet = "iIhHaAeEoxÍı\n\r\u2028 ";
        for (int trial = 0; trial < 200_000; trial++) {
            StringBuilder w = new StringBuilder();
            for (int k = RANDOM.nextInt(6); k > 0; k--) {
                w.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            assertThat(LocaleData.spanishE(w.toString())).as("[%s]", w).isEqualTo(icu.matcher(w).matches());
        }
    }

    @Test
    void dates_ofEveryPrecision_areIcus() {
        for (ULocale language : Languages.all()) {
            LocaleData data = LocaleData.of(Languages.code(language));
            for (int year : new int[] {1, 9, 10, 99, 100, 999, 1000, 1969, 1970, 1984, 1999, 2000, 2009, 2010, 2025,
                2026, 2099, 9999}) {
                assertThat(data.date(year, 0, 0)).as("%s %d", language, year)
                        .isEqualTo(LocaleDataCompiler.icuDate(language, year, 0, 0));
                for (int month = 1; month <= 12; month++) {
                    assertThat(data.date(year, month, 0)).as("%s %d-%d", language, year, month)
                            .isEqualTo(LocaleDataCompiler.icuDate(language, year, month, 0));
                    for (int day : year == 2026 || year == 1984 ? new int[] {1, 2, 9, 10, 11, 19, 20, 28, 29, 30, 31}
                            : new int[] {1, 15, 28}) {
                        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
                            continue;
                        }
                        assertThat(data.date(year, month, day)).as("%s %d-%d-%d", language, year, month, day)
                                .isEqualTo(LocaleDataCompiler.icuDate(language, year, month, day));
                    }
                }
            }
        }
    }

    @Test
    void theCompiledFile_isWhatTheCompilerWritesNow() throws Exception {
        byte[] shipped = dev.portolan.core.EmbeddedFiles.read(LocaleData.FILE);
        assertThat(shipped).isNotNull();
        assertThat(new String(shipped, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(LocaleDataCompiler.compile());
    }

    @Test
    void pluralRules_readCldrsSyntax_andRefuseOtherText() {
        PluralRule rule = PluralRule.parse("one: i = 1 and v = 0 @integer 1; few: n % 100 = 3..10, 15 @integer 3~10;"
                + " many: i % 10 not in 0..3 and i is not 7; two: n within 2..2 or n = 200");
        assertThat(rule.select(1)).isEqualTo("one");
        assertThat(rule.select(103)).isEqualTo("few");
        assertThat(rule.select(115)).isEqualTo("few");
        assertThat(rule.select(24)).isEqualTo("many");
        assertThat(rule.select(12)).isEqualTo("other");
        assertThat(rule.select(2)).isEqualTo("two");
        assertThat(rule.select(200)).isEqualTo("two");
        assertThat(rule.select(0)).isEqualTo("other");
        for (String bad : new String[] {"one i = 1", "one: x = 1", "one: i = ", "one: i ~ 1", "one: i = 1 and"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> PluralRule.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void lineBreaks_fromTheCompiledRules_areThoseOfIcusFactory() {
        for (ULocale language : Languages.all()) {
            Messages messages = Messages.of(language);
            com.ibm.icu.text.BreakIterator own = com.ibm.icu.text.BreakIterator.getLineInstance(language);
            com.ibm.icu.text.BreakIterator data = PlainTextPage.lineBreaks(messages);
            assertThat(messages.data()).isNotNull();
            int texts = 0;
            for (String key : messages.keys()) {
                String text = Messages.pattern(messages, key) + " " + messages.literalText(key)
                        + " 8080/tcp e.g. 2,000+ (RFC 9110) — «guillemets» 「括弧」、句読点。 ‏٬ ผสม ไทย";
                own.setText(text);
                data.setText(text);
                List<Integer> a = new ArrayList<>();
                List<Integer> b = new ArrayList<>();
                for (int e = own.first(); e != com.ibm.icu.text.BreakIterator.DONE; e = own.next()) {
                    a.add(e);
                }
                for (int e = data.first(); e != com.ibm.icu.text.BreakIterator.DONE; e = data.next()) {
                    b.add(e);
                }
                assertThat(b).as("%s %s", language, key).isEqualTo(a);
                texts++;
            }
            assertThat(texts).as(language.toString()).isGreaterThan(500);
        }
    }
}
