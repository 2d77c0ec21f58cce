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
 * @param setting the setting that moves the boundary, or empty
 * @param since the version that introduced the behaviour or setting, or empty
 * @param cites the citations
 */
public record PrivilegedPorts(String id, String system, @Nullable Integer below, String privilege, String setting,
        String since, List<String> cites) {
    public PrivilegedPorts {
        cites = List.copyOf(cites);
    }

    /** Whether binding {@code port} needs a privilege by default on this system. */
    public boolean restricts(int port) {
        return below != null && port < below;
    }
}
