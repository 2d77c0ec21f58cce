package dev.portolan.core;

/** A lookup or search argument that is not a port, range, transport or service name. */
public class InvalidQueryException extends PortolanException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
