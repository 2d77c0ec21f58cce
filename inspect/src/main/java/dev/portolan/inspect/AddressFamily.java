package dev.portolan.inspect;

import java.util.Locale;

/** The internet protocol version of a socket. */
public enum AddressFamily {
    IPV4, IPV6;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** {@code ipv4} or {@code ipv6}: the spelling of the JSON output. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
