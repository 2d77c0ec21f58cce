package dev.portolan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The English sentences of the command line's root bundle, formatted without ICU: what English, the
 * default, says costs no ICU class or data at start-up (the commands' start is measured against the
 * JVM's own). It formats the subset of ICU MessageFormat the root bundle is written in: text,
 * {@code ''}, {@code {name}} with a text value, {@code select} on a text value, and {@code plural}
 * on a count with English's rule (one for 1, other otherwise; {@code =N} first) and {@code #} as
 * the count grouped by commas. Anything else (another argument type, a number where text is
 * expected, quoting, a missing argument) is declined with null, and the caller asks ICU. A test
 * formats every root message both ways.
 */
final class RootSentences {
    private final Properties patterns;

    private RootSentences(Properties patterns) {
        this.patterns = patterns;
    }

    /** The root bundle of {@code baseName}, read now. */
    static RootSentences of(String baseName) {
        String resource = baseName + ".properties";
        Properties p = new Properties();
        try (InputStream in = RootSentences.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new RootSentences(p);
    }

    /** The sentence of a key, or null when it is not in this subset (or there is no such key). */
    @Nullable String format(String key, Map<String, Object> args) {
        String pattern = patterns.getProperty(key);
        if (pattern == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Parser p = new Parser(pattern, args);
        return p.message(out, null) && p.at == pattern.length() ? out.toString().strip() : null;
    }

    /** One pass over a pattern; each method returns false to decline. */
    private static final class Parser {
        private final String pattern;
        private final Map<String, Object> args;
        int at;

        Parser(String pattern, Map<String, Object> args) {
            this.pattern = pattern;
            this.args = args;
        }

        /**
         * Appends a (sub-)message up to its closing brace or the end; {@code count} is the number of
         * the plural whose branch this is, which {@code #} shows, or null.
         */
        boolean message(StringBuilder out, @Nullable Long count) {
            while (at < pattern.length()) {
                char c = pattern.charAt(at);
                if (c == '}') {
                    return true;
                } else if (c == '\'') {
                    char next = at + 1 < pattern.length() ? pattern.charAt(at + 1) : 0;
                    if (next == '\'') {
                        out.append('\'');
                        at += 2;
                    } else if (next == '{' || next == '}' || next == '|' || next == '#' && count != null) {
                        return false; // a quoted stretch
                    } else {
                        out.append('\'');
                        at++;
                    }
                } else if (c == '#' && count != null) {
                    out.append(String.format(Locale.ROOT, "%,d", count));
                    at++;
                } else if (c == '{') {
                    at++;
                    if (!argument(out)) {
                        return false;
                    }
                } else {
                    out.append(c);
                    at++;
                }
            }
            return true;
        }

        private boolean argument(StringBuilder out) {
            String name = word();
            Object value = args.get(name);
            skipSpaces();
            if (at < pattern.length() && pattern.charAt(at) == '}') {
                at++;
                if (!(value instanceof String s)) {
                    return false;
                }
                out.append(s);
                return true;
            }
            if (at >= pattern.length() || pattern.charAt(at) != ',') {
                return false;
            }
            at++;
            skipSpaces();
            String type = word();
            skipSpaces();
            if (at >= pattern.length() || pattern.charAt(at) != ',') {
                return false;
            }
            at++;
            Long count = null;
            if (type.equals("plural")) {
                if (!(value instanceof Integer || value instanceof Long)) {
                    return false;
                }
                count = ((Number) value).longValue();
            } else if (!type.equals("select") || !(value instanceof String)) {
                return false;
            }
            String chosen = null;
            String other = null;
            boolean exact = false;
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
                if (keyword.isEmpty() || at >= pattern.length() || pattern.charAt(at) != '{') {
                    return false;
                }
                at++;
                StringBuilder branch = new StringBuilder();
                if (!message(branch, count) || at >= pattern.length()) {
                    return false;
                }
                at++; // the branch's closing brace
                if (keyword.equals("other")) {
                    other = branch.toString();
                }
                if (count == null) {
                    if (chosen == null && keyword.equals(value)) {
                        chosen = branch.toString();
                    }
                } else if (keyword.startsWith("=")) {
                    if (!exact && keyword.equals("=" + count)) {
                        chosen = branch.toString();
                        exact = true;
                    }
                } else if (keyword.equals("one") && count == 1 && !exact) {
                    chosen = branch.toString();
                } else if (!keyword.equals("one") && !keyword.equals("other")) {
                    return false; // offset:, or a keyword English has no use for
                }
            }
            String shown = chosen != null ? chosen : other;
            if (shown == null) {
                return false;
            }
            out.append(shown);
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
}
