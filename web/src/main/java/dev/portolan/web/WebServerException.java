package dev.portolan.web;

import dev.portolan.core.PortolanException;

/** The web server could not start: the address is taken, not local, or not allowed. */
public final class WebServerException extends PortolanException {
    public WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
