package dev.portolan.web;

/** The {@code Cache-Control} values the site's answers carry. */
final class CachePolicy {
    /** Pages: fresh for five minutes, then revalidated by entity tag. */
    static final String PAGE_CACHE = "public, max-age=300";
    /** Answers that change with every reaction: always revalidate. */
    static final String REVALIDATE = "no-cache";
    static final String NO_STORE = "no-store";

    private CachePolicy() {}
}
