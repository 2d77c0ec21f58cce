package dev.portolan.web;

import dev.portolan.core.Assignment;
import dev.portolan.knowledge.search.PortSearch;
import dev.portolan.knowledge.search.SearchResults;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON API's answers: a port, a service, a search and the OpenAPI document; and the API's
 * language rule. Votes sent to the API are {@link FeedbackRoutes}'.
 */
final class ApiRoutes {
    static final int API_SEARCH_MAX = 200;

    private final Site site;
    private final PageSource pages;
    private final PortSearch search;
    private final Rendered openApi;

    ApiRoutes(Site site, PageSource pages, PortSearch search) {
        this.site = site;
        this.pages = pages;
        this.search = search;
        this.openApi = Rendered.of(OpenApi.document(), JsonApi.CONTENT_TYPE, CachePolicy.PAGE_CACHE);
    }

    /**
     * The API's language: {@code ?lang=} if given (400 if the site has no such language), else
     * English.
     */
    private Edition edition(Context ctx) {
        String lang = RequestInput.query(ctx).get("lang");
        if (lang == null) {
            return site.editions().get(0);
        }
        Edition e = site.edition(lang);
        if (e == null) {
            throw new HttpError(400, HttpError.text("error.badField", "field", "lang", "problem",
                    HttpError.text("error.badLang", "langs", String.join(", ", site.languages()), "value",
                            RequestInput.clip(lang))));
        }
        return e;
    }

    void port(Context ctx) throws IOException {
        port(ctx, edition(ctx));
    }

    /** The port page as JSON in the language of the path ({@code /es/api/v1/ports/60}). */
    void port(Context ctx, Edition e) throws IOException {
        int port = RequestInput.portNumber(ctx,
                ctx.path().startsWith("/api/") ? "/api/v1/ports/" : e.href("/api/v1/ports/"));
        if (port < 0) {
            return;
        }
        byte[] body = e.api().port(pages.page(port), e.frame().absolute("/ports/" + port), site.counts(port));
        Responses.send(ctx, Rendered.of(body, JsonApi.CONTENT_TYPE, CachePolicy.REVALIDATE));
    }

    void service(Context ctx) throws IOException {
        edition(ctx);
        String name = ctx.pathParam("name");
        List<Assignment> records = site.serviceRecords(name);
        Responses.send(ctx, Rendered.of(JsonApi.service(name.toLowerCase(Locale.ROOT), records), JsonApi.CONTENT_TYPE,
                CachePolicy.PAGE_CACHE));
    }

    void search(Context ctx) throws IOException {
        Edition e = edition(ctx);
        Map<String, String> query = RequestInput.query(ctx);
        String q = query.getOrDefault("q", "").strip();
        if (q.isEmpty()) {
            throw new HttpError(400, HttpError.text("search.empty"));
        }
        int limit = 20;
        String l = query.get("limit");
        if (l != null) {
            limit = RequestInput.parseSmall(l);
            if (limit < 1 || limit > API_SEARCH_MAX) {
                throw new HttpError(400, HttpError.text("error.badField", "field", "limit", "problem",
                        HttpError.text("error.badLimit", "max", API_SEARCH_MAX)));
            }
        }
        SearchResults results = search.search(RequestInput.searchQuery(q), e.code(), limit);
        Responses.send(ctx, Rendered.of(SearchJson.answer(results, limit), JsonApi.CONTENT_TYPE,
                CachePolicy.PAGE_CACHE));
    }

    void openApi(Context ctx) throws IOException {
        Responses.send(ctx, openApi);
    }
}
