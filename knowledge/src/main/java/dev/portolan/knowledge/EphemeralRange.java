package dev.portolan.knowledge;

import java.util.List;

/**
 * The range an operating system hands out by default for the local end of outgoing connections.
 *
 * @param id a short identifier ({@code linux}, {@code windows-vista})
 * @param system the system's name
 * @param since the first version with this default (a version name, not translated), or empty
 * @param until the last version with this default, or empty
 * @param low the first port of the range
 * @param high the last port of the range
 * @param settings the settings that change it (sysctl names, a registry value, a command)
 * @param cites the citations
 */
public record EphemeralRange(String id, String system, String since, String until, int low, int high, List<String> settings,
        List<String> cites) {
    public EphemeralRange {
        settings = List.copyOf(settings);
        cites = List.copyOf(cites);
    }

    /** Whether the range holds {@code port}. */
    public boolean contains(int port) {
        return port >= low && port <= high;
    }
}
