package dev.portolan.web;

import dev.portolan.knowledge.page.Text;

/**
 * A request the site refuses, with the status and a message for the reader as a frame sentence
 * (key and arguments): the server's exception handler writes it in the language of the request,
 * as an HTML page or as the API's JSON error.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Text text;
    private final String retryAfter;
    private final String allow;

    HttpError(int status, Text text) {
        this(status, text, "", "");
    }

    private HttpError(int status, Text text, String retryAfter, String allow) {
        super(text.key(), null, false, false);
        this.status = status;
        this.text = text;
        this.retryAfter = retryAfter;
        this.allow = allow;
    }

    /** A frame sentence: key without the {@code web.} prefix, then argument names and values. */
    static Text text(String key, Object... namesAndValues) {
        return Text.of(Frame.PREFIX + key, namesAndValues);
    }

    /** A 429 saying when to try again. */
    static HttpError tooManyRequests(Text text, long seconds) {
        return new HttpError(429, text, Long.toString(seconds), "");
    }

    int status() {
        return status;
    }

    /** What to tell the reader. */
    Text text() {
        return text;
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
