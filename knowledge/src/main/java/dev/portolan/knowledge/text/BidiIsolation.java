package dev.portolan.knowledge.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterDirection;

/**
 * Keeps the left-to-right stretches of a right-to-left sentence readable: every run of Latin text
 * (a name, a command, a version, an acronym the translation writes literally such as TCP or IANA)
 * and every range of numbers ({@code 0–1023}) is wrapped in Unicode's isolate marks, LEFT-TO-RIGHT
 * ISOLATE (U+2066) … POP DIRECTIONAL ISOLATE (U+2069). Inside, the run reads left to right as
 * written; outside, it is one neutral unit of the right-to-left sentence, so the punctuation around
 * it stays where the translation put it. Browsers honour the marks in text and attributes alike,
 * and so do terminals that lay out bidirectional text.
 *
 * <p>The rule, for a sentence of a right-to-left language:
 *
 * <ul>
 *   <li>A run is the longest stretch holding no right-to-left letter (Arabic, Persian and Pashto
 *       letters and Arabic punctuation end it), trimmed to begin and end with a letter or digit.
 *       Its inner punctuation stays inside ({@code ms-wbt-server},
 *       {@code net.ipv4.ip_unprivileged_port_start}, {@code IETF (IETF Review)}), and so do symbols
 *       written against its ends ({@code C++}, {@code --lang}); the sentence's own full stop,
 *       comma or colon after it does not.
 *   <li>A value the program puts into the sentence (a name, a description, a version, a command)
 *       is whole: all of it belongs to one run, its own punctuation and brackets included
 *       ({@code Possibly used by Sun Solaris????}, {@code Windows XP, Server 2003}). Values and
 *       Latin words separated by spaces only are one run ({@code Windows Vista, Server 2008},
 *       {@code Linux 4.2}).
 *   <li>The sentence's comma, colon or full stop followed by a space, right after a value or right
 *       before one, and outside any brackets of the run, separates two runs ({@code 3389: RDP}
 *       of {@code {port}: {what}} is 3389, the colon, then {@code RDP}), so they follow the
 *       sentence's order. Latin the translation writes itself stays one run
 *       ({@code Minecraft: Java Edition}).
 *   <li>Brackets stay paired: a pair whose opening bracket is inside the run belongs to it
 *       ({@code IETF (IETF Review)}); a pair that encloses the run, or that also holds
 *       right-to-left words, belongs to the sentence and stays outside, mirrored as the sentence
 *       runs ({@code (CAP_NET_BIND_SERVICE)}).
 *   <li>A run of digits alone is isolated only when it holds a mark that the bidirectional
 *       algorithm would turn around: a neutral one (the en dash of {@code 0–1023}, shown as
 *       1023–0 without isolation), or the hyphen of the registry's ranges ({@code 225-241}:
 *       after an Arabic letter its numbers count as Arabic, and a hyphen no longer joins them); a
 *       plain number such as {@code 1024} or {@code 4.11} reads correctly as it is and is left
 *       alone.
 * </ul>
 *
 * <p>{@link Messages} applies this once per formatted sentence, to the whole of it, after marking
 * its values with {@link #value}. The result is stable: isolating an isolated text gives the same
 * text, and a sentence nested in another is isolated again as part of the whole, its runs kept
 * whole. Isolates placed by others (first-strong or right-to-left ones) are left alone, with what
 * they enclose.
 */
public final class BidiIsolation {
    /** LEFT-TO-RIGHT ISOLATE, which opens every run this class isolates. */
    public static final char LRI = '\u2066';
    /** RIGHT-TO-LEFT ISOLATE. */
    public static final char RLI = '\u2067';
    /** FIRST STRONG ISOLATE. */
    public static final char FSI = '\u2068';
    /** POP DIRECTIONAL ISOLATE, which closes an isolate. */
    public static final char PDI = '\u2069';

    private BidiIsolation() {}

