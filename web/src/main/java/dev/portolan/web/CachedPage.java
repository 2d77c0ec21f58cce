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
}
