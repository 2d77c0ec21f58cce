package dev.portolan.knowledge.text;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.portolan.knowledge.page.PageDate;
import dev.portolan.knowledge.page.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The sentences of one locale: ICU MessageFormat patterns from UTF-8 {@code .properties} bundles,
 * with the English root bundle as the fallback for a key a locale lacks. Instances are immutable,
 * cached per locale and bundle set, and safe to share between threads.
 *
 * <p>A bundle is a set of files {@code <base>.properties} (English, the root) and {@code
 * <base>_<lang>.properties}. The page bundle is {@value #PAGES}; other modules add their own (the
 * web site's frame) by naming them.
 */
public final class Messages {
    /** The base name of the page sentences. */
    public static final String PAGES = "knowledge/messages";

    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();

    /** The language's code ({@code en}, {@code de}). */
    private final String language;
    /** The locale, made when ICU is first needed: English sentences need none. */
    private volatile @Nullable ULocale locale;
    /** The language's formatting data compiled at build time, with which {@link LocaleFormat} formats its sentences without ICU; null without. */
    private final @Nullable LocaleData data;
    private final Patterns patterns;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<String, DateFormat> dates = new ConcurrentHashMap<>();

    /** A compiled message and the names of its arguments that choose a branch ({@code select}). */
    private record Compiled(MessageFormat format, java.util.Set<String> selectors) {
        static Compiled of(String pattern, ULocale locale) {
            com.ibm.icu.text.MessagePattern mp = new com.ibm.icu.text.MessagePattern(pattern);
            java.util.Set<String> selectors = new java.util.HashSet<>();
            for (int i = 0; i + 1 < mp.countParts(); i++) {
                com.ibm.icu.text.MessagePattern.Part part = mp.getPart(i);
                if (part.getType() == com.ibm.icu.text.MessagePattern.Part.Type.ARG_START
                        && part.getArgType() == com.ibm.icu.text.MessagePattern.ArgType.SELECT) {
                    selectors.add(mp.getSubstring(mp.getPart(i + 1)));
                }
            }
            return new Compiled(new MessageFormat(pattern, locale), java.util.Set.copyOf(selectors));
        }
    }
    /** Made on the first list to join: ICU's list data costs a command line about 70 ms to load. */
    private volatile @Nullable ListFormatter lists;

    private Messages(String language, @Nullable ULocale locale, Patterns patterns) {
        this.language = language;
        this.locale = locale;
        this.data = LocaleData.of(language);
        this.patterns = patterns;
    }

    /** The page sentences in a language. */
    public static Messages of(ULocale locale) {
        return of(locale, List.of(PAGES));
    }

    /**
     * The page sentences in a language given by its code ({@code de}), without making its ICU
     * locale until ICU is needed: a command line that writes in a language with compiled
     * formatting data ({@link LocaleData}) makes none (ICU's locale costs its start milliseconds).
     */
    public static Messages of(String code) {
        return of(code, List.of(PAGES));
    }

    /**
     * Starts reading the page sentences of a language on a background thread, for a short-lived
     * program that will format page sentences after other work; for a right-to-left language also
     * ICU's bidirectional classes, and for a language without compiled formatting data ({@link
     * LocaleData}) ICU's list, plural, number and date formatting, whose first use costs a command
     * line tens of milliseconds.
     */
    public static void prepareInBackground(String code) {
        if (code.equals("en")) {
            return; // English's bundles read fast
        }
        inBackground("portolan-formatting", new Runnable() {
            @Override
            public void run() {
                Messages m = of(code);
                if (m.data != null && m.data.rightToLeft()) {
                    // the bidirectional classes, which isolating the runs of a sentence reads
                    BidiProperties.table();
                }
                if (m.data == null) {
                    ULocale locale = m.locale();
                    m.lists();
                    com.ibm.icu.text.PluralRules.forLocale(locale);
                    com.ibm.icu.text.NumberFormat.getInstance(locale).format(12);
                    // the date formats of a day, a month and a year (the first costs ICU's date data)
                    m.icuDate(new PageDate(2000, 1, 1));
                    m.icuDate(new PageDate(2000, 1, 0));
                    m.icuDate(new PageDate(2000, 0, 0));
                }
            }
        });
    }

    /** A locale's language code, English for the root locale. */
    private static String language(ULocale locale) {
        return locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
    }

    /**
     * Runs preparation on a daemon thread of that name. A failure there is ignored: the program
     * does the same work, and fails, on its own thread.
     */
    static void inBackground(String name, Runnable preparation) {
        // an anonymous class, not a lambda: see bench/README.md on what linking lambdas costs a start
        Thread t = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    preparation.run();
                } catch (RuntimeException e) {
                    // only preparation
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The sentences of several bundles in a language; a key of a later bundle wins over an earlier
     * one.
     */
    public static Messages of(ULocale locale, List<String> baseNames) {
        return cached(language(locale), locale, baseNames);
    }

    /**
     * The sentences of several bundles in a language given by its code, its ICU locale made only
     * when ICU is needed (see {@link #of(String)}).
     */
    public static Messages of(String code, List<String> baseNames) {
        return cached(code, null, baseNames);
    }

    private static Messages cached(String language, @Nullable ULocale locale, List<String> baseNames) {
        String cacheKey = language + "|" + String.join(",", baseNames);
        Messages m = CACHE.get(cacheKey);
        if (m == null) {
            synchronized (CACHE) {
                m = CACHE.get(cacheKey);
                if (m == null) {
                    m = load(language, locale, baseNames);
                    CACHE.put(cacheKey, m);
                }
            }
        }
        return m;
    }

    private static Messages load(String lang, @Nullable ULocale locale, List<String> baseNames) {
        List<CompiledBundle> bundles = new ArrayList<>();
        for (String base : baseNames) {
            CompiledBundle root = bundle(base);
            if (root == null) {
                throw new MissingResourceException("no bundle " + base + ".properties", Messages.class.getName(), base);
            }
            bundles.add(root);
            if (!lang.equals("en")) {
                CompiledBundle own = bundle(base + "_" + lang);
                if (own != null) {
                    bundles.add(own);
                }
            }
        }
        return new Messages(lang, locale, new Patterns(List.copyOf(bundles)));
    }

    /**
     * One bundle file in its compiled form ({@code <name>.bundle}, which the build writes beside
     * each {@code .properties} file), or the {@code .properties} file read and compiled here when
     * there is no compiled form; null when there is neither.
     */
    static @Nullable CompiledBundle bundle(String name) {
        try {
            byte[] compiled = dev.portolan.core.EmbeddedFiles.read(name + CompiledBundle.SUFFIX);
            if (compiled != null) {
                return CompiledBundle.decode(compiled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + CompiledBundle.SUFFIX, e);
        }
        Map<String, String> parsed = read(name + ".properties");
        return parsed == null ? null : CompiledBundle.decode(CompiledBundle.encode(parsed));
    }

    /**
     * The messages of several bundle files, a later file's winning, each decoded once when first
     * asked for.
     */
    private static final class Patterns {
        private final List<CompiledBundle> bundles;
        private final Map<String, String> decoded = new ConcurrentHashMap<>();

        Patterns(List<CompiledBundle> bundles) {
            this.bundles = bundles;
        }

        @Nullable String get(String key) {
            String p = decoded.get(key);
            if (p == null) {
                for (int i = bundles.size() - 1; i >= 0 && p == null; i--) {
                    p = bundles.get(i).get(key);
                }
                if (p != null) {
                    decoded.put(key, p);
                }
            }
            return p;
        }

        boolean containsKey(String key) {
            return get(key) != null;
        }

        java.util.Set<String> keySet() {
            java.util.Set<String> keys = new java.util.TreeSet<>();
            for (CompiledBundle b : bundles) {
                keys.addAll(b.keys());
            }
            return java.util.Collections.unmodifiableSet(keys);
        }
    }

    /** A bundle file from the class path as a map, or null when there is none. */
    static @org.jspecify.annotations.Nullable Map<String, String> read(String resource) {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The entries of a {@code .properties} text, as {@link Properties#load(java.io.Reader)} reads
     * them: what the build compiles ({@link BundleCompiler}) and what a bundle without a compiled
     * form is read with. A text without backslashes (no escapes, no continued lines: the page and
     * command-line bundles) is read line by line here; any other text goes through {@code
     * Properties}. {@link BundleCheck} compares both on every bundle.
     */
    static Map<String, String> parse(String text) throws IOException {
        Map<String, String> map = new HashMap<>();
        if (text.indexOf('\\') >= 0) {
            Properties p = new Properties();
            p.load(new java.io.StringReader(text));
            for (String name : p.stringPropertyNames()) {
                map.put(name, p.getProperty(name));
            }
            return map;
        }
        int at = 0;
        int length = text.length();
        while (at < length) {
            int end = at;
            while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int i = at;
            while (i < end && isBlank(text.charAt(i))) {
                i++;
            }
            if (i < end && text.charAt(i) != '#' && text.charAt(i) != '!') {
                int keyEnd = i;
                while (keyEnd < end && "=: \t\f".indexOf(text.charAt(keyEnd)) < 0) {
                    keyEnd++;
                }
                int v = keyEnd;
                while (v < end && isBlank(text.charAt(v))) {
                    v++;
                }
                if (v < end && (text.charAt(v) == '=' || text.charAt(v) == ':')) {
                    v++;
                    while (v < end && isBlank(text.charAt(v))) {
                        v++;
                    }
                }
                map.put(text.substring(i, keyEnd), text.substring(v, end));
            }
            at = end + 1;
        }
        return map;
    }

    /** White space as {@code .properties} files count it between a key and its value. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    /** The raw pattern of a key, for checks of the bundles. */
    static String pattern(Messages messages, String key) {
        String p = messages.patterns.get(key);
        if (p == null) {
            throw new MissingResourceException("no message " + key + " for " + messages.language, Messages.class.getName(), key);
        }
        return p;
    }

    /** The locale, made when first asked for when the messages were made by the language's code. */
    public ULocale locale() {
        ULocale l = locale;
        if (l == null) {
            l = Languages.find(language).orElse(Languages.root());
            locale = l;
        }
        return l;
    }

    /** The language's compiled formatting data, or null when it has none. */
    @Nullable LocaleData data() {
        return data;
    }

    /** Whether the language is written right to left. */
    public boolean rightToLeft() {
        return data != null ? data.rightToLeft() : locale().isRightToLeft();
    }

    /**
     * The words a message is made of: its text and the text of every branch, without arguments,
     * argument names, styles or {@code select} keywords, each argument a space. What the search
     * indexes of a sentence.
     *
     * @throws MissingResourceException if there is no such key
     */
    public String literalText(String key) {
        String pattern = pattern(this, key);
        com.ibm.icu.text.MessagePattern mp = new com.ibm.icu.text.MessagePattern(pattern);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i + 1 < mp.countParts(); i++) {
            com.ibm.icu.text.MessagePattern.Part part = mp.getPart(i);
            com.ibm.icu.text.MessagePattern.Part.Type type = part.getType();
            if (type == com.ibm.icu.text.MessagePattern.Part.Type.INSERT_CHAR) {
                out.append((char) part.getValue());
            }
            if (type == com.ibm.icu.text.MessagePattern.Part.Type.MSG_START
                    || type == com.ibm.icu.text.MessagePattern.Part.Type.ARG_LIMIT
                    || type == com.ibm.icu.text.MessagePattern.Part.Type.REPLACE_NUMBER
                    || type == com.ibm.icu.text.MessagePattern.Part.Type.SKIP_SYNTAX
                    || type == com.ibm.icu.text.MessagePattern.Part.Type.INSERT_CHAR) {
                out.append(pattern, part.getLimit(), mp.getPart(i + 1).getIndex());
            }
            if (type == com.ibm.icu.text.MessagePattern.Part.Type.ARG_START
                    || type == com.ibm.icu.text.MessagePattern.Part.Type.MSG_LIMIT) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Whether a key exists in these bundles. */
    public boolean has(String key) {
        return patterns.containsKey(key);
    }

    /** Every key of these bundles. */
    public java.util.Set<String> keys() {
        return patterns.keySet();
    }

    /** The sentence of a {@link Text}, without footnote markers. */
    public String format(Text text) {
        return format(text.key(), text.args(), null);
    }

    /** The sentence of a key with named arguments given as pairs. */
    public String format(String key, Object... namesAndValues) {
        return format(Text.of(key, namesAndValues));
    }

    /**
     * A formatter that remembers what it formatted: for one page, whose title, summary and
     * sentences recur in its HTML, in its JSON and inside one another. Not to be shared between
     * threads.
     */
    public Sentences sentences() {
        return new Sentences();
    }

    /**
     * Sentences of these messages, each {@link Text} object formatted once (they are immutable,
     * and a page holds the same object wherever the sentence recurs).
     */
    public final class Sentences {
        private final Map<Text, String> done = new java.util.IdentityHashMap<>();

        private Sentences() {}

        /** The sentence of a {@link Text}, as {@link Messages#format(Text)} gives it. */
        public String format(Text text) {
            String s = done.get(text);
            if (s == null) {
                s = Messages.this.format(text.key(), text.args(), this);
                done.put(text, s);
            }
            return s;
        }
    }

    private String format(String key, Map<String, Object> args, @Nullable Sentences memo) {
        if (data != null) {
            String pattern = patterns.get(key);
            if (pattern != null) {
                String plain = LocaleFormat.format(pattern, args, new Plain(memo), data);
                if (plain != null) {
                    // the sentence's runs isolated as ICU's are (formatWithIcu)
                    return data.rightToLeft() ? BidiIsolation.isolate(plain) : plain;
                }
            }
        }
        return formatWithIcu(key, args, memo);
    }

    /** {@link #plain}, as {@link LocaleFormat} asks for it (a class, not a lambda: bench/README.md). */
    private final class Plain implements java.util.function.Function<Object, @Nullable String> {
        private final @Nullable Sentences memo;

        Plain(@Nullable Sentences memo) {
            this.memo = memo;
        }

        @Override
        public @Nullable String apply(Object v) {
            return plain(v, memo);
        }
    }

    /**
     * A value's text for {@link LocaleFormat}, as {@link #value} gives it to ICU, or null when ICU
     * must format it.
     */
    private @Nullable String plain(Object v, @Nullable Sentences memo) {
        LocaleData d = data;
        if (d == null) {
            return null;
        }
        if (v instanceof Text t) {
            return memo == null ? format(t) : memo.format(t);
        }
        if (v instanceof PageDate date) {
            return d.date(date.year(), date.month(), date.day());
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>(list.size());
            for (Object o : list) {
                String item = o instanceof String s ? (d.rightToLeft() ? BidiIsolation.value(s) : s)
                        : o instanceof Text || o instanceof PageDate || o instanceof List<?> ? plain(o, memo)
                        : o instanceof Integer || o instanceof Long ? String.valueOf(o) : null;
                if (item == null) {
                    return null;
                }
                items.add(item);
            }
            return d.list(items);
        }
        return null;
    }

    /** The sentence as ICU formats it, English included ({@link BundleCheck} compares both). */
    String formatWithIcu(Text text) {
        return formatWithIcu(text.key(), text.args(), null);
    }

    /**
     * The sentence without ICU, as {@link #format(Text)} gives it, or null when {@link
     * LocaleFormat} declines it or the language has no compiled data.
     */
    @Nullable String formatWithoutIcu(Text text) {
        String pattern = patterns.get(text.key());
        if (pattern == null || data == null) {
            return null;
        }
        String plain = LocaleFormat.format(pattern, text.args(), new Plain(null), data);
        return plain == null || !data.rightToLeft() ? plain : BidiIsolation.isolate(plain);
    }

    private String formatWithIcu(String key, Map<String, Object> args, @Nullable Sentences memo) {
        Compiled c = compiled.computeIfAbsent(key, k -> {
            String pattern = patterns.get(k);
            if (pattern == null) {
                throw new MissingResourceException("no message " + k + " for " + language, Messages.class.getName(), k);
            }
            return Compiled.of(pattern, locale());
        });
        MessageFormat format = c.format();
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Object> a : args.entrySet()) {
            Object v = a.getValue();
            values.put(a.getKey(), v instanceof String s && c.selectors().contains(a.getKey()) ? s : value(v, memo));
        }
        String sentence;
        // MessageFormat keeps state while formatting; a page renders on one thread, pages on many.
        synchronized (format) {
            sentence = format.format(values).strip();
        }
        // In a right-to-left language, the left-to-right runs of the whole sentence (its values
        // and what the translation writes in Latin letters) are isolated, once, here.
        return rightToLeft() ? BidiIsolation.isolate(sentence) : sentence;
    }

    private Object value(Object v, @Nullable Sentences memo) {
        if (v instanceof String s) {
            // a left-to-right value is kept whole when the sentence's runs are isolated
            return rightToLeft() ? BidiIsolation.value(s) : s;
        }
        if (v instanceof Text t) {
            return memo == null ? format(t) : memo.format(t);
        }
        if (v instanceof PageDate d) {
            return icuDate(d);
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>(list.size());
            for (Object o : list) {
                items.add(String.valueOf(value(o, memo)));
            }
            return lists().format(items);
        }
        return v;
    }

    private ListFormatter lists() {
        ListFormatter l = lists;
        if (l == null) {
            l = ListFormatter.getInstance(locale());
            lists = l;
        }
        return l;
    }

    /** A date in this locale, as precise as it is known: day, month and year; month and year; or the year. */
    public String date(PageDate d) {
        if (data != null) {
            return data.date(d.year(), d.month(), d.day());
        }
        return icuDate(d);
    }

    /** The date as ICU writes it ({@link #date} in a language without compiled data). */
    String icuDate(PageDate d) {
        // One format a precision, made once: making one costs more than formatting many dates.
        DateFormat f = dates.computeIfAbsent(skeleton(d.year(), d.month(), d.day()), k -> icuDateFormat(k, locale()));
        // a format keeps state while formatting
        synchronized (f) {
            return format(f, d.year(), d.month(), d.day());
        }
    }

    /** ICU's skeleton of a date as precise as it is known (month or day 0 for unknown). */
    static String skeleton(int year, int month, int day) {
        return month == 0 ? "y" : day == 0 ? "yMMMM" : "yMMMMd";
    }

    /**
     * ICU's format of a date skeleton in a language. Sources give Gregorian dates; a month of them
     * is not a month of another calendar, so every language shows them in the Gregorian calendar
     * (with its own month names and digits).
     */
    static DateFormat icuDateFormat(String skeleton, ULocale language) {
        DateFormat made = DateFormat.getInstanceForSkeleton(skeleton, language.setKeywordValue("calendar", "gregorian"));
        made.setTimeZone(TimeZone.GMT_ZONE);
        return made;
    }

    /** A date in an ICU format of its precision; the caller holds the format alone. */
    static String format(DateFormat f, int year, int month, int day) {
        Calendar c = f.getCalendar();
        c.clear();
        c.set(year, Math.max(month, 1) - 1, day == 0 ? 1 : day);
        return f.format(c.getTime());
    }
}
