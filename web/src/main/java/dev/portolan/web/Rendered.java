package dev.portolan.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A response body ready to send, with its gzip form (when that is smaller) and an entity tag for
 * each: the same bytes always get the same tags, so tags survive a restart. A {@link #compact()}
 * copy keeps only the gzip bytes, a quarter of the size, and inflates them for the rare client
 * that does not accept gzip.
 *
 * @param body the bytes, or null in a compact copy
 * @param gzip the gzip-compressed bytes, or null when compressing does not pay
 * @param etag the entity tag of the uncompressed bytes, quoted
 * @param gzipEtag the entity tag of the gzip bytes, quoted
 * @param contentType the media type with its charset
 * @param cacheControl the {@code Cache-Control} value
 */
record Rendered(byte @Nullable [] body, byte @Nullable [] gzip, String etag, String gzipEtag, String contentType,
        String cacheControl) implements CachedPage {

    /** Bodies smaller than this are sent as they are: gzip would save less than a packet. */
    static final int MIN_GZIP = 512;
    private static final Gzip GZIP = Gzip.at(Gzip.DEFAULT_LEVEL);

    Rendered {
        if (body == null && gzip == null) {
            throw new IllegalArgumentException("a rendered response needs bytes");
        }
    }

    static Rendered of(byte[] body, String contentType, String cacheControl) {
        String tag = fingerprint(body);
        byte[] gz = body.length >= MIN_GZIP ? GZIP.compress(body) : null;
        if (gz != null && gz.length >= body.length) {
            gz = null;
        }
        return new Rendered(body, gz, '"' + tag + '"', '"' + tag + "-gz\"", contentType, cacheControl);
    }

    /** This response keeping only its gzip bytes when it has them. */
    Rendered compact() {
        return gzip == null || body == null ? this : new Rendered(null, gzip, etag, gzipEtag, contentType, cacheControl);
    }

    /** The uncompressed bytes, inflated from the gzip bytes in a compact copy. */
    byte[] identity() {
        return body != null ? body : inflate(gzip);
    }

    /** The bytes that gzip bytes of ours stand for. */
    static byte[] inflate(byte[] gzip) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzip), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("our own gzip bytes are broken", e);
        }
    }

    @Override
    public boolean hasGzip() {
        return gzip != null;
    }

    @Override
    public String etag(boolean gzipped) {
        return gzipped ? gzipEtag : etag;
    }

    @Override
    public int length(boolean gzipped) {
        return gzipped ? gzipLength() : bodyLength();
    }

    /** The length of the gzip bytes, 0 when there are none. */
    int gzipLength() {
        return gzip == null ? 0 : gzip.length;
    }

    /** The length of the uncompressed bytes; in a compact copy, as the gzip trailer gives it. */
    int bodyLength() {
        if (body != null) {
            return body.length;
        }
        int n = gzip.length;
        return gzip[n - 4] & 0xFF | (gzip[n - 3] & 0xFF) << 8 | (gzip[n - 2] & 0xFF) << 16 | (gzip[n - 1] & 0xFF) << 24;
    }

    /** The tag without quotes: 12 hex digits. */
    String fingerprint() {
        return etag.substring(1, 13);
    }

    /** The bytes this response keeps in memory. */
    @Override
    public long size() {
        return (body == null ? 0 : body.length) + (gzip == null ? 0 : gzip.length) + 160L;
    }

    /**
     * 48 bits of two checksums of the bytes: entity tags only need to tell versions of one
     * address apart, and both checksums run in hardware.
     */
    private static String fingerprint(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        CRC32 d = new CRC32();
        d.update(bytes);
        long bits = c.getValue() << 16 ^ d.getValue() & 0xFFFF ^ (long) bytes.length << 32;
        return HexFormat.of().toHexDigits(bits).substring(4);
    }

}
