package dev.portolan.web;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends {@link Rendered} bodies: picks gzip when the client accepts it, answers 304 when the
 * client's entity tag matches, and writes the bytes straight to the container with their length,
 * so nothing is copied or compressed per request.
 */
final class Responses {
    private Responses() {}

    /** Sends a body with the status already set on the context (200 unless changed). */
    static void send(Context ctx, Rendered r) throws IOException {
        HttpServletRequest req = ctx.req();
        HttpServletResponse res = ctx.res();
        boolean gzip = r.gzip() != null && acceptsGzip(req.getHeader("Accept-Encoding"));
        String etag = gzip ? r.gzipEtag() : r.etag();
        res.setHeader("ETag", etag);
        res.setHeader("Cache-Control", r.cacheControl());
        if (res.getHeader("Vary") == null) {
            res.setHeader("Vary", "Accept-Encoding");
        }
        res.setContentType(r.contentType());
        int status = res.getStatus();
        if (status == 200 && matches(req.getHeader("If-None-Match"), etag)) {
            res.setStatus(304);
            return;
        }
        byte[] body = gzip ? r.gzip() : r.identity();
        if (gzip) {
            res.setHeader("Content-Encoding", "gzip");
        }
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(body);
        }
    }

    /**
     * Whether an {@code Accept-Encoding} value accepts gzip: it names {@code gzip} (or {@code *})
     * without {@code q=0}.
     */
    static boolean acceptsGzip(@org.jspecify.annotations.Nullable String header) {
        if (header == null) {
            return false;
        }
        int n = header.length();
        int i = 0;
        boolean star = false;
        while (i < n) {
            int end = header.indexOf(',', i);
            if (end < 0) {
                end = n;
            }
            int semi = header.indexOf(';', i);
            int nameEnd = semi >= 0 && semi < end ? semi : end;
            int a = i;
            int b = nameEnd;
            while (a < b && header.charAt(a) == ' ') {
                a++;
            }
            while (b > a && header.charAt(b - 1) == ' ') {
                b--;
            }
            boolean zero = nameEnd < end && qualityIsZero(header, nameEnd + 1, end);
            if (b - a == 4 && header.regionMatches(true, a, "gzip", 0, 4)) {
                return !zero;
            }
            if (b - a == 1 && header.charAt(a) == '*') {
                star = !zero;
            }
            i = end + 1;
        }
        return star;
    }

    private static boolean qualityIsZero(String h, int from, int to) {
        int q = h.indexOf("q=", from);
        if (q < 0 || q >= to) {
            return false;
        }
        for (int i = q + 2; i < to; i++) {
            char c = h.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
            if (c != '0' && c != '.' && c != ' ') {
                break;
            }
        }
        return true;
    }

    /**
     * Whether an {@code If-None-Match} value matches a tag: {@code *}, or a list that contains it
     * (weakly: {@code W/} prefixes are ignored, as RFC 9110 requires for this header).
     */
    static boolean matches(@org.jspecify.annotations.Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*");
    }
}
