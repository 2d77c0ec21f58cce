package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Transport;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options every command accepts. */
final class CommonOptions {
    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    /** A user's value as it may appear in a message: control characters become '?'. */
    static String printable(String value) {
        return value.replaceAll("\\p{Cntrl}", "?");
    }

    static @Nullable Transport transport(@Nullable String name) throws InvalidQueryException {
        if (name == null) {
            return null;
        }
        return Transport.parse(name).orElseThrow(() -> new InvalidQueryException("--transport \""
                + printable(name) + "\" is not a transport: expected tcp, udp, sctp or dccp"));
    }
}
