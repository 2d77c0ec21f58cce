package dev.portolan.inspect;

import dev.portolan.core.PortolanException;

/**
 * The local sockets could not be read: a file of {@code /proc} or a system command is missing,
 * failed, or printed something that is not in its documented format. The message names the
 * source, and for a format error the line, the bad value and what was expected.
 */
public final class InspectException extends PortolanException {
    public InspectException(String message) {
        super(message);
    }

    public InspectException(String message, Throwable cause) {
        super(message, cause);
    }
}
