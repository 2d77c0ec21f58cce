package dev.portolan.inspect;

import org.jspecify.annotations.Nullable;

/** Splits {@code ADDRESS:PORT} and {@code [IPV6]:PORT} as lsof and netstat print them. */
final class Endpoints {
    /** An address (canonical, or {@code *} for any) and a port (-1 for {@code *}). */
    record Endpoint(String address, int port) {}

    private Endpoints() {}

    /** The endpoint, or null when the text is not one. */
    static @Nullable Endpoint parse(String text) {
        int colon;
        String address;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                return null;
            }
            address = text.substring(1, close);
            colon = close + 1;
        } else {
            colon = text.lastIndexOf(':');
            if (colon <= 0) {
                return null;
            }
            address = text.substring(0, colon);
        }
        String portText = text.substring(colon + 1);
        int port;
        if (portText.equals("*")) {
            port = -1;
        } else {
            long p = ProcScanner.pid(portText);
            if (p < 0 || p > 65_535) {
                return null;
            }
            port = (int) p;
        }
        if (address.equals("*")) {
            return new Endpoint(address, port);
        }
        String canonical = Addresses.normalize(address);
        return canonical == null ? null : new Endpoint(canonical, port);
    }
}
