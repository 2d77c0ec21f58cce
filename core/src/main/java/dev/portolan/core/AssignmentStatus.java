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

    /** Descriptions of records without a service name that say the number was given back. */
    private static final java.util.List<String> WITHDRAWN = java.util.List.of("unassigned", "(unassigned)",
            "de-registered", "removed", "deprecated", "decomissioned", "decommissioned", "de-commissioned");

    /**
     * The status of a record from its service name and description. A named record is read as
     * {@link #fromDescription} says. A record without a name is reserved when its description
     * starts with "Reserved", unassigned when it says the number is unassigned or was given back
     * ("Unassigned [was netstat]", "De-registered", "Removed", "Deprecated", "Decomissioned Port"),
     * and otherwise assigned without a name ("any private mail system").
     */
    public static AssignmentStatus of(@org.jspecify.annotations.Nullable String service, String description) {
        if (service != null) {
            return fromDescription(description);
        }
        String d = description.strip().toLowerCase(java.util.Locale.ROOT);
        if (d.startsWith("reserved")) {
            return RESERVED;
        }
        for (String w : WITHDRAWN) {
            if (d.startsWith(w)) {
                return UNASSIGNED;
            }
        }
        return fromDescription(description);
    }

    @Override
    public String toString() {
        return id;
    }
}
