package dev.portolan.knowledge.text;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.portolan.knowledge.page.PageDate;
import dev.portolan.knowledge.page.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

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

    private final ULocale locale;
    private final Map<String, String> patterns;
    private final Map<String, MessageFormat> compiled = new ConcurrentHashMap<>();
    private final ListFormatter lists;

    private Messages(ULocale locale, Map<String, String> patterns) {
        this.locale = locale;
        this.patterns = patterns;
        this.lists = ListFormatter.getInstance(locale);
    }

    /** The page sentences in a language. */
    public static Messages of(ULocale locale) {
        return of(locale, List.of(PAGES));
    }

    /**
     * The sentences of several bundles in a language; a key of a later bundle wins over an earlier
     * one.
     */
    public static Messages of(ULocale locale, List<String> baseNames) {
        String cacheKey = locale.toLanguageTag() + "|" + String.join(",", baseNames);
        return CACHE.computeIfAbsent(cacheKey, k -> load(locale, baseNames));
    }

    private static Messages load(ULocale locale, List<String> baseNames) {
        Map<String, String> patterns = new LinkedHashMap<>();
        for (String base : baseNames) {
            Map<String, String> root = read(base + ".properties");
            if (root == null) {
                throw new MissingResourceException("no bundle " + base + ".properties", Messages.class.getName(), base);
            }
            patterns.putAll(root);
            String lang = locale.getLanguage();
            if (!lang.isEmpty() && !lang.equals("en")) {
                Map<String, String> own = read(base + "_" + lang + ".properties");
                if (own != null) {
                    patterns.putAll(own);
                }
            }
        }
        return new Messages(locale, Map.copyOf(patterns));
    }

    private static @org.jspecify.annotations.Nullable Map<String, String> read(String resource) {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            for (String name : p.stringPropertyNames()) {
                map.put(name, p.getProperty(name));
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The raw pattern of a key, for checks of the bundles. */
    static String pattern(Messages messages, String key) {
        String p = messages.patterns.get(key);
        if (p == null) {
            throw new MissingResourceException("no message " + key + " for " + messages.locale, Messages.class.getName(), key);
        }
        return p;
    }

    /** The locale. */
    public ULocale locale() {
        return locale;
    }

    /** Whether the language is written right to left. */
    public boolean rightToLeft() {
        return locale.isRightToLeft();
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
        return format(text.key(), text.args());
    }

    /** The sentence of a key with named arguments given as pairs. */
    public String format(String key, Object... namesAndValues) {
        return format(Text.of(key, namesAndValues));
    }

    private String format(String key, Map<String, Object> args) {
        MessageFormat format = compiled.computeIfAbsent(key, k -> {
            String pattern = patterns.get(k);
            if (pattern == null) {
                throw new MissingResourceException("no message " + k + " for " + locale, Messages.class.getName(), k);
            }
            return new MessageFormat(pattern, locale);
        });
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Object> a : args.entrySet()) {
            values.put(a.getKey(), value(a.getValue()));
        }
        // MessageFormat keeps state while formatting; a page renders on one thread, pages on many.
        synchronized (format) {
            return format.format(values).strip();
        }
    }

    private Object value(Object v) {
        if (v instanceof Text t) {
            return format(t);
        }
        if (v instanceof PageDate d) {
            return date(d);
        }
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>(list.size());
            for (Object o : list) {
                items.add(String.valueOf(value(o)));
            }
            return lists.format(items);
        }
        return v;
    }

    /** A date in this locale, as precise as it is known: day, month and year; month and year; or the year. */
    public String date(PageDate d) {
        // Sources give Gregorian dates; a month of them is not a month of another calendar, so every
        // language shows them in the Gregorian calendar (with its own month names and digits).
        ULocale gregorian = locale.setKeywordValue("calendar", "gregorian");
        Calendar c = new GregorianCalendar(TimeZone.GMT_ZONE, gregorian);
        c.clear();
        c.set(d.year(), Math.max(d.month(), 1) - 1, d.day() == 0 ? 1 : d.day());
        String skeleton = switch (d.precision()) {
            case "year" -> "y";
            case "month" -> "yMMMM";
            default -> "yMMMMd";
        };
        DateFormat f = DateFormat.getInstanceForSkeleton(skeleton, gregorian);
        f.setTimeZone(TimeZone.GMT_ZONE);
        return f.format(c.getTime());
    }
}
