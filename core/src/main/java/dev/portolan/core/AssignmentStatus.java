package dev.portolan.core;

import java.util.Locale;

/** What the registry says about a (port, transport) pair. */
public enum AssignmentStatus {
    /** A service holds the number. */
    ASSIGNED,
    /** IANA keeps the number back: not for use, not for assignment (yet). */
    RESERVED,
    /** Free for assignment; nothing may rely on it. */
    UNASSIGNED;

    private final String id = name().toLowerCase(Locale.ROOT);

    /** {@code assigned}, {@code reserved} or {@code unassigned}: the spelling of the JSON output. */
    public String id() {
        return id;
    }

    /**
     * The status a registry record's description implies: IANA writes {@code Reserved} and
     * {@code Unassigned} (sometimes lower-case) in the description of records that hold no
     * service; every other description names a service.
     */
    public static AssignmentStatus fromDescription(String description) {
        String d = description.strip();
        if (d.equalsIgnoreCase("reserved")) {
            return RESERVED;
        }
        if (d.equalsIgnoreCase("unassigned")) {
            return UNASSIGNED;
        }
        return ASSIGNED;
    }

    @Override
    public String toString() {
        return id;
    }
}
