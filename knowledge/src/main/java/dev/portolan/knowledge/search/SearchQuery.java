package dev.portolan.knowledge.search;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a person typed into a search, read as either ports or words.
 *
 * <ul>
 *   <li><b>Ports</b>: numbers, ranges and lists, each optionally with a transport ({@code 443},
 *       {@code 443/udp}, {@code 8000-8100}, {@code 22, 80, 443}, {@code port 22}, {@code tcp 443},
 *       {@code :3000}): the answer is those ports, in the order given.
 *   <li><b>Words</b>: anything else, read by {@link SearchText}; {@code tcp}, {@code udp}, {@code
 *       sctp} or {@code dccp} among other words keep only that transport, and a question's
 *       filler ({@code which port does redis use}) is dropped as long as a word remains.
 * </ul>
 *
 * @param text the query as typed, without surrounding blanks and without the invisible marks of
 *     text direction (isolates, LRM, RLM) that come along when text is copied from a right-to-left
 *     page: {@code ⁦0–1023⁩} is the range 0–1023
 * @param ports for a ports query, the ports asked for, in order; empty for a words query
 * @param transports the transports to keep; empty for all
 * @param words for a words query, its normalized words; empty for a ports query
 */
public record SearchQuery(String text, List<Ports> ports, Set<Transport> transports, List<String> words) {
    /** The longest query accepted, in characters. */
    public static final int MAX_LENGTH = 200;

    /**
     * A number or range asked for, with the transport written beside it ({@code 53/udp}).
     *
     * @param range the ports
     * @param transport the transport written with it, or null
     */
    public record Ports(PortRange range, Transport transport) {}

    /**
     * A port token as read by {@link #portToken}: the digits of the first port, of the last (or
     * null), and the transport written after a slash (or null).
     */
    record PortToken(String first, @org.jspecify.annotations.Nullable String last,
            @org.jspecify.annotations.Nullable String transport) {}

    /** Words that say "port" in the languages of the site; they carry no meaning of their own here. */
    private static final Set<String> PORT_WORDS = Set.of("port", "ports", "puerto", "puertos", "porta", "portas",
            "porte", "порт", "порта", "порты", "портов", "端口", "ポート", "पोर्ट", "পোর্ট", "cổng", "cong", "منفذ",
            "المنفذ", "پورت", "پورټ", "number", "nr");

    /** The filler of a question in English: dropped where other words remain. */
    private static final Set<String> FILLER = Set.of("what", "which", "who", "whose", "is", "are", "was", "the", "a",
            "an", "of", "on", "in", "for", "to", "does", "do", "by", "use", "uses", "used", "using", "default",
            "listens", "listen", "listening", "run", "runs", "running", "my", "me", "it", "this", "that", "open",
            "number");

