package dev.portolan.inspect.audit;

/** The audit's rules; each finding names the one that made it. */
public enum Rule {
    /** A listener on a system port (0-1023) that the registry lists as unassigned or reserved. */
    UNASSIGNED_SYSTEM_PORT("unassigned-system-port"),
    /** A listener on a port that the malware source associates with malware. */
    MALWARE_PORT("malware-port"),
    /** A listener on every interface, or a non-loopback address, for a service that normally serves only this machine. */
    EXPOSED_LOCAL_SERVICE("exposed-local-service"),
    /** A TCP listener inside this machine's ephemeral range, where outgoing connections take their ports. */
    EPHEMERAL_RANGE("ephemeral-range"),
    /** A process whose name is not among the known server programs of the port's registered service. */
    UNEXPECTED_PROGRAM("unexpected-program");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    /** The rule's name in the output, such as {@code unexpected-program}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
