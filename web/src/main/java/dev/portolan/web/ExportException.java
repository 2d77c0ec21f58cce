package dev.portolan.web;

/** A static export could not be written: the message names the directory or file and why. */
public final class ExportException extends dev.portolan.core.PortolanException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
