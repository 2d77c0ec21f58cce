package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortQuery;
import dev.portolan.core.Transport;
import org.jspecify.annotations.Nullable;

/**
 * The one port that {@code who} and {@code check} take: {@code 8080} or {@code 8080/tcp}.
 *
 * @param port the port
 * @param transport the transport the argument names, or null
 */
record PortArgument(int port, @Nullable Transport transport) {
    /**
     * The port of {@code command}'s argument, refused in the run's language when it is not one.
     *
     * @throws InvalidQueryException if the argument is not one port, with or without a transport
     */
    static PortArgument parse(String arg, String command, CliText text) throws InvalidQueryException {
        PortQuery q = PortQuery.parse(arg);
        if (q instanceof PortQuery.Port p) {
            return new PortArgument(p.port(), p.only());
        }
        throw text.refusal("error.onePort", "command", command, "value", arg.strip().replaceAll("\\p{Cntrl}", "?"));
    }
}
