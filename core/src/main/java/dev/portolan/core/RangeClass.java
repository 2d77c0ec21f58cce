package dev.portolan.core;

import java.util.Locale;

/**
 * The three port ranges of RFC 6335, section 6: System Ports (0-1023), assigned through IETF
 * Review or IESG Approval; User Ports (1024-49151), assigned through IETF Review, IESG Approval or
 * Expert Review; and Dynamic and/or Private Ports (49152-65535), never assigned.
 */
public enum RangeClass {
    SYSTEM(0, 1023),
    USER(1024, 49_151),
    DYNAMIC(49_152, 65_535);

    private final PortRange ports;
    private final String id = name().toLowerCase(Locale.ROOT);

    RangeClass(int first, int last) {
        this.ports = new PortRange(first, last);
    }

    /** The ports of this range. */
    public PortRange ports() {
        return ports;
    }

    /** {@code system}, {@code user} or {@code dynamic}: the spelling of the JSON output. */
    public String id() {
        return id;
    }

    /**
     * The range that holds {@code port}.
     *
     * @throws IllegalArgumentException if the port is outside 0-65535
     */
    public static RangeClass of(int port) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        if (port <= SYSTEM.ports.last()) {
            return SYSTEM;
        }
        return port <= USER.ports.last() ? USER : DYNAMIC;
    }

    @Override
    public String toString() {
        return id;
    }
}
