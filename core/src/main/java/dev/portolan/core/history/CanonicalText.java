package dev.portolan.core.history;

import dev.portolan.core.Reference;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text rules of the history's normal form: what two releases may spell differently without
 * the registry having changed.
 */
final class CanonicalText {
    /** An RFC cited in running text: {@code [RFC6335]}, {@code RFC 6335}, {@code rfc6335}, {@code RFC-6335}. */
    private static final Pattern INLINE_RFC = Pattern.compile(
            "(?i)\\[\\s*RFC[ \\-]?0*(\\d{1,5})\\s*]|\\bRFC[ \\-]?0*(\\d{1,5})\\b");
    /** A whole reference that is an RFC: {@code [RFC6335]}, {@code RFC 6335}, {@code rfc6335}. */
    private static final Pattern WHOLE_RFC = Pattern.compile("(?i)\\[?\\s*RFC[ \\-]?0*(\\d{1,5})\\s*]?");
    private static final Pattern URI = Pattern.compile("(?i)(https?|ftp)://\\S+");

    private CanonicalText() {}

    /**
     * Collapses every run of white space (line ends, tabs, no-break spaces) into one space and
     * strips the edges; an RFC cited in the text reads {@code RFC6335}, whether the release writes
     * {@code [RFC6335]} (an inline reference, as the readers give it), {@code RFC 6335} or
     * {@code rfc6335}.
     */
    static String text(String value) {
        String t = collapse(value);
        if (mentionsRfc(t)) {
            Matcher m = INLINE_RFC.matcher(t);
            if (m.find()) {
                StringBuilder out = new StringBuilder(t.length());
                do {
                    m.appendReplacement(out, "RFC" + (m.group(1) != null ? m.group(1) : m.group(2)));
                } while (m.find());
                m.appendTail(out);
                t = out.toString();
            }
        }
        return t;
    }

    private static boolean mentionsRfc(String t) {
        for (int i = t.indexOf('F') >= 0 || t.indexOf('f') >= 0 ? 1 : t.length(); i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if ((c == 'F' || c == 'f') && (t.charAt(i - 1) | 0x20) == 'r' && (t.charAt(i + 1) | 0x20) == 'c') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code v} is {@code RFC} and a number without leading zeros. */
    private static boolean isRfcLabel(String v) {
        if (v.length() < 4 || v.length() > 8 || !v.startsWith("RFC") || v.charAt(3) == '0') {
            return false;
        }
        for (int i = 3; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** White space collapsed and stripped, nothing else. */
    static String collapse(String value) {
        int n = value.length();
        boolean plain = n > 0 && !isSpace(value.charAt(0)) && !isSpace(value.charAt(n - 1));
        for (int i = 1; plain && i < n; i++) {
            char c = value.charAt(i);
            if (isSpace(c) && (c != ' ' || isSpace(value.charAt(i - 1)))) {
                plain = false;
            }
        }
        if (plain) {
            return value;
        }
        StringBuilder out = new StringBuilder(n);
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** A service name as records are matched by it: stripped, in lower case (RFC 6335, section 5.1). */
    static String serviceKey(String service) {
        return collapse(service).toLowerCase(Locale.ROOT);
    }

    /**
     * A reference in normal form. White space is collapsed; an RFC reads {@code RFC6335} whatever
     * its kind and spelling ({@code [RFC6335]}, {@code RFC 6335} as text); a draft name is in
     * lower case; a text that is a draft name or a web address becomes that kind.
     */
    static Reference reference(Reference r) {
        String v = collapse(r.value());
        if (r.kind() == Reference.Kind.RFC && isRfcLabel(v)) {
            // the reader's own spelling, RFC6335: most references of a release
            return v == r.value() ? r : new Reference(Reference.Kind.RFC, v);
        }
        switch (r.kind()) {
            case RFC, TEXT, DRAFT -> {
                Matcher m = WHOLE_RFC.matcher(v);
                if (m.matches()) {
                    return new Reference(Reference.Kind.RFC, "RFC" + m.group(1));
                }
                if (r.kind() == Reference.Kind.RFC) {
                    return new Reference(Reference.Kind.RFC, v.toUpperCase(Locale.ROOT));
                }
                String bare = v.startsWith("[") && v.endsWith("]") ? collapse(v.substring(1, v.length() - 1)) : v;
                if (bare.regionMatches(true, 0, "draft-", 0, 6) || bare.regionMatches(true, 0, "RFC-", 0, 4)) {
                    return new Reference(Reference.Kind.DRAFT, bare.toLowerCase(Locale.ROOT));
                }
                if (URI.matcher(bare).matches()) {
                    return new Reference(Reference.Kind.URI, bare);
                }
                return new Reference(r.kind(), v);
            }
            default -> {
                return v.equals(r.value()) ? r : new Reference(r.kind(), v);
            }
        }
    }
}
