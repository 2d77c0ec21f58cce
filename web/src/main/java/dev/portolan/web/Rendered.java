package dev.portolan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A response body ready to send, with its gzip form (when that is smaller) and an entity tag for
 * each: the same bytes always get the same tags, so tags survive a restart.
 *
 * @param body the bytes
 * @param gzip the gzip-compressed bytes, or null when compressing does not pay
 * @param etag the entity tag of {@code body}, quoted
 * @param gzipEtag the entity tag of {@code gzip}, quoted
 * @param contentType the media type with its charset
 * @param cacheControl the {@code Cache-Control} value
 */
record Rendered(byte[] body, byte @Nullable [] gzip, String etag, String gzipEtag, String contentType,
        String cacheControl) {

    /** Bodies smaller than this are sent as they are: gzip would save less than a packet. */
    static final int MIN_GZIP = 512;

    static Rendered of(byte[] body, String contentType, String cacheControl) {
        String tag = fingerprint(body);
        byte[] gz = body.length >= MIN_GZIP ? gzip(body) : null;
        if (gz != null && gz.length >= body.length) {
            gz = null;
        }
        return new Rendered(body, gz, '"' + tag + '"', '"' + tag + "-gz\"", contentType, cacheControl);
    }

    /** The first 12 hex digits of the body's SHA-256: the tag without quotes. */
    String fingerprint() {
        return etag.substring(1, 13);
    }

    /** The bytes this response keeps in memory. */
    long size() {
        return body.length + (gzip == null ? 0 : gzip.length) + 96L;
    }

    private static String fingerprint(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen in memory", e);
        }
        return out.toByteArray();
    }
}
