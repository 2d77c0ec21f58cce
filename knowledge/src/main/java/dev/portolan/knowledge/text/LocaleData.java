package dev.portolan.knowledge.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What formatting a sentence needs of its language beyond its words: the plural rules, how a
 * count is written (digits, grouping), how a list is joined, how a date is written (patterns,
 * month names, digits) and the direction of the script. ICU knows all of it, but its first plural
 * rule, number, list and date cost a command line some 150 ms of CPU time to load (bench/README.md);
 * the build asks ICU once ({@link LocaleDataCompiler}) and writes the answers to {@value #FILE},
 * which this class reads. Tests compare every answer with ICU's in every language.
 *
 * <p>The file holds one section a language, {@code [de]}, of lines {@code key=value} (the value
 * is everything after the first {@code =}, spaces included). Immutable.
 */
public final class LocaleData {
    /** The compiled formatting data of every language, on the class path. */
    public static final String FILE = "knowledge/locales.txt";

    /** The languages read so far (null for one the file lacks), guarded by the class. */
    private static final Map<String, @Nullable LocaleData> READ = new HashMap<>();

    private final String language;
    private final boolean rightToLeft;
    private final String lineBreaks;
    private final PluralRule plurals;
    private final String[] digits;
    private final String groupingSeparator;
    private final int primaryGroup;
    private final int secondaryGroup;
    private final int minimumGrouping;
    private final Pattern2 two;
    private final Pattern2 start;
    private final Pattern2 middle;
    private final Pattern2 end;
    private final String yearPattern;
    private final String monthPattern;
    private final String dayPattern;
    private final String[] months;
    private final String[] standaloneMonths;
    private final String[] dateDigits;

    /** A list pattern of two places, {@code {0}} and {@code {1}}: the text before, between and after. */
    private record Pattern2(String before, String between, String after) {
        static Pattern2 of(String pattern) {
            int first = pattern.indexOf("{0}");
            int second = pattern.indexOf("{1}");
            if (first < 0 || second < first) {
                throw new IllegalArgumentException("not a list pattern: " + pattern);
            }
            return new Pattern2(pattern.substring(0, first), pattern.substring(first + 3, second), pattern.substring(second + 3));
        }

        /** {@code out} holds {@code {0}}; it becomes the pattern with {@code next} as {@code {1}}. */
        void join(StringBuilder out, String next) {
            out.insert(0, before).append(between).append(next).append(after);
        }
    }

    private LocaleData(String language, Map<String, String> v) {
        this.language = language;
        this.rightToLeft = Boolean.parseBoolean(get(v, "rtl"));
        this.lineBreaks = get(v, "linebreak");
        this.plurals = PluralRule.parse(get(v, "plural"));
        this.digits = tenDigits(get(v, "digits"));
        this.groupingSeparator = get(v, "group.separator");
        String[] sizes = words(get(v, "group.sizes"), 3);
        this.primaryGroup = Integer.parseInt(sizes[0]);
        this.secondaryGroup = Integer.parseInt(sizes[1]);
        this.minimumGrouping = Integer.parseInt(sizes[2]);
        this.two = Pattern2.of(get(v, "list.two"));
        this.start = Pattern2.of(get(v, "list.start"));
        this.middle = Pattern2.of(get(v, "list.middle"));
        this.end = Pattern2.of(get(v, "list.end"));
        this.yearPattern = get(v, "date.y");
        this.monthPattern = get(v, "date.yMMMM");
        this.dayPattern = get(v, "date.yMMMMd");
        this.months = words(get(v, "months"), 12, '|');
        this.standaloneMonths = words(get(v, "months.standalone"), 12, '|');
        this.dateDigits = tenDigits(get(v, "date.digits"));
    }

    /**
     * The data of a language by its code ({@code de}, {@code zh-Hans}), or null when the build
     * compiled none for it (a sentence is then formatted by ICU).
     */
    public static synchronized @Nullable LocaleData of(String language) {
        if (!READ.containsKey(language)) {
            READ.put(language, read(language));
        }
        return READ.get(language);
    }

    private static @Nullable LocaleData read(String language) {
        byte[] bytes;
        try {
            bytes = dev.portolan.core.EmbeddedFiles.read(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        if (bytes == null) {
            return null;
        }
        // only the language's section is decoded (decoding the whole file cost a start 1.5 ms)
        byte[] header = ("[" + language + "]\n").getBytes(StandardCharsets.UTF_8);
        int at = find(bytes, header, 0);
        while (at > 0 && bytes[at - 1] != '\n') {
            at = find(bytes, header, at + 1);
        }
        if (at < 0) {
            return null;
        }
        int from = at + header.length;
        int to = find(bytes, new byte[] {'\n', '['}, from);
        return parse(language, new String(bytes, from, (to < 0 ? bytes.length : to + 1) - from, StandardCharsets.UTF_8));
    }

    /** Where {@code what} first occurs in {@code bytes} from {@code from} on, or -1. */
    private static int find(byte[] bytes, byte[] what, int from) {
        for (int i = from; i + what.length <= bytes.length; i++) {
            int k = 0;
            while (k < what.length && bytes[i + k] == what[k]) {
                k++;
            }
            if (k == what.length) {
                return i;
            }
        }
        return -1;
    }

    /** A language's data from the lines {@code key=value} of its section (lines of {@code #} or {@code [} skipped). */
    static LocaleData parse(String language, String lines) {
        Map<String, String> values = new HashMap<>();
        int at = 0;
        while (at < lines.length()) {
            int eol = lines.indexOf('\n', at);
            if (eol < 0) {
                eol = lines.length();
            }
            int eq = lines.indexOf('=', at);
            if (eq > at && eq < eol && lines.charAt(at) != '#' && lines.charAt(at) != '[') {
                values.put(lines.substring(at, eq), lines.substring(eq + 1, eol));
            }
            at = eol + 1;
        }
        return new LocaleData(language, values);
    }

    private static String get(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException(FILE + ": no " + key);
        }
        return v;
    }

    private static String[] tenDigits(String text) {
        return words(text, 10, ' ');
    }

    private static String[] words(String text, int count) {
        return words(text, count, ' ');
    }

    /** The parts of a text between separators, exactly {@code count} of them. */
    private static String[] words(String text, int count, char separator) {
        String[] out = new String[count];
        int at = 0;
        for (int i = 0; i < count; i++) {
            int next = text.indexOf(separator, at);
            if (next < 0) {
                next = text.length();
            }
            out[i] = text.substring(at, next);
            at = next + 1;
        }
        if (at <= text.length()) {
            throw new IllegalStateException(FILE + ": more than " + count + " parts in " + text);
        }
        return out;
    }

    /** The language's code. */
    public String language() {
        return language;
    }

    /** Whether the language is written right to left. */
    public boolean rightToLeft() {
        return rightToLeft;
    }

    /**
     * The file of ICU's compiled line-breaking rules for the language on the class path ({@code
     * com/ibm/icu/impl/data/icudata/brkitr/line_cj.brk} for Chinese): ICU's line break iterator made from
     * it directly ({@link PlainTextPage}) skips ICU's resource bundles, which cost a command line
     * some 50 ms of CPU time to load.
     */
    public String lineBreakRules() {
        return lineBreaks;
    }

    /** The plural category of a count: {@code zero}, {@code one}, {@code two}, {@code few}, {@code many} or {@code other}. */
    public String plural(long count) {
        return plurals.select(count);
    }

    /** A count as the language writes it, with its digits grouped (or not), as ICU's number format does. */
    public String count(long count, boolean grouping) {
        StringBuilder out = new StringBuilder(24);
        count(out, count, grouping);
        return out.toString();
    }

    /** Appends {@link #count(long, boolean)}. */
    void count(StringBuilder out, long count, boolean grouping) {
        if (count < 0) {
            throw new IllegalArgumentException("a negative count: " + count);
        }
        String plain = Long.toString(count);
        int length = plain.length();
        boolean grouped = grouping && primaryGroup > 0 && length - primaryGroup >= minimumGrouping;
        for (int i = 0; i < length; i++) {
            int position = length - 1 - i; // the digit's place, 0 for the units
            out.append(digits[plain.charAt(i) - '0']);
            if (grouped && isGroupEnd(position)) {
                out.append(groupingSeparator);
            }
        }
    }

    /** Whether a separator follows the digit at a place: ICU's grouping positions (3, 6, 9 or, in India, 3, 5, 7). */
    private boolean isGroupEnd(int position) {
        int p = position - primaryGroup;
        return p >= 0 && p % secondaryGroup == 0;
    }

    /** Items joined as the language joins a list of things ({@code a, b und c}), as ICU's list format does. */
    public String list(List<String> items) {
        int n = items.size();
        if (n == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(items.get(0));
        if (n == 1) {
            return out.toString();
        }
        if (n == 2) {
            join(out, two, items.get(1));
            return out.toString();
        }
        join(out, start, items.get(1));
        for (int i = 2; i < n - 1; i++) {
            join(out, middle, items.get(i));
        }
        join(out, end, items.get(n - 1));
        return out.toString();
    }

    private void join(StringBuilder out, Pattern2 pattern, String next) {
        if (language.equals("es") && pattern.between().equals(" y ") && spanishE(next)) {
            // Spanish writes "e" for "y" before a word that starts with the sound i (ICU's rule)
            new Pattern2(pattern.before(), " e ", pattern.after()).join(out, next);
        } else {
            pattern.join(out, next);
        }
    }

    /**
     * Whether a word takes Spanish "e" instead of "y", as ICU decides it: the word matches {@code
     * (i.*|hi|hi[^ae].*)} ignoring the case of ASCII letters, where {@code .} is any character but
     * a line terminator.
     */
    static boolean spanishE(String word) {
        int n = word.length();
        if (n >= 1 && isAsciiLetter(word, 0, 'i')) {
            return noLineTerminator(word, 1);
        }
        if (n >= 2 && isAsciiLetter(word, 0, 'h') && isAsciiLetter(word, 1, 'i')) {
            if (n == 2) {
                return true;
            }
            char third = word.charAt(2);
            return third != 'a' && third != 'e' && third != 'A' && third != 'E' && noLineTerminator(word, 3);
        }
        return false;
    }

    private static boolean noLineTerminator(String word, int from) {
        for (int i = from; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(String word, int at, char lower) {
        char c = word.charAt(at);
        return c == lower || c == Character.toUpperCase(lower);
    }

    /**
     * A date as the language writes it in the Gregorian calendar, as precise as it is known, as
     * ICU writes the skeletons {@code yMMMMd}, {@code yMMMM} and {@code y}.
     *
     * @param month 1 to 12, or 0 for a year alone
     * @param day 1 to 31, or 0 for a month alone
     */
    public String date(int year, int month, int day) {
        String pattern = month == 0 ? yearPattern : day == 0 ? monthPattern : dayPattern;
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < pattern.length(); ) {
            char c = pattern.charAt(i);
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            if (c == '\'') {
                if (run >= 2) {
                    // '' is an apostrophe (each pair)
                    for (int k = 0; k < run / 2; k++) {
                        out.append('\'');
                    }
                    i += run - run % 2;
                    continue;
                }
                int close = i + 1;
                while (close < pattern.length()) {
                    if (pattern.charAt(close) == '\'') {
                        if (close + 1 < pattern.length() && pattern.charAt(close + 1) == '\'') {
                            out.append('\'');
                            close += 2;
                            continue;
                        }
                        break;
                    }
                    out.append(pattern.charAt(close));
                    close++;
                }
                i = close + 1;
                continue;
            }
            switch (c) {
                case 'y' -> number(out, year, run == 2 ? 2 : run, run == 2);
                case 'd' -> number(out, day, run, false);
                case 'M', 'L' -> {
                    if (run == 4) {
                        out.append((c == 'M' ? months : standaloneMonths)[month - 1]);
                    } else if (run <= 2) {
                        number(out, month, run, false);
                    } else {
                        throw new IllegalStateException(FILE + ": only wide month names are compiled: " + pattern);
                    }
                }
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                        throw new IllegalStateException(FILE + ": the date pattern field " + c + " is not read here: " + pattern);
                    }
                    for (int k = 0; k < run; k++) {
                        out.append(c);
                    }
                }
            }
            i += run;
        }
        return out.toString();
    }

    /** A date field in the date's digits, at least {@code width} of them (the last two of a two-digit year). */
    private void number(StringBuilder out, int value, int width, boolean twoDigitYear) {
        String plain = Integer.toString(twoDigitYear ? value % 100 : value);
        for (int k = plain.length(); k < width; k++) {
            out.append(dateDigits[0]);
        }
        for (int k = 0; k < plain.length(); k++) {
            out.append(dateDigits[plain.charAt(k) - '0']);
        }
    }
}
