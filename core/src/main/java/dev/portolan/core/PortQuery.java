package dev.portolan.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One lookup argument as a user types it: a port ({@code 443}), a port and transport
 * ({@code 53/udp}), a range ({@code 8000-8010}, optionally {@code /tcp}), or a service name
 * ({@code ssh}, case-insensitive, optionally {@code ssh/tcp}).
 */
public sealed interface PortQuery {
    /** The longest argument accepted; longer input is refused before any parsing. */
    int MAX_LENGTH = 64;

    /** The transport the argument names, if any. */
    Optional<Transport> transport();

    /** A single port. */
    record Port(int port, @Nullable Transport only) implements PortQuery {
        @Override
        public Optional<Transport> transport() {
            return Optional.ofNullable(only);
        }
    }

    /** An inclusive range of ports. */
    record Range(PortRange ports, @Nullable Transport only) implements PortQuery {
        @Override
        public Optional<Transport> transport() {
            return Optional.ofNullable(only);
        }
    }

    /** A service name or alias, matched case-insensitively. */
    record Service(String name, @Nullable Transport only) implements PortQuery {
        @Override
        public Optional<Transport> transport() {
            return Optional.ofNullable(only);
        }
    }

    /**
     * Parses one argument.
     *
     * @throws InvalidQueryException with a message that names the argument, what is wrong and what
     *     is valid
     */
    static PortQuery parse(String argument) throws InvalidQueryException {
        return QueryParser.parse(argument);
    }
}

/**
 * The parser behind {@link PortQuery#parse}. Written with character tests rather than regular
 * expressions: this runs at every start of the command line, where the JVM's first regular
 * expression costs more than the rest of the parse.
 */
final class QueryParser {
    private static final String EXPECTED =
            "expected a port 0-65535 (443), port/transport (53/udp), range (8000-8010) or service name (ssh)";

    private QueryParser() {}

    static PortQuery parse(String argument) throws InvalidQueryException {
        String arg = argument.strip();
        if (arg.isEmpty()) {
            throw new InvalidQueryException("empty argument: " + EXPECTED);
        }
        if (arg.length() > PortQuery.MAX_LENGTH) {
            throw new InvalidQueryException("argument is " + arg.length() + " characters long, at most "
                    + PortQuery.MAX_LENGTH + " are accepted: " + EXPECTED);
        }
        String body = arg;
        Transport only = null;
        int slash = arg.lastIndexOf('/');
        if (slash >= 0) {
            body = arg.substring(0, slash);
            String t = arg.substring(slash + 1);
            Optional<Transport> parsed = Transport.parse(t);
            if (parsed.isEmpty()) {
                throw new InvalidQueryException("unknown transport \"" + printable(t) + "\" in \"" + printable(arg)
                        + "\": expected tcp, udp, sctp or dccp");
            }
            only = parsed.get();
        }
        int signLength = body.startsWith("-") || body.startsWith("+") ? 1 : 0;
        if (body.length() > signLength && allDigits(body, signLength, body.length())) {
            return new PortQuery.Port(port(body, arg), only);
        }
        int dash = body.indexOf('-', 1);
        if (dash > 0) {
            String left = body.substring(0, dash).strip();
            String right = body.substring(dash + 1).strip();
            if (!left.isEmpty() && !right.isEmpty() && allDigits(left, 0, left.length())
                    && allDigits(right, 0, right.length())) {
                int first = port(left, arg);
                int last = port(right, arg);
                if (first > last) {
                    throw new InvalidQueryException("range \"" + printable(body) + "\" is reversed: write the lower port first, as in "
                            + last + "-" + first);
                }
                return new PortQuery.Range(new PortRange(first, last), only);
            }
        }
        if (isServiceName(body)) {
            return new PortQuery.Service(body, only);
        }
        throw new InvalidQueryException("\"" + printable(arg) + "\" is not a port, range or service name: " + EXPECTED);
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return from < to;
    }

    /** Letters, digits and {@code . _ + -}, starting with a letter or digit, with at least one letter. */
    private static boolean isServiceName(String s) {
        if (s.isEmpty() || !isAsciiLetterOrDigit(s.charAt(0))) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '.' && c != '_' && c != '+' && c != '-') {
                return false;
            }
            letter |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return letter;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static int port(String digits, String arg) throws InvalidQueryException {
        boolean negative = digits.startsWith("-");
        String abs = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        int start = 0;
        while (start < abs.length() - 1 && abs.charAt(start) == '0') {
            start++;
        }
        String trimmed = abs.substring(start);
        if (negative || trimmed.length() > 5 || Integer.parseInt(trimmed) > PortRange.MAX_PORT) {
            String shown = printable(digits.length() > 20 ? digits.substring(0, 20) + "..." : digits);
            throw new InvalidQueryException("port " + shown + " in \"" + (arg.length() > 20 ? shown : printable(arg))
                    + "\" is out of range: port numbers are 0 to 65535");
        }
        return Integer.parseInt(trimmed);
    }

    /** The text with control characters shown as {@code ?}, safe to echo on a terminal. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
