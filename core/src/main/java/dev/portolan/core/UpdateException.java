package dev.portolan.core;

/** Downloading the registry failed: network, HTTP status, time-out, a cut-off transfer or one too large. */
public final class UpdateException extends PortolanException {
    public UpdateException(String message) {
        super(message);
    }

    public UpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
