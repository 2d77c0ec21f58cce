package dev.portolan.knowledge;

import dev.portolan.core.Registry;
import java.util.Objects;

/**
 * The summaries of every port over one registry and one body of knowledge: what the pages, the
 * API, the command line and the audit ask when they need to know what is on a port. Immutable and
 * safe to share between threads.
 */
public final class PortSummaries {
    private final Registry registry;
    private final Knowledge knowledge;

    public PortSummaries(Registry registry, Knowledge knowledge) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    }

    /**
     * The summary of a port.
     *
     * @throws IllegalArgumentException if the port is outside 0-65535
     */
    public PortSummary of(int port) {
        return PortSummary.of(port, registry, knowledge);
    }

    /** The services assigned to a port on one transport ({@link PortSummary#services(Transport)}), alone. */
    public java.util.List<String> services(int port, dev.portolan.core.Transport t) {
        return PortSummary.services(port, t, registry);
    }

    /** The registry the summaries answer from. */
    public Registry registry() {
        return registry;
    }

    /** The knowledge the summaries draw on. */
    public Knowledge knowledge() {
        return knowledge;
    }
}
