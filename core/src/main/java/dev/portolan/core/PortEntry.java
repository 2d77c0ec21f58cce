package dev.portolan.core;

import org.jspecify.annotations.Nullable;

/**
 * One answer row: a registry entry for one port on one transport. This is the unit of the JSON
 * output contract (one object per port, transport and registry entry).
 *
 * @param port the port; null only for a service name registered without a port number
 * @param transport the transport; null only for such a service name registered without one
 * @param assignment the registry entry, listed or implied
 */
public record PortEntry(@Nullable Integer port, @Nullable Transport transport, Assignment assignment) {

    /** The RFC 6335 range of the port, or null when there is no port. */
    public @Nullable RangeClass range() {
        return port == null ? null : RangeClass.of(port);
    }
}
