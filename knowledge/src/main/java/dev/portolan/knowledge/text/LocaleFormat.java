package dev.portolan.knowledge.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Sentences formatted without ICU: the subset of ICU MessageFormat the bundles are written in,
 * with a language's plural rules, digits, grouping, lists and dates compiled at build time
 * ({@link LocaleData}), so that a command line loads no ICU class or data to write its sentences.
 * ICU's first message, plural rule, number, list and date cost a start tens of milliseconds each
 * (bench/README.md), more than the rest of a lookup.
 *
 * <p>The subset: text; {@code ''}; {@code {name}} with a text, a count or a value the caller
 * renders (a nested sentence, a list, a date); {@code {name, number}} and {@code {name, number,
 * ::group-off}}; {@code select} on a text; {@code plural} on a count with the language's rules
 * ({@code =N} first, then the count's category, else {@code other}) and {@code #} as the count.
 * Only the chosen branch is formatted, as ICU does. In a right-to-left language a text value
 * goes through {@link BidiIsolation#value} unless it chooses a branch, as {@link Messages} hands
 * values to ICU. Anything else (quoting, another argument type or style, {@code offset:}, a
 * missing argument, a value of the wrong kind, a count below 0 or from 2^53 on, which ICU's
 * message format reads as a double) is declined with null, and the caller asks ICU. Tests
 * format every message of every language both ways.
 */
final class LocaleFormat {
    private final String pattern;
    private final Map<String, Object> args;
    private final Function<Object, @Nullable String> render;
    private final LocaleData data;
    /** The arguments that choose a branch anywhere in the message, in a right-to-left language; else null. */
    private final java.util.@Nullable Set<String> selectors;
    private int at;

    private LocaleFormat(String pattern, Map<String, Object> args, Function<Object, @Nullable String> render,
            LocaleData data, java.util.@Nullable Set<String> selectors) {
        this.pattern = pattern;
        this.args = args;
        this.render = render;
        this.data = data;
        this.selectors = selectors;
    }

    /**
     * The sentence, stripped of surrounding white space as {@link Messages} strips ICU's, or null
     * when it is not in the subset. In a right-to-left language the caller isolates the sentence's
     * runs afterwards, as it does ICU's.
     *
     * @param render the text of a value other than a text or a count (null to decline)
     */
    static @Nullable String format(String pattern, Map<String, Object> args, Function<Object, @Nullable String> render,
            LocaleData data) {
        java.util.Set<String> selectors = null;
        if (data.rightToLeft()) {
            // first read through the whole message for the arguments that choose branches
            selectors = new java.util.HashSet<>();
            LocaleFormat scan = new LocaleFormat(pattern, args, render, data, selectors);
            if (!scan.message(null, null) || scan.at != pattern.length()) {
                return null;
            }
        }
        LocaleFormat f = new LocaleFormat(pattern, args, render, data, selectors);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        return f.message(out, null) && f.at == pattern.length() ? out.toString().strip() : null;
    }

    /**
     * Appends a (sub-)message up to its closing brace or the end; {@code count} is the number of
     * the plural whose branch this is, which {@code #} shows, or null. With {@code out} null the
     * message is only read past (a branch not chosen). Returns false to decline.
     */
    private boolean message(@Nullable StringBuilder out, @Nullable Long count) {
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == '}') {
                return true;
            } else if (c == '\'') {
                char next = at + 1 < pattern.length() ? pattern.charAt(at + 1) : 0;
                if (next == '\'') {
                    append(out, '\'');
                    at += 2;
                } else if (next == '{' || next == '}' || next == '|' || next == '#' && count != null) {
                    return false; // a quoted stretch
                } else {
                    append(out, '\'');
                    at++;
                }
            } else if (c == '#' && count != null) {
                if (out != null) {
                    data.count(out, count, true);
                }
                at++;
            } else if (c == '{') {
                at++;
                if (!argument(out)) {
                    return false;
                }
            } else {
                append(out, c);
                at++;
            }
        }
        return true;
    }

    private static void append(@Nullable StringBuilder out, char c) {
        if (out != null) {
            out.append(c);
        }
    }

    private boolean argument(@Nullable StringBuilder out) {
        String name = word();
        Object value = args.get(name);
        skipSpaces();
        if (at < pattern.length() && pattern.charAt(at) == '}') {
            at++;
            return out == null || simple(out, name, value);
        }
        if (!comma()) {
            return false;
        }
        String type = word();
        skipSpaces();
        if (type.equals("number")) {
            return number(out, value);
        }
        if (!comma()) {
            return false;
        }
        boolean plural = type.equals("plural");
        if (!plural && !type.equals("select")) {
            return false;
        }
        if (!plural && selectors != null && out == null) {
            selectors.add(name);
        }
        // Read past every branch, noting where each starts, then format only the chosen one.
        List<String> keywords = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (at >= pattern.length()) {
                return false;
            }
            if (pattern.charAt(at) == '}') {
                at++;
                break;
            }
            String keyword = word();
            skipSpaces();
            if (keyword.isEmpty() || keyword.startsWith("offset:") || at >= pattern.length() || pattern.charAt(at) != '{') {
                return false;
            }
            at++;
            keywords.add(keyword);
            starts.add(at);
            if (!message(null, plural ? 0L : null) || at >= pattern.length()) {
                return false;
            }
            at++; // the branch's closing brace
        }
        if (out == null) {
            return true;
        }
        int end = at;
        Long count = null;
        int chosen;
        if (plural) {
            if (!isCount(value)) {
                return false;
            }
            count = ((Number) value).longValue();
            chosen = keywords.indexOf("=" + count);
            if (chosen < 0) {
                chosen = keywords.indexOf(data.plural(count));
            }
        } else {
            if (!(value instanceof String s)) {
                return false;
            }
            chosen = s.equals("other") ? -1 : keywords.indexOf(s);
        }
        if (chosen < 0) {
            chosen = keywords.indexOf("other");
        }
        if (chosen < 0) {
            return false;
        }
        at = starts.get(chosen);
        if (!message(out, count)) {
            return false;
        }
        at = end;
        return true;
    }

    /**
     * {@code {name}}: a text as it is (isolated in a right-to-left language unless it chooses a
     * branch), a count grouped, anything else as the caller renders it.
     */
    private boolean simple(StringBuilder out, String name, @Nullable Object value) {
        if (value instanceof String s) {
            out.append(selectors == null || selectors.contains(name) ? s : BidiIsolation.value(s));
        } else if (value instanceof Integer || value instanceof Long) {
            if (!isCount(value)) {
                return false;
            }
            data.count(out, ((Number) value).longValue(), true);
        } else if (value == null) {
            return false;
        } else {
            String r = render.apply(value);
            if (r == null) {
                return false;
            }
            out.append(r);
        }
        return true;
    }

    /** {@code {name, number}} and {@code {name, number, ::group-off}}; the comma after number is read. */
    private boolean number(@Nullable StringBuilder out, @Nullable Object value) {
        boolean grouping = true;
        if (at < pattern.length() && pattern.charAt(at) == ',') {
            at++;
            skipSpaces();
            String style = word();
            skipSpaces();
            if (!style.equals("::group-off")) {
                return false;
            }
            grouping = false;
        }
        if (at >= pattern.length() || pattern.charAt(at) != '}') {
            return false;
        }
        at++;
        if (out == null) {
            return true;
        }
        if (!isCount(value)) {
            return false;
        }
        data.count(out, ((Number) value).longValue(), grouping);
        return true;
    }

    /** A whole number from 0 to below 2^53, which ICU's message format reads exactly. */
    private static boolean isCount(@Nullable Object value) {
        if (!(value instanceof Integer || value instanceof Long)) {
            return false;
        }
        long n = ((Number) value).longValue();
        return n >= 0 && n < 1L << 53;
    }

    private boolean comma() {
        if (at >= pattern.length() || pattern.charAt(at) != ',') {
            return false;
        }
        at++;
        skipSpaces();
        return true;
    }

    private String word() {
        int start = at;
        while (at < pattern.length() && !Character.isWhitespace(pattern.charAt(at)) && ",{}".indexOf(pattern.charAt(at)) < 0) {
            at++;
        }
        return pattern.substring(start, at);
    }

    private void skipSpaces() {
        while (at < pattern.length() && Character.isWhitespace(pattern.charAt(at))) {
            at++;
        }
    }
}
