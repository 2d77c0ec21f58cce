package dev.portolan.knowledge.text;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages pages are written in, as listed in {@code knowledge/languages.txt}: the first is
 * English, the root of every bundle. A language is named in addresses and options by its code,
 * the language subtag ({@code en}, {@code zh}, {@code ar}); its full tag ({@code zh-Hans}) goes
 * into {@code lang} attributes.
 */
public final class Languages {
    private static final List<String> TAGS = read();

    private Languages() {}

    /**
     * The locales, each made on first use: a command that only needs the codes loads no ICU, and
     * one that writes in one language makes that language's locale alone.
     */
    private static final class Locales {
        private static final ULocale[] MADE = new ULocale[TAGS.size()];

        static synchronized ULocale get(int i) {
            ULocale l = MADE[i];
            if (l == null) {
                l = ULocale.forLanguageTag(TAGS.get(i));
                MADE[i] = l;
            }
            return l;
        }

        static List<ULocale> all() {
            List<ULocale> out = new ArrayList<>(TAGS.size());
            for (int i = 0; i < TAGS.size(); i++) {
                out.add(get(i));
            }
            return List.copyOf(out);
        }
    }

    private static List<String> read() {
        String resource = "knowledge/languages.txt";
        try {
            byte[] bytes = dev.portolan.core.EmbeddedFiles.read(resource);
            if (bytes == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                String tag = line.strip();
                if (!tag.isEmpty() && !tag.startsWith("#")) {
                    out.add(tag);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Every language, English first. */
    public static List<ULocale> all() {
        return Locales.all();
    }

    /** English, the root language. */
    public static ULocale root() {
        return Locales.get(0);
    }

    /** The code of a language in addresses and options: its language subtag. */
    public static String code(ULocale language) {
        return language.getLanguage();
    }

    /** Every code, in the order of {@link #all()}. */
    public static List<String> codes() {
        List<String> out = new ArrayList<>(TAGS.size());
        for (String tag : TAGS) {
            out.add(codeOf(tag));
        }
        return out;
    }

    /**
     * The code of a language written as a tag or a POSIX locale name ({@code pt-BR}, {@code
     * de_DE.UTF-8}), if the pages are written in it; without ICU, for commands that need no more.
     */
    public static Optional<String> findCode(String codeOrTag) {
        if (codeOrTag.isBlank() || codeOrTag.length() > 35) {
            return Optional.empty();
        }
        String stripped = codeOrTag.strip();
        int end = 0;
        while (end < stripped.length() && stripped.charAt(end) != '.' && stripped.charAt(end) != '@') {
            end++; // by hand, not split("[.@]"): a regular expression costs a command line's start
        }
        String code = codeOf(stripped.substring(0, end).replace('_', '-'));
        return codes().contains(code) ? Optional.of(code) : Optional.empty();
    }

    private static String codeOf(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /** The language of a code ({@code es}) or tag ({@code pt-BR} gives Portuguese), if offered. */
    public static Optional<ULocale> find(String codeOrTag) {
        if (codeOrTag.isBlank() || codeOrTag.length() > 35) {
            return Optional.empty();
        }
        // a code as it is ("de"), the common case, needs no parsing of a tag
        int exact = codes().indexOf(codeOrTag);
        if (exact >= 0) {
            return Optional.of(Locales.get(exact));
        }
        String lang = ULocale.forLanguageTag(codeOrTag.strip().replace('_', '-')).getLanguage().toLowerCase(Locale.ROOT);
        for (ULocale l : Locales.all()) {
            if (code(l).equals(lang)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The name of a language in that language ({@code español}, {@code العربية}). */
    public static String nativeName(ULocale language) {
        String name = ULocale.forLanguageTag(code(language)).getDisplayLanguage(language);
        // capitalised as a label stands on its own, in scripts that have case
        return name.isEmpty() ? code(language) : name.substring(0, 1).toUpperCase(language.toLocale()) + name.substring(1);
    }
}
