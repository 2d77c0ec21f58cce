package dev.portolan.web;

import dev.portolan.knowledge.text.Messages;

/**
 * The frame of every page in one language: the frame strings (keys {@code web.*} of the site
 * bundle; callers name them without the prefix), the language and direction, and the addresses
 * of the assets. Templates take every word they show from here.
 */
final class Frame {
    /**
     * A language the site is offered in.
     *
     * @param code the language subtag, in addresses and votes ({@code es}, {@code zh})
     * @param tag the BCP 47 tag, for {@code lang} and {@code hreflang} ({@code zh-Hans})
     * @param name the language's name in itself, for the switcher ({@code Español})
     * @param dir {@code ltr} or {@code rtl}
     * @param prefix the path prefix of its pages: empty for English, else {@code /es}
     */
    record Language(String code, String tag, String name, String dir, String prefix) {}

    private final Messages messages;
    private final Language language;
    private final java.util.List<Language> languages;
    private final Assets assets;
    private final String lang;
    private final String dir;
    private final java.util.function.Supplier<String> publicUrl;
    private final java.util.Map<String, String> plain = new java.util.concurrent.ConcurrentHashMap<>();
    // racy but safe: a slot is either empty or holds the one right string
    private final String[] markers = new String[128];

    Frame(Messages messages, Assets assets, java.util.function.Supplier<String> publicUrl, Language language,
            java.util.List<Language> languages) {
        this.messages = messages;
        this.assets = assets;
        this.language = language;
        this.languages = java.util.List.copyOf(languages);
        this.lang = language.tag();
        this.dir = language.dir();
        this.publicUrl = publicUrl;
    }

    /** The prefix of every frame key in the bundle ({@code web.nav.ports}). */
    static final String PREFIX = "web.";

    /** A frame string; those without arguments are formatted once. */
    String t(String key) {
        String s = plain.get(key);
        if (s == null) {
            s = messages.format(PREFIX + key);
            plain.put(key, s);
        }
        return s;
    }

    /**
     * The heading of a page section that has no argument ({@code faq}, {@code related}, {@code
     * footnotes}), from the page sentences, so that the site and the text page name it alike.
     */
    String heading(String section) {
        return messages.format("section." + section + ".heading");
    }

    /** Whether the frame has a string for this key. */
    boolean has(String key) {
        return messages.has(PREFIX + key);
    }

    /**
     * The label of footnote marker {@code n}, formatted once per number. The number keeps the
     * digits the marker shows ("[1]"), not the language's own ("۱", "১"): a name that contains the
     * visible text is what voice control users can say (WCAG 2.5.3).
     */
    String marker(int n) {
        if (n < 0 || n >= markers.length) {
            return t("notes.marker", "number", Integer.toString(n));
        }
        String s = markers[n];
        if (s == null) {
            s = t("notes.marker", "number", Integer.toString(n));
            markers[n] = s;
        }
        return s;
    }

    /** A frame string with named arguments as name, value pairs. */
    String t(String key, Object... namesAndValues) {
        return messages.format(PREFIX + key, namesAndValues);
    }

    Messages messages() {
        return messages;
    }

    /** The BCP 47 language tag, for {@code <html lang>}. */
    String lang() {
        return lang;
    }

    /** {@code ltr} or {@code rtl}, for {@code <html dir>}. */
    String dir() {
        return dir;
    }

    /** The style sheet's fingerprinted path. */
    String css() {
        return assets.cssPath();
    }

    /** The script's fingerprinted path. */
    String js() {
        return assets.jsPath();
    }

    /** The icon's fingerprinted path. */
    String icon() {
        return assets.iconPath();
    }

    /** The language subtag, in addresses and votes ({@code es}). */
    String code() {
        return language.code();
    }

    /** This frame's language. */
    Language language() {
        return language;
    }

    /** Every language of the site, in the switcher's order. */
    java.util.List<Language> languages() {
        return languages;
    }

    /**
     * The address of a page in this language, from its path in English: {@code /ports/60} is
     * {@code /es/ports/60} in Spanish, {@code /} is {@code /es/}.
     */
    String href(String path) {
        return hrefIn(language, path);
    }

    /** The address of a page in another language, from its path in English. */
    static String hrefIn(Language language, String path) {
        return language.prefix().isEmpty() ? path : language.prefix() + path;
    }

    /** The absolute address of a page in this language, from its path in English. */
    String absolute(String path) {
        return publicUrl.get() + href(path);
    }

    /** The absolute address of a page in another language, from its path in English. */
    String absoluteIn(Language other, String path) {
        return publicUrl.get() + hrefIn(other, path);
    }
}
