package dev.portolan.web;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Strict decoding of query strings and form bodies, and encoding of query values. */
final class Urls {
    private Urls() {}

    /** A query string or form body was malformed: bad percent-escapes or bytes that are not UTF-8. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** A value percent-encoded as one path segment: only unreserved characters stay as they are. */
    static String segment(String value) {
        StringBuilder out = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean unreserved = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-'
                    || b == '.' || b == '_' || b == '~';
            if (!unreserved && out == null) {
                out = new StringBuilder(bytes.length * 3);
                for (int j = 0; j < i; j++) {
                    out.append((char) bytes[j]);
                }
            }
            if (out != null) {
                if (unreserved) {
                    out.append((char) b);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /** A value percent-encoded for a query string. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The parameters of an {@code application/x-www-form-urlencoded} string: the first value of each
     * name wins. Unlike the servlet container, this refuses what is not UTF-8 instead of guessing.
     *
     * @throws Malformed if a percent-escape is broken or the bytes are not UTF-8
     */
    static Map<String, String> parse(String raw) throws Malformed {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        int start = 0;
        while (start <= raw.length()) {
            int amp = raw.indexOf('&', start);
            int end = amp < 0 ? raw.length() : amp;
            if (end > start) {
                int eq = raw.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = decode(raw, start, end);
                    value = "";
                } else {
                    name = decode(raw, start, eq);
                    value = decode(raw, eq + 1, end);
                }
                out.putIfAbsent(name, value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return out;
    }

    private static String decode(String s, int from, int to) throws Malformed {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+' || c > 0x7e || c < 0x20) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 3);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw new Malformed("a percent sign is not followed by two hex digits");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new Malformed("a percent sign is not followed by two hex digits");
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                // the container decoded the raw query as ISO-8859-1 or UTF-8; re-encode what we got
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("the text is not UTF-8");
        }
    }
}
