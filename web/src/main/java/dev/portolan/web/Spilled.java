package dev.portolan.web;

/**
 * A page whose bytes are in the {@link PageFile}: where its gzip and its uncompressed bytes are,
 * how long each is, and its entity tag. The uncompressed bytes are written only once a client that
 * does not accept gzip has asked for them; their length is known from the start. An entry is a
 * few dozen bytes of heap, so that where every port page of every language is fits in some 60 MiB.
 *
 * @param gzipAt the position of the gzip bytes, or -1 when the page has none (it did not pay)
 * @param gzipLength their length
 * @param bodyAt the position of the uncompressed bytes, or -1 while they are not in the file
 * @param bodyLength their length
 * @param tag the 48 bits of the entity tags ({@link Rendered#fingerprint()})
 * @param contentType the media type with its charset
 * @param cacheControl the {@code Cache-Control} value
 */
record Spilled(long gzipAt, int gzipLength, long bodyAt, int bodyLength, long tag, String contentType,
        String cacheControl) implements CachedPage {

    /** What an entry costs in the heap: the record with its fields, and its slot in the cache's table. */
    static final long SIZE = 64;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A page written to the file: its gzip bytes at {@code gzipAt}, its uncompressed ones at {@code bodyAt}. */
    static Spilled of(Rendered page, long gzipAt, long bodyAt) {
        return new Spilled(gzipAt, page.gzipLength(), bodyAt, page.bodyLength(),
                Long.parseLong(page.fingerprint(), 16), page.contentType(), page.cacheControl());
    }

    @Override
    public boolean hasGzip() {
        return gzipAt >= 0;
    }

    @Override
    public int length(boolean gzip) {
        return gzip ? gzipLength : bodyLength;
    }

    /** The same page with its uncompressed bytes at a position of the file. */
    Spilled withBody(long at) {
        return new Spilled(gzipAt, gzipLength, at, bodyLength, tag, contentType, cacheControl);
    }

    /** The entity tag of the gzip bytes or of the uncompressed ones, quoted, as {@link Rendered} has them. */
    @Override
    public String etag(boolean gzip) {
        byte[] s = new byte[gzip ? 17 : 14];
        s[0] = '"';
        for (int i = 0; i < 12; i++) {
            s[12 - i] = HEX[(int) (tag >>> 4 * i) & 0xF];
        }
        if (gzip) {
            s[13] = '-';
            s[14] = 'g';
            s[15] = 'z';
        }
        s[s.length - 1] = '"';
        return new String(s, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public long size() {
        return SIZE;
    }
}
