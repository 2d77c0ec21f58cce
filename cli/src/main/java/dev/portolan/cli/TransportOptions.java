package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Transport;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --tcp} and {@code --udp}: which sockets a local inspection command looks at; both when neither is given. */
final class TransportOptions {
    @Option(names = "--tcp", description = "Only TCP.")
    boolean tcp;

    @Option(names = "--udp", description = "Only UDP.")
    boolean udp;

    /**
     * TCP, UDP or both, narrowed further by a transport named in the port argument; a conflict is
     * refused in the run's language.
     */
    List<Transport> selected(@Nullable Transport inArgument, CliText text) throws InvalidQueryException {
        if (inArgument != null) {
            if (inArgument != Transport.TCP && inArgument != Transport.UDP) {
                throw text.refusal("error.transport", "transport", inArgument.id());
            }
            if ((tcp || udp) && !(inArgument == Transport.TCP ? tcp : udp)) {
                throw text.refusal("error.transportTwice", "named", inArgument.id(), "option", tcp ? "tcp" : "udp");
            }
            return List.of(inArgument);
        }
        if (tcp == udp) {
            return List.of(Transport.TCP, Transport.UDP);
        }
        return List.of(tcp ? Transport.TCP : Transport.UDP);
    }
}
