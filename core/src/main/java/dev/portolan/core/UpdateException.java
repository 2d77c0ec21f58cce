package dev.portolan.core;

/** Downloading the registry failed: network, HTTP status, time-out or a cut-off transfer. */
public final class UpdateException extends PortolanException {
    public UpdateException(String message) {
        super(message);
    }

    public UpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
