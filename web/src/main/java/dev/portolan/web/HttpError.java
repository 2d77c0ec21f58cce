package dev.portolan.web;

/**
 * A request the site refuses, with the status and a message for the reader. Thrown by handlers
 * and turned into an HTML page or the API's JSON error by the server's exception handler.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String retryAfter;
    private final String allow;

    HttpError(int status, String message) {
        this(status, message, "", "");
    }

    private HttpError(int status, String message, String retryAfter, String allow) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
        this.allow = allow;
    }

    /** A 429 saying when to try again. */
    static HttpError tooManyRequests(String message, long seconds) {
        return new HttpError(429, message, Long.toString(seconds), "");
    }

    /** A 405 naming the methods the path accepts. */
    static HttpError methodNotAllowed(String message, String allow) {
        return new HttpError(405, message, "", allow);
    }

    int status() {
        return status;
    }

    /** Seconds for {@code Retry-After}, or empty. */
    String retryAfter() {
        return retryAfter;
    }

    /** The {@code Allow} value, or empty. */
    String allow() {
        return allow;
    }
}