    public SearchQuery {
        ports = List.copyOf(ports);
        transports = transports.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(transports));
        words = List.copyOf(words);
    }

    /** Whether the query names ports by number. */
    public boolean isPorts() {
        return !ports.isEmpty();
    }

    /**
     * The text without the characters that only steer the direction of text (Unicode's
     * Bidi_Control: isolates, embeddings, LRM, RLM, ALM), which a reader copies along from a
     * right-to-left page without seeing them.
     */
    static String withoutDirectionMarks(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean mark = c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                    || c >= '\u2066' && c <= '\u2069';
            if (mark && out == null) {
                out = new StringBuilder(raw.length()).append(raw, 0, i);
            } else if (!mark && out != null) {
                out.append(c);
            }
        }
        return out == null ? raw : out.toString();
    }

    /**
     * Reads a query.
     *
     * @throws SearchQueryException when it is empty, too long, holds control characters, has no
     *     letters or digits, or names a port outside 0-65535 or a range whose ends are reversed
     */
    public static SearchQuery parse(String raw) throws SearchQueryException {
        String text = withoutDirectionMarks(raw).strip();
        if (text.isEmpty()) {
            throw new SearchQueryException(SearchQueryException.Problem.EMPTY, "",
                    "the search query is empty: give a port (443), a range (8000-8100) or a name (ssh, postgres)");
        }
        if (text.length() > MAX_LENGTH) {
            throw new SearchQueryException(SearchQueryException.Problem.TOO_LONG, Integer.toString(text.length()),
                    "the search query is " + text.length() + " characters long; at most " + MAX_LENGTH
                            + " are accepted");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                i++;
            } else if (c != '\t' && c != '\n' && c != '\r' && (Character.isISOControl(c) || Character.isSurrogate(c))) {
                throw new SearchQueryException(SearchQueryException.Problem.CONTROL,
                        String.format(Locale.ROOT, "U+%04X", (int) c),
                        String.format(Locale.ROOT, "the search query holds the control or invalid character U+%04X; "
                                + "type a port, a range or words", (int) c));
            }
        }
        // "8000 - 8100" is one range, however it is spaced; "3389端口" is a port and a word.
        List<String> tokens = tokens(apart(rangesJoined(text)));
        List<Ports> ports = new ArrayList<>();
        Set<Transport> transports = EnumSet.noneOf(Transport.class);
        List<String> others = new ArrayList<>();
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            Transport t = transport(token);
            PortToken m;
            String hostPort;
            if (t != null) {
                transports.add(t);
            } else if ((m = portToken(token)) != null) {
                ports.add(ports(token, m));
            } else if ((hostPort = hostPortToken(token)) != null) {
                int port = number(hostPort, token);
                ports.add(new Ports(PortRange.of(port), null));
            } else {
                others.add(token);
            }
        }
        boolean onlyPortWords = true;
        for (String o : others) {
            onlyPortWords &= PORT_WORDS.contains(SearchText.fold(o));
        }
        if (!ports.isEmpty() && onlyPortWords) {
            for (Ports p : ports) {
                if (p.transport() != null) {
                    transports.add(p.transport());
                }
            }
            return new SearchQuery(text, ports, transports, List.of());
        }
        // Words: every token, numbers included ("mysql 3306"), read the way the index reads text.
        List<String> words = new ArrayList<>();
        for (String token : tokens) {
            if (transport(token) == null || others.isEmpty() && ports.isEmpty()) {
                words.addAll(SearchText.words(token));
            }
        }
        if (words.isEmpty()) {
            throw new SearchQueryException(SearchQueryException.Problem.NO_WORDS, "",
                    "the search query \"" + text + "\" has no letters or digits: give a port (443) or a name (ssh)");
        }
        // loops and hand-written readers rather than streams and regular expressions: their first
        // use costs a command line's start some 15 ms (bench/README.md)
        List<String> meaningful = new ArrayList<>(words.size());
        for (String w : words) {
            if (!FILLER.contains(w) && !PORT_WORDS.contains(w)) {
                meaningful.add(w);
            }
        }
        if (!meaningful.isEmpty()) {
            words = meaningful;
        }
        if (others.isEmpty() && ports.isEmpty()) {
            transports.clear(); // "tcp" alone is a word to find, not a filter
        }
        return new SearchQuery(text, List.of(), transports, words);
    }

    /**
     * The text with a space between digits and letters of scripts that write no spaces or no
     * Latin letters ({@code 3389端口}, {@code порт80}); Latin words with digits stay whole
     * ({@code x11}, {@code db2}).
     */
    private static String apart(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > 0) {
                char before = text.charAt(i - 1);
                boolean digitThenLetter = Character.isDigit(before) && foreignLetter(c);
                boolean letterThenDigit = foreignLetter(before) && Character.isDigit(c);
                if (digitThenLetter || letterThenDigit) {
                    out.append(' ');
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean foreignLetter(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN;
    }

    private static Ports ports(String token, PortToken m) throws SearchQueryException {
        int first = number(m.first(), token);
        int last = m.last() == null ? first : number(m.last(), token);
        if (last < first) {
            throw new SearchQueryException(SearchQueryException.Problem.RANGE_ORDER, token,
                    "the range " + token + " ends before it starts: write the lower port first (" + last + "-" + first
                            + ")");
        }
        return new Ports(new PortRange(first, last), m.transport() == null ? null : transport(m.transport()));
    }

    /**
     * The text with every "digit, blanks, dash, blanks, digit" written "digit-digit" ({@code 8000 -
     * 8100}, with a hyphen, en dash or em dash), left to right as a regular expression's
     * replace-all of {@code (\d)\s*[-\u2013\u2014]\s*(\d)} by {@code $1-$2} would.
     */
    static String rangesJoined(String text) {
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (asciiDigit(c)) {
                int j = skipBlanks(text, i + 1);
                if (j < n && dash(text.charAt(j))) {
                    int k = skipBlanks(text, j + 1);
                    if (k < n && asciiDigit(text.charAt(k))) {
                        if (out == null) {
                            out = new StringBuilder(n).append(text, 0, i);
                        }
                        out.append(c).append('-').append(text.charAt(k));
                        i = k + 1;
                        continue;
                    }
                }
            }
            if (out != null) {
                out.append(c);
            }
            i++;
        }
        return out == null ? text : out.toString();
    }

    /**
     * The tokens between separators (blanks, commas, semicolons, the ideographic and Arabic
     * commas), none empty: what splitting on {@code [\s,;\u3001\uff0c\u060c]+} leaves.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || separator(text.charAt(i));
            if (separator && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /**
     * A token that is a port or range: {@code 443}, {@code :3000}, {@code 8000-8100} (a hyphen, en
     * dash, em dash or colon between the numbers, blanks around it), each with an optional {@code
     * /tcp}, {@code /udp}, {@code /sctp} or {@code /dccp} in any case of ASCII letters; null for
     * any other token.
     */
    static @org.jspecify.annotations.Nullable PortToken portToken(String token) {
        int n = token.length();
        int i = token.startsWith(":") ? 1 : 0;
        int firstEnd = digits(token, i);
        if (firstEnd == i) {
            return null;
        }
        String first = token.substring(i, firstEnd);
        i = firstEnd;
        String last = null;
        int j = skipBlanks(token, i);
        if (j < n && (dash(token.charAt(j)) || token.charAt(j) == ':')) {
            int from = skipBlanks(token, j + 1);
            int to = digits(token, from);
            if (to > from) {
                last = token.substring(from, to);
                i = to;
            }
        }
        String transport = null;
        if (i < n && token.charAt(i) == '/') {
            String t = token.substring(i + 1);
            if (!asciiIgnoringCase(t, "tcp") && !asciiIgnoringCase(t, "udp") && !asciiIgnoringCase(t, "sctp")
                    && !asciiIgnoringCase(t, "dccp")) {
                return null;
            }
            transport = t;
            i = n;
        }
        return i == n ? new PortToken(first, last, transport) : null;
    }

    /**
     * The digits of the port of a host and port as browsers and logs show them ({@code
     * localhost:8080}, {@code http://[::1]:3000/x}): an optional scheme and {@code ://}, a host
     * name or a bracketed IPv6 address, a colon, the port, an optional path; null for any other
     * token.
     */
    static @org.jspecify.annotations.Nullable String hostPortToken(String token) {
        int n = token.length();
        int i = 0;
        // a scheme: a letter, then letters, digits, "+", "." or "-", then "://"
        if (n > 0 && asciiLetter(token.charAt(0))) {
            int j = 1;
            while (j < n && (asciiLetter(token.charAt(j)) || asciiDigit(token.charAt(j)) || "+.-".indexOf(token.charAt(j)) >= 0)) {
                j++;
            }
            if (token.startsWith("://", j)) {
                i = j + 3;
            }
        }
        if (i < n && token.charAt(i) == '[') {
            int j = i + 1;
            while (j < n && (hexDigit(token.charAt(j)) || token.charAt(j) == ':' || token.charAt(j) == '.')) {
                j++;
            }
            if (j == i + 1 || j >= n || token.charAt(j) != ']') {
                return null;
            }
            i = j + 1;
        } else {
            int j = i;
            while (j < n && !blank(token.charAt(j)) && ":/[]".indexOf(token.charAt(j)) < 0) {
                j++;
            }
            if (j == i) {
                return null;
            }
            i = j;
        }
        if (i >= n || token.charAt(i) != ':') {
            return null;
        }
        int end = digits(token, i + 1);
        if (end == i + 1) {
            return null;
        }
        String port = token.substring(i + 1, end);
        if (end < n) {
            if (token.charAt(end) != '/') {
                return null;
            }
            for (int k = end + 1; k < n; k++) {
                if (blank(token.charAt(k))) {
                    return null;
                }
            }
        }
        return port;
    }

    /** Whether a text is a lower-case ASCII word in any case of its ASCII letters (not {@code ſ} for {@code s}). */
    private static boolean asciiIgnoringCase(String text, String lowerAscii) {
        if (text.length() != lowerAscii.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lowerAscii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where the run of ASCII digits from {@code from} ends. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && asciiDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the run of blanks from {@code from} ends. */
    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && blank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** What {@code \s} is in a Java regular expression: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean separator(char c) {
        return blank(c) || c == ',' || c == ';' || c == '\u3001' || c == '\uff0c' || c == '\u060c';
    }

    private static boolean dash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    private static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean hexDigit(char c) {
        return asciiDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static int number(String digits, String token) throws SearchQueryException {
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') {
            zeros++;
        }
        String significant = digits.substring(zeros);
        if (significant.length() > 5 || Integer.parseInt(significant) > PortRange.MAX_PORT) {
            throw new SearchQueryException(SearchQueryException.Problem.PORT_RANGE, token,
                    "there is no port " + digits + ": ports are numbered 0 to 65535");
        }
        return Integer.parseInt(significant);
    }

    private static Transport transport(String token) {
        return switch (token.toLowerCase(Locale.ROOT)) {
            case "tcp" -> Transport.TCP;
            case "udp" -> Transport.UDP;
            case "sctp" -> Transport.SCTP;
            case "dccp" -> Transport.DCCP;
            default -> null;
        };
    }
}
