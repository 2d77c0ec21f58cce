package dev.portolan.inspect;

import org.jspecify.annotations.Nullable;

/**
 * Parses and writes socket addresses in one canonical text form (see {@link LocalSocket}), with
 * character tests rather than {@link java.net.InetAddress}, which would look zones up among this
 * machine's interfaces and turns IPv4-mapped addresses into IPv4 ones.
 */
final class Addresses {
    static final String IPV4_WILDCARD = "0.0.0.0";
    static final String IPV6_WILDCARD = "::";
    private static final int MAX_ZONE = 64;

    private Addresses() {}

    static String ipv4(int b0, int b1, int b2, int b3) {
        return new StringBuilder(15).append(b0).append('.').append(b1).append('.').append(b2).append('.').append(b3)
                .toString();
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    static String ipv6(byte[] a) {
        if (a.length != 16) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + a.length);
        }
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= a[i] == 0;
        }
        if (mapped && a[10] == (byte) 0xff && a[11] == (byte) 0xff) {
            return "::ffff:" + ipv4(a[12] & 0xff, a[13] & 0xff, a[14] & 0xff, a[15] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    /**
     * The canonical form of an address as a tool printed it: dotted IPv4, or IPv6 with an optional
     * {@code %zone}; null when the text is neither.
     */
    static @Nullable String normalize(String text) {
        if (text.indexOf(':') < 0) {
            int[] v4 = parseIpv4(text);
            return v4 == null ? null : ipv4(v4[0], v4[1], v4[2], v4[3]);
        }
        int percent = text.indexOf('%');
        String zone = percent < 0 ? null : text.substring(percent + 1);
        String body = percent < 0 ? text : text.substring(0, percent);
        if (zone != null && !isZone(zone)) {
            return null;
        }
        byte[] bytes = parseIpv6(body);
        if (bytes == null) {
            return null;
        }
        return zone == null ? ipv6(bytes) : ipv6(bytes) + "%" + zone;
    }

    private static boolean isZone(String zone) {
        if (zone.isEmpty() || zone.length() > MAX_ZONE) {
            return false;
        }
        for (int i = 0; i < zone.length(); i++) {
            char c = zone.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static int @Nullable [] parseIpv4(String text) {
        int[] out = new int[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || part > 3) {
                    return null;
                }
                out[part++] = value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte @Nullable [] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        int[] h = groups(head, gap < 0);
        int[] t = groups(tail, true);
        if (h == null || t == null) {
            return null;
        }
        int count = h.length + t.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < h.length; i++) {
            out[2 * i] = (byte) (h[i] >> 8);
            out[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < t.length; i++) {
            int at = 8 - t.length + i;
            out[2 * at] = (byte) (t[i] >> 8);
            out[2 * at + 1] = (byte) t[i];
        }
        return out;
    }

    /** Colon-separated hex groups; the last may be dotted IPv4 (two groups) when {@code last}. */
    private static int @Nullable [] groups(String text, boolean last) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        int extra = 0;
        int[] v4 = null;
        if (last && parts[parts.length - 1].indexOf('.') >= 0) {
            v4 = parseIpv4(parts[parts.length - 1]);
            if (v4 == null) {
                return null;
            }
            extra = 1;
        }
        if (parts.length > 8) {
            return null;
        }
        int[] out = new int[parts.length + extra];
        for (int i = 0; i < parts.length - (v4 == null ? 0 : 1); i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int v = 0;
            for (int k = 0; k < p.length(); k++) {
                int d = hex(p.charAt(k));
                if (d < 0) {
                    return null;
                }
                v = v * 16 + d;
            }
            out[i] = v;
        }
        if (v4 != null) {
            out[out.length - 2] = (v4[0] << 8) | v4[1];
            out[out.length - 1] = (v4[2] << 8) | v4[3];
        }
        return out;
    }

    /** The value of an ASCII hex digit, or -1 (not {@link Character#digit}, which takes any script's digits). */
    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    static boolean isWildcard(String address) {
        return address.equals(IPV4_WILDCARD) || address.equals(IPV6_WILDCARD);
    }

    static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
    }

    static String endpoint(String address, int port) {
        return address.indexOf(':') >= 0 ? "[" + address + "]:" + port : address + ":" + port;
    }
}
