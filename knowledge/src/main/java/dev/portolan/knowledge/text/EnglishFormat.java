package dev.portolan.knowledge.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * English sentences formatted without ICU: the subset of ICU MessageFormat the English bundles
 * are written in, so that a command line answering in English (the default) loads no ICU class or
 * data. ICU's first message, plural rule, number, list and date cost a start tens of
 * milliseconds each (bench/README.md), more than the rest of a lookup.
 *
 * <p>The subset: text; {@code ''}; {@code {name}} with a text, a count (grouped by commas) or a
 * value the caller renders (a nested sentence, a list, a date); {@code {name, number}} and {@code
 * {name, number, ::group-off}}; {@code select} on a text; {@code plural} on a count with English's
 * rule ({@code =N} first, then {@code one} for 1, else {@code other}) and {@code #} as the count.
 * Only the chosen branch is formatted, as ICU does. Anything else (quoting, another argument type
 * or style, {@code offset:}, a missing argument, a value of the wrong kind) is declined with null,
 * and the caller asks ICU. Tests format every English message both ways.
 */
final class EnglishFormat {
    private final String pattern;
    private final Map<String, Object> args;
    private final Function<Object, @Nullable String> render;
    private int at;

    private EnglishFormat(String pattern, Map<String, Object> args, Function<Object, @Nullable String> render) {
        this.pattern = pattern;
        this.args = args;
        this.render = render;
    }

    /**
     * The sentence, stripped of surrounding white space as {@link Messages} strips ICU's, or null
     * when it is not in the subset.
     *
     * @param render the text of a value other than a text or a count (null to decline)
     */
    static @Nullable String format(String pattern, Map<String, Object> args, Function<Object, @Nullable String> render) {
        EnglishFormat f = new EnglishFormat(pattern, args, render);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        return f.message(out, null) && f.at == pattern.length() ? out.toString().strip() : null;
    }

    /** English's list: {@code a}, {@code a and b}, {@code a, b, and c}, as ICU's English list pattern. */
    static String list(List<String> items) {
        int n = items.size();
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            return items.get(0);
        }
        if (n == 2) {
            return items.get(0) + " and " + items.get(1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(i == n - 1 ? ", and " : ", ");
            }
            out.append(items.get(i));
        }
        return out.toString();
    }

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /**
     * An English date as ICU writes the skeletons {@code yMMMMd}, {@code yMMMM} and {@code y} in
     * the Gregorian calendar: {@code December 7, 2026}, {@code December 2026}, {@code 2026}.
     *
     * @param month 1 to 12, or 0 for a year alone
     * @param day 1 to 31, or 0 for a month alone
     */
    static String date(int year, int month, int day) {
        if (month == 0) {
            return Integer.toString(year);
        }
        String name = MONTHS[month - 1];
        return day == 0 ? name + " " + year : name + " " + day + ", " + year;
    }

    /** A count with its thousands grouped by commas, as ICU's English number format writes it. */
    static void grouped(StringBuilder out, long count, boolean grouping) {
        String digits = Long.toString(Math.abs(count));
        if (count < 0) {
            out.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (grouping && i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
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
                    grouped(out, count, true);
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
            return out == null || simple(out, value);
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
            if (!(value instanceof Integer || value instanceof Long)) {
                return false;
            }
            count = ((Number) value).longValue();
            chosen = keywords.indexOf("=" + count);
            if (chosen < 0 && count == 1) {
                chosen = keywords.indexOf("one");
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

    /** {@code {name}}: a text as it is, a count grouped, anything else as the caller renders it. */
    private boolean simple(StringBuilder out, @Nullable Object value) {
        if (value instanceof String s) {
            out.append(s);
        } else if (value instanceof Integer || value instanceof Long) {
            grouped(out, ((Number) value).longValue(), true);
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
        if (!(value instanceof Integer || value instanceof Long)) {
            return false;
        }
        grouped(out, ((Number) value).longValue(), grouping);
        return true;
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
