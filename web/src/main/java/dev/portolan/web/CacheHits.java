package dev.portolan.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.jspecify.annotations.Nullable;

/**
 * Answers {@code GET} and {@code HEAD} of a port page ({@code /ports/N} in English, {@code
 * /es/ports/N} in another language) that is already in the {@link PageCache}
 * directly on Jetty, in front of Javalin's servlet: the same bytes and headers the Javalin route
 * sends, without building a servlet request and a Javalin context for each of the many requests
 * that only copy cached bytes, and on the selector thread that read the request, without handing
 * it to another thread. Everything else (a page not yet rendered, a query string, a non-canonical
 * number, any other path or method) goes on to Javalin unchanged, on a thread of the pool.
 */
final class CacheHits extends Handler.Wrapper {
    private static final String PREFIX = "/ports/";
    /** The route of the port pages, as {@link SiteRoutes} names it. */
    static final String ROUTE = "/ports/{port}";
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField[] SECURITY = securityFields();
    private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
            HtmlPages.contentType());
    private static final HttpField CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            CachePolicy.PAGE_CACHE);

    private final PageCache cache;
    /** The index of each language code in the cache; English (0) has no prefix. */
    private final java.util.Map<String, Integer> languages;
    /** {@code Strict-Transport-Security}, or null when it is not sent. */
    private final @Nullable HttpField hsts;

    CacheHits(PageCache cache, java.util.List<String> codes, long hstsSeconds) {
        this.cache = cache;
        this.hsts = hstsSeconds > 0 ? new PreEncodedHttpField(HttpHeader.STRICT_TRANSPORT_SECURITY,
                "max-age=" + hstsSeconds) : null;
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 1; i < codes.size(); i++) {
            m.put(codes.get(i), i);
        }
        this.languages = java.util.Map.copyOf(m);
    }

    private static HttpField[] securityFields() {
        HttpField[] fields = new HttpField[WebServer.SECURITY_HEADERS.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = new PreEncodedHttpField(WebServer.SECURITY_HEADERS[i][0], WebServer.SECURITY_HEADERS[i][1]);
        }
        return fields;
    }

    /**
     * Non-blocking: a cache hit never waits (the page file's bytes come from the kernel's page
     * cache), and everything else is handed to a thread of the pool. Jetty then answers cache hits
     * on the thread that saw the request arrive, without handing each to another thread.
     */
    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (head || "GET".equals(method)) {
            HttpURI uri = request.getHttpURI();
            if (uri.getQuery() == null) {
                String path = uri.getPath();
                int language = 0;
                int slash = path.startsWith(PREFIX) ? -1 : path.indexOf('/', 1);
                if (slash > 1) {
                    Integer i = languages.get(path.substring(1, slash));
                    language = i == null ? -1 : i;
                    path = path.substring(slash);
                }
                int port = language < 0 ? -1 : canonicalPort(path);
                if (port >= 0) {
                    CachedPage page = cache.peekPort(language, port);
                    if (page != null && page.contentType().equals(HtmlPages.contentType())
                            && page.cacheControl().equals(CachePolicy.PAGE_CACHE)
                            && answer(request, response, callback, language, port, page, head)) {
                        return true;
                    }
                }
            }
        }
        return onPoolThread(request, callback, () -> toJavalin(request, response, callback));
    }

    /** Hands a request to the handlers behind, Javalin's servlet: they may block. */
    private void toJavalin(Request request, Response response, Callback callback) throws Exception {
        if (!super.handle(request, response, callback)) {
            Response.writeError(request, response, callback, 404);
        }
    }

    /** Work that may block. */
    @FunctionalInterface
    private interface Blocking {
        void run() throws Exception;
    }

    private static boolean onPoolThread(Request request, Callback callback, Blocking work) {
        request.getContext().execute(() -> {
            try {
                work.run();
            } catch (Throwable x) {
                callback.failed(x);
            }
        });
        return true;
    }

    /**
     * Answers with a cached page: 304 when the client's tag matches, else the bytes. Bytes in the
     * page file are read straight into a pooled direct buffer, which the socket writes from
     * directly, and given back once written; bytes that must be inflated first (the
     * first client without gzip for a page) are left to a pool thread.
     *
     * @return false, having sent nothing, when the page file no longer holds the page
     */
    private boolean answer(Request request, Response response, Callback callback, int language, int port,
            CachedPage page, boolean head) {
        MeasuredRequests.route(request, ROUTE);
        HttpFields req = request.getHeaders();
        boolean gzip = page.hasGzip() && Responses.acceptsGzip(req.get(HttpHeader.ACCEPT_ENCODING));
        String tag = page.etag(gzip);
        HttpField etag = new HttpField(HttpHeader.ETAG, tag);
        if (Responses.matches(req.get(HttpHeader.IF_NONE_MATCH), tag)) {
            headers(response.getHeaders(), etag, hsts);
            response.setStatus(304);
            callback.succeeded();
            return true;
        }
        if (head) {
            bodyHeaders(response, etag, gzip, page.length(gzip));
            callback.succeeded();
            return true;
        }
        if (page instanceof Rendered r) {
            if (gzip || r.body() != null) {
                bodyHeaders(response, etag, gzip, page.length(gzip));
                response.write(true, ByteBuffer.wrap(gzip ? r.gzip() : r.body()), callback);
                return true;
            }
            return onPoolThread(request, callback, () -> {
                bodyHeaders(response, etag, false, page.length(false));
                response.write(true, ByteBuffer.wrap(r.identity()), callback);
            });
        }
        Spilled s = (Spilled) page;
        long at = gzip ? s.gzipAt() : s.bodyAt();
        if (at < 0) {
            return onPoolThread(request, callback, () -> {
                byte[] body = cache.body(language, port, s);
                if (body == null) {
                    toJavalin(request, response, callback);
                    return;
                }
                bodyHeaders(response, etag, false, body.length);
                response.write(true, ByteBuffer.wrap(body), callback);
            });
        }
        int length = s.length(gzip);
        RetainableByteBuffer buffer = request.getComponents().getByteBufferPool().acquire(length, true);
        ByteBuffer bytes = buffer.getByteBuffer();
        bytes.clear().limit(length);
        if (!cache.read(language, port, s, at, bytes)) {
            buffer.release();
            return false;
        }
        bytes.flip();
        bodyHeaders(response, etag, gzip, length);
        response.write(true, bytes, Callback.from(callback, buffer::release));
        return true;
    }

    private void bodyHeaders(Response response, HttpField etag, boolean gzip, int length) {
        HttpFields.Mutable h = response.getHeaders();
        headers(h, etag, hsts);
        if (gzip) {
            h.add(GZIP);
        }
        h.put(HttpHeader.CONTENT_LENGTH, length);
        response.setStatus(200);
    }

    /** The headers of every answer with a port page, 200 or 304. */
    private static void headers(HttpFields.Mutable h, HttpField etag, @Nullable HttpField hsts) {
        for (HttpField f : SECURITY) {
            h.add(f);
        }
        if (hsts != null) {
            h.add(hsts);
        }
        h.add(CONTENT_TYPE);
        h.add(CACHE_CONTROL);
        h.add(VARY);
        h.add(etag);
    }

    /** The port of {@code /ports/N} with N in canonical form (no sign, no leading zero), or -1. */
    static int canonicalPort(String path) {
        int n = path.length();
        if (n <= PREFIX.length() || n > PREFIX.length() + 5 || !path.startsWith(PREFIX)) {
            return -1;
        }
        int start = PREFIX.length();
        if (path.charAt(start) == '0' && n > start + 1) {
            return -1;
        }
        int v = 0;
        for (int i = start; i < n; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= 65_535 ? v : -1;
    }
}
