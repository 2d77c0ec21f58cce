package dev.portolan.knowledge.search;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern PORT = Pattern.compile(
            ":?(\\d+)(?:\\s*[-\u2013\u2014:]\\s*(\\d+))?(?:/(tcp|udp|sctp|dccp))?", Pattern.CASE_INSENSITIVE);
    /** A host and port as browsers and logs show them: {@code localhost:8080}, {@code http://[::1]:3000/x}. */
    private static final Pattern HOST_PORT = Pattern.compile(
            "(?:[a-z][a-z0-9+.-]*://)?(?:[^\\s:/\\[\\]]+|\\[[0-9a-f:.]+\\]):(\\d+)(?:/\\S*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE_DASH = Pattern.compile("(\\d)\\s*[-\u2013\u2014]\\s*(\\d)");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;\u3001\uff0c\u060c]+");

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
        String[] tokens = SEPARATORS.split(apart(RANGE_DASH.matcher(text).replaceAll("$1-$2")));
        List<Ports> ports = new ArrayList<>();
        Set<Transport> transports = EnumSet.noneOf(Transport.class);
        List<String> others = new ArrayList<>();
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            Transport t = transport(token);
            Matcher m = PORT.matcher(token);
            Matcher hostPort = HOST_PORT.matcher(token);
            if (t != null) {
                transports.add(t);
            } else if (m.matches()) {
                ports.add(ports(token, m));
            } else if (hostPort.matches()) {
                int port = number(hostPort.group(1), token);
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
        List<String> meaningful = words.stream().filter(w -> !FILLER.contains(w) && !PORT_WORDS.contains(w)).toList();
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

    private static Ports ports(String token, Matcher m) throws SearchQueryException {
        int first = number(m.group(1), token);
        int last = m.group(2) == null ? first : number(m.group(2), token);
        if (last < first) {
            throw new SearchQueryException(SearchQueryException.Problem.RANGE_ORDER, token,
                    "the range " + token + " ends before it starts: write the lower port first (" + last + "-" + first
                            + ")");
        }
        return new Ports(new PortRange(first, last), m.group(3) == null ? null : transport(m.group(3)));
    }

    private static int number(String digits, String token) throws SearchQueryException {
        String significant = digits.replaceFirst("^0+(?=.)", "");
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