    /**
     * A right-to-left sentence with its left-to-right runs isolated, as described above. Text
     * without Latin letters or digits comes back as it is.
     */
    public static String isolate(String sentence) {
        if (!hasLeftToRight(sentence)) {
            return sentence;
        }
        Marked m = Marked.of(sentence);
        String text = m.text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int depth = 0;
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean boundary;
            if (m.whole.get(i)) {
                boundary = false;
            } else if (c == RLI || c == FSI || c == LRI) {
                depth++;
                boundary = true;
            } else if (c == PDI) {
                depth = Math.max(0, depth - 1);
                boundary = true;
            } else {
                boundary = depth > 0 || endsRun(c);
            }
            if (boundary) {
                if (start >= 0) {
                    segment(m, start, i, out);
                    start = -1;
                }
                out.appendCodePoint(c);
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            segment(m, start, text.length(), out);
        }
        return out.toString();
    }

    /**
     * A value as it goes into a sentence that {@link #isolate} will then read: a value written
     * left to right (a name, a description, a command, a version) is marked whole with LRI … PDI,
     * so that all of it, its own punctuation included ({@code Possibly used by Sun Solaris????}),
     * stays in the run it belongs to. A value holding right-to-left letters, or neither letters nor
     * digits, is returned as it is.
     */
    public static String value(String v) {
        boolean leftToRight = false;
        for (int i = 0; i < v.length(); ) {
            int c = v.codePointAt(i);
            if (c >= LRI && c <= PDI || endsRun(c)) {
                return v;
            }
            leftToRight |= core(c);
            i += Character.charCount(c);
        }
        return leftToRight ? LRI + v + PDI : v;
    }

