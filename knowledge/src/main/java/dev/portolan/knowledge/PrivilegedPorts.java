package dev.portolan.knowledge;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who may bind low ports on one operating system.
 *
 * @param id a short identifier ({@code linux}, {@code macos})
 * @param system the system's name
 * @param below ports below this number need a privilege; null when the system restricts none
 * @param privilege the privilege that allows it ({@code root}, {@code CAP_NET_BIND_SERVICE}), or empty
 * @param settings the settings that move the boundary, possibly none
 * @param since the version that introduced the behaviour or setting, or empty
 * @param exempt which binds need no privilege even below the boundary ({@code wildcard-address}:
 *     binding the wildcard address), or empty
 * @param alternatives other mechanisms that grant single ports
 * @param cites the citations
 */
public record PrivilegedPorts(String id, String system, @Nullable Integer below, String privilege,
        List<String> settings, String since, String exempt, List<Alternative> alternatives, List<String> cites) {
    public PrivilegedPorts {
        settings = List.copyOf(settings);
        alternatives = List.copyOf(alternatives);
        cites = List.copyOf(cites);
    }

    /**
     * Another mechanism that lets unprivileged programs bind chosen low ports.
     *
     * @param name its name ({@code mac_portacl})
     * @param since the version that introduced it, or empty
     * @param cites the citations
     */
    public record Alternative(String name, String since, List<String> cites) {
        public Alternative {
            cites = List.copyOf(cites);
        }
    }

    /** Whether binding {@code port} needs a privilege by default on this system. */
    public boolean restricts(int port) {
        return below != null && port < below;
    }
}
