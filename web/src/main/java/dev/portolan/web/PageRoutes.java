package dev.portolan.web;

import dev.portolan.core.Assignment;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.knowledge.search.PortSearch;
import dev.portolan.knowledge.search.SearchQuery;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML pages, in the language of their {@link Edition}: home (with its suggestion of the
 * browser's language), the port index, a port, a language's root, a range, a service and the
 * search page.
 */
final class PageRoutes {
    static final int SEARCH_LIMIT = 50;

    private final Site site;
    private final PageCache cache;
    private final PageSource pages;
    private final PortSearch search;

    PageRoutes(Site site, PageSource pages, PortSearch search) {
        this.site = site;
        this.cache = site.cache();
        this.pages = pages;
        this.search = search;
    }

    /**
     * The home page. In English, at {@code /}, a visitor whose browser prefers another language
     * the site is written in is offered a link to it (the page is not redirected: the address
     * {@code /} always means English, so the switcher's link to English works).
     */
    void home(Context ctx, Edition e) throws IOException {
        ctx.header("Vary", "Accept-Encoding, Accept-Language");
        Edition suggested = e.index() == 0 ? site.preferred(ctx.req().getHeader("Accept-Language")) : e;
        if (suggested == e) {
            Responses.send(ctx, cache.get(e.href("/"), () -> page(e.html().home(Views.Suggestion.NONE))));
            return;
        }
        Frame other = suggested.frame();
        Views.Suggestion suggestion = new Views.Suggestion(other.lang(), other.dir(), other.t("lang.suggest"),
                other.href("/"));
        Responses.send(ctx, cache.get("/?suggest=" + suggested.code(), () -> page(e.html().home(suggestion))));
    }

    /**
     * The port index: page 1 at {@code /ports}, page n at {@code /ports/page/n} (addresses a static
     * host can serve too); the older {@code /ports?page=n} redirects there.
     */
    void portIndex(Context ctx, Edition e) throws IOException {
        int pages = HtmlPages.pages(PortRange.MAX_PORT + 1);
        int page = RequestInput.pathPage(ctx, e, "/ports", pages);
        if (page > 0) {
            Responses.send(ctx, cache.get(e.href(HtmlPages.pagePath("/ports", page)),
                    () -> page(e.html().portIndex(page))));
        }
    }

    void port(Context ctx, Edition e) throws IOException {
        int port = RequestInput.portNumber(ctx, e.href("/ports/"));
        if (port < 0) {
            return;
        }
        boolean plain = !Responses.acceptsGzip(ctx.req().getHeader("Accept-Encoding"));
        Responses.send(ctx, cache.port(e.index(), port, plain, p -> page(e.html().port(pages.page(p)))));
    }

    /** {@code /es} without the slash: the home page is {@code /es/}. */
    void languageRoot(Context ctx, Edition e) {
        ctx.header("Cache-Control", CachePolicy.PAGE_CACHE);
        ctx.redirect(e.href("/"), HttpStatus.MOVED_PERMANENTLY);
    }

    void range(Context ctx, Edition e) throws IOException {
        String id = ctx.pathParam("range");
        RangeClass range = null;
        for (RangeClass r : RangeClass.values()) {
            if (r.id().equals(id)) {
                range = r;
            }
        }
        if (range == null) {
            throw new HttpError(404, HttpError.text("error.notFoundRange", "value", id));
        }
        RangeClass r = range;
        int page = RequestInput.pathPage(ctx, e, "/ranges/" + id, HtmlPages.pages(r.ports().size()));
        if (page > 0) {
            Responses.send(ctx, cache.get(e.href(HtmlPages.pagePath("/ranges/" + id, page)),
                    () -> page(e.html().range(r, page))));
        }
    }

    void service(Context ctx, Edition e) throws IOException {
        String name = ctx.pathParam("name");
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name)) {
            ctx.redirect(e.href("/services/" + Urls.segment(lower)), HttpStatus.MOVED_PERMANENTLY);
            ctx.header("Cache-Control", CachePolicy.PAGE_CACHE);
            return;
        }
        List<Assignment> records = site.serviceRecords(name);
        Responses.send(ctx, cache.get(e.href("/services/" + name), () -> page(e.html().service(name, records))));
    }

    /**
     * The search page. A query for one port goes straight to that port's page; any other query
     * lists what it found; a query that cannot be read is refused with a 400 and says why.
     */
    void search(Context ctx, Edition e) throws IOException {
        Map<String, String> query = RequestInput.query(ctx);
        String q = query.getOrDefault("q", "").strip();
        if (q.isEmpty()) {
            Responses.send(ctx, cache.get(e.href("/search"), () -> page(e.html().search("", null, ""))));
            return;
        }
        SearchQuery parsed;
        try {
            parsed = RequestInput.searchQuery(q);
        } catch (HttpError refused) {
            ctx.status(refused.status());
            Responses.send(ctx, Rendered.of(e.html().search(q, null, e.frame().messages().format(refused.text())),
                    HtmlPages.contentType(), CachePolicy.NO_STORE));
            return;
        }
        if (parsed.isPorts() && parsed.ports().size() == 1 && parsed.ports().get(0).range().isSingle()) {
            ctx.redirect(e.href("/ports/" + parsed.ports().get(0).range().first()), HttpStatus.SEE_OTHER);
            ctx.header("Cache-Control", CachePolicy.PAGE_CACHE);
            return;
        }
        Responses.send(ctx, page(e.html().search(q, search.search(parsed, e.code(), SEARCH_LIMIT), "")));
    }

    private static Rendered page(byte[] body) {
        return Rendered.of(body, HtmlPages.contentType(), CachePolicy.PAGE_CACHE);
    }
}
