package dev.portolan.core;

import java.util.Locale;
import java.util.Optional;

/** The four transport protocols the IANA port registry assigns numbers for. */
public enum Transport {
    TCP, UDP, SCTP, DCCP;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** The registry's lower-case spelling: {@code tcp}, {@code udp}, {@code sctp}, {@code dccp}. */
    public String id() {
        return id;
    }

    /** Parses a transport name case-insensitively; empty when it names none of the four. */
    public static Optional<Transport> parse(String text) {
        for (Transport t : values()) {
            if (t.id.equalsIgnoreCase(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
