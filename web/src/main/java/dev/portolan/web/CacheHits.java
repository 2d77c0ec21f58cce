package dev.portolan.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers {@code GET} and {@code HEAD} of a port page ({@code /ports/N} in English, {@code
 * /es/ports/N} in another language) that is already in the {@link PageCache}
 * directly on Jetty, in front of Javalin's servlet: the same bytes and headers the Javalin route
 * sends, without building a servlet request and a Javalin context for each of the many requests
 * that only copy cached bytes. Everything else (a page not yet rendered, a query string, a
 * non-canonical number, any other path or method) goes on to Javalin unchanged.
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
    private final HttpField hsts;

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

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
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
                    Rendered r = cache.peekPort(language, port);
                    if (r != null && r.contentType().equals(HtmlPages.contentType())
                            && r.cacheControl().equals(CachePolicy.PAGE_CACHE)) {
                        MeasuredRequests.route(request, ROUTE);
                        send(request, response, callback, r, head, hsts);
                        return true;
                    }
                }
            }
        }
        return super.handle(request, response, callback);
    }

    private static void send(Request request, Response response, Callback callback, Rendered r, boolean head,
            HttpField hsts) {
        HttpFields req = request.getHeaders();
        boolean gzip = r.gzip() != null && Responses.acceptsGzip(req.get(HttpHeader.ACCEPT_ENCODING));
        String etag = gzip ? r.gzipEtag() : r.etag();
        HttpFields.Mutable h = response.getHeaders();
        for (HttpField f : SECURITY) {
            h.add(f);
        }
        if (hsts != null) {
            h.add(hsts);
        }
        h.add(CONTENT_TYPE);
        h.add(CACHE_CONTROL);
        h.add(VARY);
        h.add(HttpHeader.ETAG, etag);
        if (Responses.matches(req.get(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        byte[] body = gzip ? r.gzip() : r.identity();
        if (gzip) {
            h.add(GZIP);
        }
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.setStatus(200);
        if (head) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
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
