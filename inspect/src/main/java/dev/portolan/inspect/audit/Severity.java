package dev.portolan.inspect.audit;

import java.util.Locale;

/** How much a finding matters, most first. */
public enum Severity {
    /** Likely a compromise or a service open to anyone that gives control of the machine. */
    HIGH,
    /** Likely a mistake worth fixing: a service exposed or not what its port promises. */
    MEDIUM,
    /** Worth knowing; often harmless. */
    LOW;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** {@code high}, {@code medium} or {@code low}: the spelling of the JSON output. */
    public String id() {
        return id;
    }

    /** Parses a severity name case-insensitively. */
    public static java.util.Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.id.equalsIgnoreCase(text)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
