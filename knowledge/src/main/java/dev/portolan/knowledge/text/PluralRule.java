package dev.portolan.knowledge.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A language's plural rules for whole numbers, in the syntax of CLDR (Unicode TR 35, "Language
 * Plural Rules") as ICU writes them: {@code one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4}.
 * The rules come from ICU at build time ({@link LocaleDataCompiler}); this class chooses the
 * category of a count without ICU, which costs a command line tens of milliseconds to load its
 * plural data.
 *
 * <p>For a whole number every operand is known: {@code n} and {@code i} are its absolute value,
 * {@code v}, {@code w}, {@code f}, {@code t}, {@code e} and {@code c} are 0. Relations are {@code
 * =}, {@code !=}, {@code in}, {@code not in}, {@code within}, {@code is} and {@code is not}, with
 * an optional {@code % m}, over values and ranges {@code a..b} separated by commas; {@code and}
 * binds tighter than {@code or}. Immutable. Tests compare it with ICU on every language.
 */
final class PluralRule {
    /** A category and its condition: alternatives (or) of relations that must all hold (and). */
    private record Category(String keyword, List<List<Relation>> alternatives) {}

    /** {@code operand % modulus} (modulus 0 for none) in (or, negated, not in) the ranges. */
    private record Relation(char operand, long modulus, boolean negated, long[] ranges) {
        boolean holds(long n) {
            long value = operand == 'n' || operand == 'i' ? n : 0;
            if (modulus != 0) {
                value %= modulus;
            }
            boolean in = false;
            for (int r = 0; r < ranges.length && !in; r += 2) {
                in = value >= ranges[r] && value <= ranges[r + 1];
            }
            return in != negated;
        }
    }

    private final List<Category> categories;

    private PluralRule(List<Category> categories) {
        this.categories = categories;
    }

    /**
     * Reads rules written as ICU's {@code PluralRules} lists them: {@code keyword: condition}
     * separated by {@code ;}, samples after {@code @} ignored; {@code other} needs no rule. Read by
     * hand, without regular expressions (a command line's start compiles none).
     *
     * @throws IllegalArgumentException if the text is not in that syntax
     */
    static PluralRule parse(String text) {
        Reader r = new Reader(text);
        List<Category> categories = new ArrayList<>();
        while (r.more()) {
            String keyword = r.word();
            r.expect(":");
            List<List<Relation>> alternatives = new ArrayList<>();
            if (!r.atEndOfRule()) {
                do {
                    List<Relation> relations = new ArrayList<>();
                    do {
                        relations.add(r.relation());
                    } while (r.accept("and"));
                    alternatives.add(List.copyOf(relations));
                } while (r.accept("or"));
            }
            r.skipSamples();
            if (r.more()) {
                r.expect(";");
            }
            if (!keyword.equals("other")) {
                categories.add(new Category(keyword, List.copyOf(alternatives)));
            }
        }
        return new PluralRule(List.copyOf(categories));
    }

    /** Reads the tokens of a rule text: words, numbers and the signs {@code : ; = != % , ..}. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        private void skipSpaces() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean more() {
            skipSpaces();
            return at < text.length();
        }

        boolean atEndOfRule() {
            skipSpaces();
            return at >= text.length() || text.charAt(at) == ';' || text.charAt(at) == '@';
        }

        void skipSamples() {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == '@') {
                while (at < text.length() && text.charAt(at) != ';') {
                    at++;
                }
            }
        }

        /** The next token without taking it. */
        String peek() {
            skipSpaces();
            if (at >= text.length()) {
                return "";
            }
            char c = text.charAt(at);
            int end = at + 1;
            if (Character.isLetter(c)) {
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++;
                }
            } else if (c >= '0' && c <= '9') {
                while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                    end++;
                }
            } else if ((c == '!' || c == '.') && end < text.length() && text.charAt(end) == (c == '!' ? '=' : '.')) {
                end++;
            }
            return text.substring(at, end);
        }

        String take() {
            String t = peek();
            at += t.length();
            return t;
        }

        boolean accept(String token) {
            if (peek().equals(token)) {
                at += token.length();
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!accept(token)) {
                throw fail("expected \"" + token + "\"");
            }
        }

        String word() {
            String w = take();
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                throw fail("expected a keyword");
            }
            return w;
        }

        long number() {
            String n = take();
            if (n.isEmpty() || n.charAt(0) < '0' || n.charAt(0) > '9' || n.length() > 18) {
                throw fail("expected a number");
            }
            return Long.parseLong(n);
        }

        Relation relation() {
            String operand = take();
            if (operand.length() != 1 || "nivwftec".indexOf(operand.charAt(0)) < 0) {
                throw fail("expected an operand");
            }
            long modulus = accept("%") ? number() : 0;
            boolean negated;
            if (accept("=")) {
                negated = false;
            } else if (accept("!=")) {
                negated = true;
            } else if (accept("is")) {
                negated = accept("not");
            } else {
                negated = accept("not");
                if (!accept("in") && !accept("within")) {
                    throw fail("expected a relation");
                }
            }
            List<Long> ranges = new ArrayList<>();
            do {
                long low = number();
                ranges.add(low);
                ranges.add(accept("..") ? number() : low);
            } while (accept(","));
            long[] bounds = new long[ranges.size()];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = ranges.get(i);
            }
            return new Relation(operand.charAt(0), modulus, negated, bounds);
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException("plural rules: " + what + " at " + at + " of \"" + text + "\"");
        }
    }

    /** The category of a whole number: the first whose condition holds, else {@code other}. */
    String select(long count) {
        long n = count == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(count);
        for (Category c : categories) {
            for (List<Relation> alternative : c.alternatives()) {
                boolean all = true;
                for (int r = 0; r < alternative.size() && all; r++) {
                    all = alternative.get(r).holds(n);
                }
                if (all) {
                    return c.keyword();
                }
            }
        }
        return "other";
    }
}
