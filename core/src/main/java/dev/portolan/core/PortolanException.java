package dev.portolan.core;

/**
 * A failure a user can act on. Messages name the input, the bad value and the rule, in one line,
 * so that the command line can print them as they are.
 */
public abstract class PortolanException extends Exception {
    protected PortolanException(String message) {
        super(message);
    }

    protected PortolanException(String message, Throwable cause) {
        super(message, cause);
    }
}
