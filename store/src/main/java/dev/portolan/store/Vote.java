package dev.portolan.store;

import java.util.Locale;

/**
 * One reader's vote on the page of one port, in one language.
 *
 * <p>The constructor validates and normalises: {@code port} is 0-65535; {@code lang} is a BCP 47
 * language tag whose language subtag has 2 or 3 letters, optionally followed by a script (4
 * letters) and a region (2 letters or 3 digits), such as {@code en}, {@code de-CH}, {@code
 * zh-Hant} or {@code es-419}, and is stored as its language subtag in lower case ({@code de-CH}
 * and {@code DE} both become {@code de}); {@code reaction} is present. Anything else throws
 * {@link IllegalArgumentException} with a message naming the field, the bad value and the rule.
 *
 * @param port the port whose page was voted on
 * @param lang the language of the page, normalised as above
 * @param reaction the answer
 */
public record Vote(int port, String lang, Reaction reaction) {
    /** Longest value quoted in an error message; the site passes on whatever a client sent. */
    private static final int QUOTE_LIMIT = 40;

    public Vote {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range: expected 0-65535");
        }
        lang = language(lang);
        if (reaction == null) {
            throw new IllegalArgumentException("reaction is missing: expected unhelpful, neutral or helpful");
        }
    }

    /** The language subtag of {@code tag} in lower case, or an exception saying why not. */
    private static String language(String tag) {
        if (tag == null) {
            throw new IllegalArgumentException("lang is missing: " + LANG_RULE);
        }
        String[] parts = tag.split("-", -1);
        boolean valid = parts.length <= 3 && letters(parts[0], 2, 3);
        int i = 1;
        if (valid && i < parts.length && letters(parts[i], 4, 4)) {
            i++; // script
        }
        if (valid && i < parts.length && (letters(parts[i], 2, 2) || digits(parts[i], 3))) {
            i++; // region
        }
        if (!valid || i != parts.length) {
            throw new IllegalArgumentException("lang \"" + quote(tag) + "\" is not a language tag: " + LANG_RULE);
        }
        return parts[0].toLowerCase(Locale.ROOT);
    }

    private static final String LANG_RULE = "expected 2-3 letters, optionally followed by a 4-letter script "
            + "and a region (2 letters or 3 digits), separated by '-', such as en, de-CH, zh-Hant or es-419";

    private static boolean letters(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value as it may appear in a one-line message: control characters replaced, long values cut. */
    static String quote(String value) {
        String cut = value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "..." : value;
        StringBuilder s = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            s.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.toString();
    }
}
