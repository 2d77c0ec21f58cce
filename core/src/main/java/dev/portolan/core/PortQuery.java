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
        String arg = argument.strip();
        if (arg.isEmpty()) {
            throw new InvalidQueryException("empty argument: expected a port (443), port/transport (53/udp), "
                    + "range (8000-8010) or service name (ssh)");
        }
        if (arg.length() > MAX_LENGTH) {
            throw new InvalidQueryException("argument is " + arg.length() + " characters long, at most "
                    + MAX_LENGTH + " are accepted: expected a port (443), range (8000-8010) or service name (ssh)");
        }
        String body = arg;
        Transport only = null;
        int slash = arg.lastIndexOf('/');
        if (slash >= 0) {
            body = arg.substring(0, slash);
            String t = arg.substring(slash + 1);
            only = Transport.parse(t).orElseThrow(() -> new InvalidQueryException("unknown transport \""
                    + printable(t) + "\" in \"" + printable(arg) + "\": expected tcp, udp, sctp or dccp"));
        }
        if (body.matches("[+-]?\\d+")) {
            return new Port(port(body, arg), only);
        }
        if (body.matches("\\d+\\s*-\\s*\\d+")) {
            int dash = body.indexOf('-');
            int first = port(body.substring(0, dash).strip(), arg);
            int last = port(body.substring(dash + 1).strip(), arg);
            if (first > last) {
                throw new InvalidQueryException("range \"" + body + "\" is reversed: write the lower port first, as in "
                        + last + "-" + first);
            }
            return new Range(new PortRange(first, last), only);
        }
        if (body.matches("[A-Za-z0-9][A-Za-z0-9._+-]*") && body.chars().anyMatch(Character::isLetter)) {
            return new Service(body, only);
        }
        throw new InvalidQueryException("\"" + printable(arg) + "\" is not a port, range or service name: expected a "
                + "port 0-65535 (443), port/transport (53/udp), range (8000-8010) or service name (ssh)");
    }

    private static int port(String digits, String arg) throws InvalidQueryException {
        String d = digits.startsWith("+") ? digits.substring(1) : digits;
        boolean negative = d.startsWith("-");
        String abs = negative ? d.substring(1) : d;
        String trimmed = abs.replaceFirst("^0+(?=\\d)", "");
        if (negative || trimmed.length() > 5 || Integer.parseInt(trimmed) > PortRange.MAX_PORT) {
            String shown = digits.length() > 20 ? digits.substring(0, 20) + "..." : digits;
            throw new InvalidQueryException("port " + shown + " in \"" + (arg.length() > 20 ? shown : arg)
                    + "\" is out of range: port numbers are 0 to 65535");
        }
        return Integer.parseInt(trimmed);
    }

    /** The text with control characters shown as {@code ?}, safe to echo on a terminal. */
    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
