package dev.portolan.web;

import dev.portolan.knowledge.text.Messages;

/**
 * The frame of every page in one language: the frame strings (keys {@code web.*} of the site
 * bundle; callers name them without the prefix), the language and direction, and the addresses
 * of the assets. Templates take every word they show from here.
 */
final class Frame {
    private final Messages messages;
    private final Assets assets;
    private final String lang;
    private final String dir;
    private final java.util.function.Supplier<String> publicUrl;
    private final java.util.Map<String, String> plain = new java.util.concurrent.ConcurrentHashMap<>();
    // racy but safe: a slot is either empty or holds the one right string
    private final String[] markers = new String[128];

    Frame(Messages messages, Assets assets, java.util.function.Supplier<String> publicUrl) {
        this.messages = messages;
        this.assets = assets;
        this.lang = messages.locale().toLanguageTag();
        this.dir = messages.rightToLeft() ? "rtl" : "ltr";
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

    /** Whether the frame has a string for this key. */
    boolean has(String key) {
        return messages.has(PREFIX + key);
    }

    /** The label of footnote marker {@code n}, formatted once per number. */
    String marker(int n) {
        if (n < 0 || n >= markers.length) {
            return t("notes.marker", "number", n);
        }
        String s = markers[n];
        if (s == null) {
            s = t("notes.marker", "number", n);
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

    /** The absolute address of a site path. */
    String absolute(String path) {
        return publicUrl.get() + path;
    }
}
