package dev.portolan.knowledge.text;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Build step: asks ICU, once, what formatting each language of the pages needs (plural rules,
 * digits and grouping, list patterns, date patterns and month names, direction) and writes the
 * answers to {@value LocaleData#FILE} in a build's class folder, which {@link LocaleData} reads
 * at run time instead of loading ICU's data; and the terminal columns of every character to
 * {@value Columns#FILE} ({@link Columns}), and the bidirectional properties of every character to
 * {@value BidiProperties#FILE} ({@link BidiProperties}). Each language's answers are read back and checked
 * against ICU on a few samples before the file is written; the tests compare many more.
 *
 * <p>Usage: {@code LocaleDataCompiler CLASS_FOLDER}.
 */
public final class LocaleDataCompiler {
    /** Dates are Gregorian in every language (see {@link Messages#date}). */
    private static final String[] SKELETONS = {"y", "yMMMM", "yMMMMd"};
    private static final String[] KEYS = {"date.y", "date.yMMMM", "date.yMMMMd"};

    private LocaleDataCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LocaleDataCompiler CLASS_FOLDER");
        }
        Path file = Path.of(args[0]).resolve(LocaleData.FILE);
        String text = compile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.write(Path.of(args[0]).resolve(Columns.FILE), Columns.encode());
        Files.write(Path.of(args[0]).resolve(BidiProperties.FILE), BidiProperties.encode());
    }

    /** The file's text for every language of the pages. */
    static String compile() {
        StringBuilder out = new StringBuilder();
        out.append("# What formatting needs of each language, as ICU ").append(VersionInfo.ICU_VERSION)
                .append(" says it (LocaleDataCompiler); read by LocaleData. Generated at build time.\n");
        for (ULocale language : Languages.all()) {
            out.append(section(language));
        }
        return out.toString();
    }

    /** One language's section, checked against ICU. */
    static String section(ULocale language) {
        String code = Languages.code(language);
        StringBuilder out = new StringBuilder();
        out.append('[').append(code).append("]\n");
        line(out, "rtl", Boolean.toString(language.isRightToLeft()));
        // the file of compiled line-breaking rules ICU's line break iterator uses for the language
        // (ICU's own lookup, as its BreakIteratorFactory makes it; tests compare the breaks)
        line(out, "linebreak", com.ibm.icu.impl.ICUData.ICU_BRKITR_BASE_NAME + "/"
                + ((com.ibm.icu.impl.ICUResourceBundle) com.ibm.icu.util.UResourceBundle.getBundleInstance(
                        com.ibm.icu.impl.ICUData.ICU_BRKITR_BASE_NAME, language,
                        com.ibm.icu.impl.ICUResourceBundle.ICU_DATA_CLASS_LOADER)).getStringWithFallback("boundaries/line"));
        PluralRules rules = PluralRules.forLocale(language);
        List<String> plural = new ArrayList<>();
        // ICU writes its rules "one: i = 1 and v = 0 @integer 1; other: @integer 0, 2~16": the samples go
        for (String rule : rules.toString().split(";")) {
            int samples = rule.indexOf('@');
            String condition = (samples < 0 ? rule : rule.substring(0, samples)).strip();
            if (!condition.startsWith("other:")) {
                plural.add(condition);
            }
        }
        line(out, "plural", String.join("; ", plural));
        DecimalFormat numbers = (DecimalFormat) NumberFormat.getInstance(language);
        line(out, "digits", String.join(" ", numbers.getDecimalFormatSymbols().getDigitStrings()));
        line(out, "group.separator", numbers.getDecimalFormatSymbols().getGroupingSeparatorString());
        int primary = numbers.isGroupingUsed() ? numbers.getGroupingSize() : 0;
        int secondary = numbers.getSecondaryGroupingSize() > 0 ? numbers.getSecondaryGroupingSize() : primary;
        line(out, "group.sizes", primary + " " + secondary + " " + minimumGrouping(numbers, primary));
        ListFormatter lists = ListFormatter.getInstance(language);
        String a = "\uE000";
        String b = "\uE001";
        String c = "\uE002";
        String d = "\uE003";
        line(out, "list.two", lists.format(a, b).replace(a, "{0}").replace(b, "{1}"));
        String three = lists.format(a, b, c);
        String four = lists.format(a, b, c, d);
        if (!three.startsWith(a) || !three.endsWith(c) || !four.startsWith(a) || !four.endsWith(d)) {
            throw new IllegalStateException(code + ": a list pattern with text around the items: " + three);
        }
        line(out, "list.start", "{0}" + between(three, a, b) + "{1}");
        line(out, "list.middle", "{0}" + between(four, b, c) + "{1}");
        line(out, "list.end", "{0}" + between(three, b, c) + "{1}");
        SimpleDateFormat dates = null;
        for (int i = 0; i < SKELETONS.length; i++) {
            dates = dateFormat(SKELETONS[i], language);
            line(out, KEYS[i], dates.toPattern());
        }
        DateFormatSymbols symbols = dates.getDateFormatSymbols();
        line(out, "months", String.join("|", symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE)));
        line(out, "months.standalone", String.join("|", symbols.getMonths(DateFormatSymbols.STANDALONE, DateFormatSymbols.WIDE)));
        // a date's numbers in the language's own digits (its numbering system), as its numbers are
        String system = com.ibm.icu.text.NumberingSystem.getInstance(language.setKeywordValue("calendar", "gregorian"))
                .getDescription();
        List<String> dateDigits = new ArrayList<>();
        for (int i = 0; i < system.length(); i += Character.charCount(system.codePointAt(i))) {
            dateDigits.add(new String(Character.toChars(system.codePointAt(i))));
        }
        line(out, "date.digits", String.join(" ", dateDigits));
        check(code, out.toString(), language);
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalStateException(key + " holds a line break: " + value);
        }
        out.append(key).append('=').append(value).append('\n');
    }

    private static String between(String text, String first, String second) {
        return text.substring(text.indexOf(first) + first.length(), text.indexOf(second));
    }

    /** The fewest digits left of the first separator for ICU to group at all (2 where 1234 stays whole). */
    private static int minimumGrouping(DecimalFormat numbers, int primary) {
        if (primary <= 0) {
            return 1;
        }
        String separator = numbers.getDecimalFormatSymbols().getGroupingSeparatorString();
        for (int m = 1; m <= 4; m++) {
            if (numbers.format(Math.pow(10, primary + m - 1)).contains(separator)) {
                return m;
            }
        }
        throw new IllegalStateException("a number format that groups no number up to 10^" + (primary + 4));
    }

    /** ICU's format of a date skeleton, as {@link Messages} makes it. */
    static SimpleDateFormat dateFormat(String skeleton, ULocale language) {
        return (SimpleDateFormat) Messages.icuDateFormat(skeleton, language);
    }

    /** ICU's text of a date, as precise as it is given (month or day 0 for unknown), as {@link Messages} writes it. */
    static String icuDate(ULocale language, int year, int month, int day) {
        return Messages.format(Messages.icuDateFormat(Messages.skeleton(year, month, day), language), year, month, day);
    }

    /** Reads a section back and compares a few answers with ICU's. */
    private static void check(String code, String section, ULocale language) {
        LocaleData data = LocaleData.parse(code, section);
        NumberFormat numbers = NumberFormat.getInstance(language);
        for (long n : new long[] {0, 1, 2, 5, 11, 21, 101, 1234, 12_345, 1_234_567, 1_000_000}) {
            expect(code, "count " + n, numbers.format(n), data.count(n, true));
            expect(code, "plural " + n, PluralRules.forLocale(language).select(n), data.plural(n));
        }
        List<String> items = List.of("A", "B", "C", "D", "E");
        for (int n = 0; n <= items.size(); n++) {
            expect(code, "list of " + n, ListFormatter.getInstance(language).format(items.subList(0, n)),
                    data.list(items.subList(0, n)));
        }
        for (int[] date : new int[][] {{2026, 12, 7}, {1981, 9, 0}, {1969, 0, 0}, {2000, 1, 1}}) {
            expect(code, "date " + java.util.Arrays.toString(date), icuDate(language, date[0], date[1], date[2]),
                    data.date(date[0], date[1], date[2]));
        }
    }

    private static void expect(String code, String what, String icu, String compiled) {
        if (!icu.equals(compiled)) {
            throw new IllegalStateException(code + ": " + what + " is \"" + compiled + "\" from the compiled data, \""
                    + icu + "\" from ICU");
        }
    }
}
