package dev.portolan.web;

/**
 * A page the {@link PageCache} holds: its bytes in memory ({@link Rendered}) or in the page file
 * ({@link Spilled}).
 */
sealed interface CachedPage permits Rendered, Spilled {
    /** The bytes this entry keeps in the heap, roughly: what the cache's budget counts. */
    long size();

    /** The media type with its charset. */
    String contentType();

    /** The {@code Cache-Control} value. */
    String cacheControl();

    /** Whether the page has a gzip form. */
    boolean hasGzip();

    /** The entity tag of the gzip form or of the uncompressed bytes, quoted. */
    String etag(boolean gzip);

    /** The length of the gzip form or of the uncompressed bytes. */
    int length(boolean gzip);
}