    /**
     * A text without any isolate marks (LRI, RLI, FSI, PDI): for what is not read as a sentence
     * but compared, copied or matched as data.
     */
    public static String strip(String text) {
        if (text.indexOf(LRI) < 0 && text.indexOf(RLI) < 0 && text.indexOf(FSI) < 0 && text.indexOf(PDI) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < LRI || c > PDI) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a text has a left-to-right letter or a digit, without which there is nothing to isolate. */
    private static boolean hasLeftToRight(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (core(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /**
     * A text without the isolates this class puts in (each LRI and the PDI that closes it), and
     * which of its characters they enclosed: those are kept whole, in one run, when the runs are
     * found afresh over the whole text. Other isolates and their PDIs stay in the text.
     */
    private record Marked(String text, java.util.BitSet whole) {
        static Marked of(String s) {
            java.util.BitSet whole = new java.util.BitSet();
            if (s.indexOf(LRI) < 0) {
                return new Marked(s, whole);
            }
            StringBuilder out = new StringBuilder(s.length());
            // one bit a level: whether the isolate open at that level is ours (deep nesting is not ours)
            long own = 0;
            int depth = 0;
            int ours = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == LRI || c == RLI || c == FSI) {
                    boolean mine = c == LRI && depth < 64;
                    if (depth < 64) {
                        own = mine ? own | 1L << depth : own & ~(1L << depth);
                    }
                    depth++;
                    if (mine) {
                        ours++;
                        continue;
                    }
                } else if (c == PDI && depth > 0) {
                    depth--;
                    if (depth < 64 && (own & 1L << depth) != 0) {
                        ours--;
                        continue;
                    }
                }
                if (ours > 0) {
                    whole.set(out.length());
                }
                out.append(c);
            }
            return new Marked(out.toString(), whole);
        }
    }

    /**
     * Whether a character ends a run: a right-to-left letter, Arabic punctuation (the Arabic comma
     * is a common separator by class, but a mark of the sentence), a paragraph or segment
     * separator, or an explicit directional mark or embedding someone placed on purpose.
     */
    private static boolean endsRun(int c) {
        int d = BidiProperties.direction(c);
        switch (d) {
            case UCharacterDirection.RIGHT_TO_LEFT, UCharacterDirection.RIGHT_TO_LEFT_ARABIC,
                    UCharacterDirection.BLOCK_SEPARATOR, UCharacterDirection.SEGMENT_SEPARATOR,
                    UCharacterDirection.LEFT_TO_RIGHT_EMBEDDING, UCharacterDirection.LEFT_TO_RIGHT_OVERRIDE,
                    UCharacterDirection.RIGHT_TO_LEFT_EMBEDDING, UCharacterDirection.RIGHT_TO_LEFT_OVERRIDE,
                    UCharacterDirection.POP_DIRECTIONAL_FORMAT:
                return true;
            case UCharacterDirection.EUROPEAN_NUMBER, UCharacterDirection.ARABIC_NUMBER:
                return false;
            default:
                // U+200E LEFT-TO-RIGHT MARK is a strong letter by class, but a mark placed on purpose
                return c == 0x200E || c == 0x200F || BidiProperties.arabic(c);
        }
    }

    /** A letter written left to right, or a digit: what a run begins and ends with. */
    private static boolean core(int c) {
        if (c == 0x200E) {
            return false;
        }
        int d = BidiProperties.direction(c);
        return d == UCharacterDirection.LEFT_TO_RIGHT || d == UCharacterDirection.EUROPEAN_NUMBER
                || d == UCharacterDirection.ARABIC_NUMBER;
    }

    /** Appends a stretch without right-to-left letters, its runs isolated. */
    private static void segment(Marked m, int lo, int hi, StringBuilder out) {
        String text = m.text();
        Stretch s = new Stretch(m, lo, hi);
        s.runs(lo, hi);
        for (int i = lo; i < hi; i++) {
            if (s.opens[i - lo]) {
                out.append(LRI);
            }
            out.append(text.charAt(i));
            if (s.closes[i - lo]) {
                out.append(PDI);
            }
        }
    }

    /** A stretch without right-to-left letters: its characters' classes, bracket pairs, and the runs found. */
    private static final class Stretch {
        private final String text;
        /** Characters of values marked whole: part of a run, whatever they are. */
        private final java.util.BitSet whole;
        private final int lo;
        /** Bidirectional class of the character at each index (both halves of a surrogate pair). */
        private final byte[] direction;
        /** The index of the bracket each bracket pairs with, or -1. */
        private final int[] partner;
        final boolean[] opens;
        final boolean[] closes;

        Stretch(Marked m, int lo, int hi) {
            this.text = m.text();
            this.whole = m.whole();
            this.lo = lo;
            int n = hi - lo;
            direction = new byte[n];
            for (int i = lo; i < hi; ) {
                int c = text.codePointAt(i);
                int d = c == 0x200E ? UCharacterDirection.BOUNDARY_NEUTRAL : BidiProperties.direction(c);
                for (int k = 0; k < Character.charCount(c) && i + k < hi; k++) {
                    direction[i + k - lo] = (byte) d;
                }
                i += Character.charCount(c);
            }
            partner = brackets(text, whole, lo, hi);
            opens = new boolean[n];
            closes = new boolean[n];
        }

        private boolean core(int i) {
            if (whole.get(i)) {
                return true;
            }
            int d = direction[i - lo];
            return d == UCharacterDirection.LEFT_TO_RIGHT || d == UCharacterDirection.EUROPEAN_NUMBER
                    || d == UCharacterDirection.ARABIC_NUMBER;
        }

        /** Marks the runs of {@code [from, to)}: where an isolate opens (before a character) and closes (after it). */
        void runs(int from, int to) {
            int first = -1;
            int last = -1;
            for (int i = from; i < to; i++) {
                if (core(i)) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            if (first < 0) {
                return;
            }
            while (first > from && attachedBefore(text.charAt(first - 1))) {
                first--;
            }
            while (last + 1 < to && attachedAfter(text.charAt(last + 1))) {
                last++;
            }
            boolean letters = false;
            boolean turnable = false;
            // brackets of the run open at p
            int depth = 0;
            for (int p = first; p <= last; p++) {
                int q = partner[p - lo];
                char c = text.charAt(p);
                int type = whole.get(p) ? UCharacter.BidiPairedBracketType.NONE : bracket(c);
                if (type != UCharacter.BidiPairedBracketType.NONE && (q < first || q > last)) {
                    if (type == UCharacter.BidiPairedBracketType.OPEN && q > last && q < to) {
                        // a pair opened inside the run belongs to it
                        last = q;
                    } else {
                        // a bracket of the sentence: the run ends before it, and another may begin after it
                        split(from, p, to);
                        return;
                    }
                }
                if (type == UCharacter.BidiPairedBracketType.OPEN) {
                    depth++;
                } else if (type == UCharacter.BidiPairedBracketType.CLOSE) {
                    depth--;
                } else if (depth == 0 && separates(p, last)) {
                    // the sentence's own colon or comma after or before a value ("3389: RDP")
                    split(from, p, to);
                    return;
                }
                letters |= direction[p - lo] == UCharacterDirection.LEFT_TO_RIGHT;
                turnable |= direction[p - lo] == UCharacterDirection.OTHER_NEUTRAL
                        || direction[p - lo] == UCharacterDirection.EUROPEAN_NUMBER_SEPARATOR;
            }
            if (letters || turnable) {
                opens[first - lo] = true;
                closes[last - lo] = true;
            }
        }

        /**
         * Whether the character at {@code p} is the sentence's comma, colon, full stop or separator
         * ({@code ·}, {@code —}, {@code |}) between two runs: followed by a space, not part of a
         * value, and right after a value or right before one. Latin the translation writes stays one run ("Minecraft: Java Edition").
         */
        private boolean separates(int p, int last) {
            char c = text.charAt(p);
            boolean mark = sentencePunctuation(c) || c == '·' || c == '—' || c == '|';
            if (whole.get(p) || !mark || p >= last || !Character.isWhitespace(text.charAt(p + 1))) {
                return false;
            }
            int next = p + 1;
            while (next <= last && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            int previous = p - 1;
            while (previous >= lo && Character.isWhitespace(text.charAt(previous))) {
                previous--;
            }
            return previous >= lo && whole.get(previous) || next <= last && whole.get(next);
        }

        /** The runs on either side of a mark of the sentence at {@code at}. */
        private void split(int from, int at, int to) {
            runs(from, at);
            runs(at + 1, to);
        }
    }

    private static final int NONE = -1;

    /** The index of the bracket each bracket of {@code [lo, hi)} pairs with, or -1; by position minus lo. */
    private static int[] brackets(String text, java.util.BitSet whole, int lo, int hi) {
        int[] partner = new int[hi - lo + 1];
        java.util.Arrays.fill(partner, NONE);
        int[] stack = new int[64];
        int top = 0;
        for (int i = lo; i < hi; i++) {
            char c = text.charAt(i);
            // a value's own brackets are its business, paired or not
            int type = whole.get(i) ? UCharacter.BidiPairedBracketType.NONE : bracket(c);
            if (type == UCharacter.BidiPairedBracketType.OPEN) {
                if (top == stack.length) {
                    break; // as the bidirectional algorithm does (BD16), stop pairing
                }
                stack[top++] = i;
            } else if (type == UCharacter.BidiPairedBracketType.CLOSE) {
                for (int s = top - 1; s >= 0; s--) {
                    if (BidiProperties.pairedBracket(text.charAt(stack[s])) == c) {
                        partner[stack[s] - lo] = i;
                        partner[i - lo] = stack[s];
                        top = s;
                        break;
                    }
                }
            }
        }
        return partner;
    }

    private static int bracket(int c) {
        return BidiProperties.bracketType(c);
    }

    /** Marks of the sentence that end or separate it, never part of a run at its edges. */
    private static boolean sentencePunctuation(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '…';
    }

    /** Whether a character written right before a run's first letter belongs to it ({@code --lang}, {@code .NET}). */
    private static boolean attachedBefore(char c) {
        return attached(c) && (c == '.' || !sentencePunctuation(c));
    }

    /** Whether a character written right after a run's last letter belongs to it ({@code C++}, {@code 50%}). */
    private static boolean attachedAfter(char c) {
        return attached(c) && !sentencePunctuation(c);
    }

    private static boolean attached(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isSurrogate(c)) {
            return false;
        }
        if (bracket(c) != UCharacter.BidiPairedBracketType.NONE
                || BidiProperties.quotationMark(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.CONTROL && type != Character.NON_SPACING_MARK;
    }
}
