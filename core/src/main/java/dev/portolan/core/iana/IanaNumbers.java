package dev.portolan.core.iana;

import dev.portolan.core.PortRange;
import java.util.Optional;

/** Port number fields as IANA writes them in both formats: {@code 80} or {@code 6000-6063}. */
final class IanaNumbers {
    private IanaNumbers() {}

    static Optional<PortRange> parseRange(String text) {
        String t = text.strip();
        int dash = t.indexOf('-');
        int first = parsePort(dash < 0 ? t : t.substring(0, dash));
        int last = dash < 0 ? first : parsePort(t.substring(dash + 1));
        if (first < 0 || last < 0 || first > last) {
            return Optional.empty();
        }
        return Optional.of(new PortRange(first, last));
    }

    /** The port, or -1 when the text is not a number from 0 to 65535. */
    private static int parsePort(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 5) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= PortRange.MAX_PORT ? v : -1;
    }
}
