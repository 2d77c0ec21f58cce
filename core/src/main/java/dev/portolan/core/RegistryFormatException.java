package dev.portolan.core;

/**
 * A registry file that cannot be read: missing, truncated, not a registry, carrying a DTD, or past
 * a limit of size. The message names the file and, where known, the line.
 */
public final class RegistryFormatException extends PortolanException {
    public RegistryFormatException(String message) {
        super(message);
    }

    public RegistryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
