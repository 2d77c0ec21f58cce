package dev.portolan.inspect.audit;

import dev.portolan.inspect.LocalSocket;
import java.util.Objects;

/**
 * One thing the audit found about one socket.
 *
 * @param severity how much it matters
 * @param rule the rule that found it
 * @param socket the socket it is about
 * @param message one sentence naming the socket, the process and what is unexpected
 */
public record Finding(Severity severity, Rule rule, LocalSocket socket, String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(message, "message");
    }
}
