package dev.portolan.core;

/** The Portolan home could not be read or written; the active data is unchanged. */
public final class StoreException extends PortolanException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
