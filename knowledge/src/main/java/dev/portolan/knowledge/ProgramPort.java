package dev.portolan.knowledge;

import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One port (or range) a program uses, and what for.
 *
 * @param ports the port, or the range of ports ({@code 27015-27030})
 * @param transports the transports the source names
 * @param role what the program uses it for: one of the roles of {@code docs/knowledge.md}
 * @param component the part of the program that uses it ({@code Redis Sentinel}), or empty
 * @param since the first version with this port, or empty when the source does not say
 * @param until the last version with this port, or empty while it still holds
 * @param usage how the program uses the port: as its default or a fixed port ({@link Usage#DEFAULT}),
 *     only in its documentation's examples ({@link Usage#EXAMPLE}), or only when a feature that is
 *     off by default is turned on ({@link Usage#OPTIONAL})
 * @param cites the citations
 */
public record ProgramPort(PortRange ports, Set<Transport> transports, String role, String component, String since,
        String until, Usage usage, List<String> cites) {
    /** How a program uses a port. */
    public enum Usage {
        /** Its default port, or a port fixed by its protocol or documented as its own. */
        DEFAULT,
        /**
         * Not a default: the program's documentation uses the port in its examples or sample
         * configuration, and people commonly set it up there (WireGuard's 51820).
         */
        EXAMPLE,
        /** The port of a feature that is off by default (Squid's ICP port). */
        OPTIONAL;

        /** The value in the knowledge files ({@code example}, {@code optional}; absent for the default). */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the port is only an example of the program's documentation, not a default. */
    public boolean example() {
        return usage == Usage.EXAMPLE;
    }

    /**
     * Text as it reads inside parentheses after the program's name: its own parentheses become
     * brackets, as nested parentheses are written ("Proxmox VE (sshd [cluster actions])").
     */
    public static String nested(String text) {
        return text.replace('(', '[').replace(')', ']');
    }

    public ProgramPort {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(usage, "usage");
        transports = Set.copyOf(transports);
        cites = List.copyOf(cites);
    }
}
