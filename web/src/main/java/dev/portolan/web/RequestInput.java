package dev.portolan.web;

import dev.portolan.core.PortRange;
import dev.portolan.knowledge.search.SearchQuery;
import dev.portolan.knowledge.search.SearchQueryException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * What a request's path and query string say, read strictly: port and page numbers (with the
 * redirects that give each page one address), the query string, a search query; and a client's
 * value clipped for a message. A value that cannot be read is an {@link HttpError}.
 */
final class RequestInput {
    private RequestInput() {}

    /**
     * The port of the path, or -1 after answering: a redirect for {@code /ports/080}.
     *
     * @throws HttpError 404 if the path names no port
     */
    static int portNumber(Context ctx, String prefix) {
        String raw = ctx.pathParam("port");
        int port = parsePort(raw);
        if (port < 0) {
            throw new HttpError(404, HttpError.text("error.notFoundPort", "value", raw));
        }
        if (raw.length() > 1 && raw.charAt(0) == '0') {
            ctx.header("Cache-Control", CachePolicy.PAGE_CACHE);
            ctx.redirect(prefix + port, HttpStatus.MOVED_PERMANENTLY);
            return -1;
        }
        return port;
    }

    /** 0-65535 from ASCII digits (leading zeros allowed), or -1. */
    static int parsePort(String raw) {
        long v = digits(raw, 10);
        return v <= PortRange.MAX_PORT ? (int) v : -1;
    }

    /** 0-999999 from at most six ASCII digits (leading zeros allowed), or -1. */
    static int parseSmall(String raw) {
        return (int) digits(raw, 6);
    }

    /** The value of one to {@code max} ASCII digits, or -1. */
    private static long digits(String raw, int max) {
        if (raw.isEmpty() || raw.length() > max) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The page number of a list: from the path ({@code /ports/page/2}), 1 without one; or -1 after
     * redirecting a page's other addresses to its own ({@code ?page=2} and {@code /page/1}).
     *
     * @throws HttpError 404 for a page that does not exist or a number not written plainly
     */
    static int pathPage(Context ctx, Edition e, String base, int pages) {
        String fromPath = ctx.pathParamMap().get("page");
        String fromQuery = query(ctx).get("page");
        String raw = fromPath != null ? fromPath : fromQuery;
        if (raw == null) {
            return 1;
        }
        int page = parseSmall(raw);
        if (page < 1 || page > pages || raw.charAt(0) == '0') {
            throw new HttpError(404, HttpError.text("error.badPage", "pages", pages));
        }
        if (fromPath == null || page == 1) {
            ctx.header("Cache-Control", CachePolicy.PAGE_CACHE);
            ctx.redirect(e.href(HtmlPages.pagePath(base, page)), HttpStatus.MOVED_PERMANENTLY);
            return -1;
        }
        return page;
    }

    /** The query string's parameters, or a 400 if it is not well encoded. */
    static Map<String, String> query(Context ctx) {
        String raw = ctx.queryString();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        try {
            return Urls.parse(raw);
        } catch (Urls.Malformed e) {
            throw new HttpError(400, HttpError.text("error.badEncoding"));
        }
    }

    /** A query as the search reads it, or a 400 saying in the reader's language what is wrong. */
    static SearchQuery searchQuery(String q) {
        try {
            return SearchQuery.parse(q);
        } catch (SearchQueryException ex) {
            throw new HttpError(400, switch (ex.problem()) {
                case EMPTY -> HttpError.text("search.empty");
                case TOO_LONG -> HttpError.text("error.queryTooLong", "length", q.length(), "max",
                        SearchQuery.MAX_LENGTH);
                case CONTROL -> HttpError.text("error.queryControl", "value", ex.value());
                case NO_WORDS -> HttpError.text("error.queryNoWords");
                case PORT_RANGE -> HttpError.text("error.queryPortRange", "value", ex.value());
                case RANGE_ORDER -> HttpError.text("error.queryRangeOrder", "value", ex.value());
            });
        }
    }

    /** A client's value as it may appear in a message: at most 40 characters, no control characters. */
    static String clip(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder s = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            s.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.toString();
    }
}
