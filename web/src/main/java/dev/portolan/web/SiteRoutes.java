package dev.portolan.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table: every path and method the site answers, the headers every answer carries, and
 * how refusals and failures are answered. Each handler asks for the site answering now, so that
 * new registry data can take its place between two requests.
 */
final class SiteRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SiteRoutes.class);

    private SiteRoutes() {}

    /** A handler of a page in one language. */
    @FunctionalInterface
    private interface EditionHandler {
        void handle(Site site, Edition edition, Context ctx) throws Exception;
    }

    /** A handler of a path without a language. */
    @FunctionalInterface
    private interface SiteHandler {
        void handle(Site site, Context ctx) throws Exception;
    }

    static void register(RoutesConfig r, AtomicReference<Site> live, WebSettings settings, Metrics metrics) {
        String hsts = settings.hstsSeconds() > 0 ? "max-age=" + settings.hstsSeconds() : null;
        r.before(ctx -> {
            HttpServletResponse res = ctx.res();
            for (String[] h : WebServer.SECURITY_HEADERS) {
                res.setHeader(h[0], h[1]);
            }
            if (hsts != null) {
                res.setHeader("Strict-Transport-Security", hsts);
            }
            if (Site.isApi(ctx.path())) {
                // ASVS 14.4.2: an API answer opened in a browser is a download, never a page.
                res.setHeader("Content-Disposition", "attachment; filename=\"api.json\"");
            }
        });
        r.after(ctx -> {
            // Every text answer names its character set, redirects' short bodies included.
            String type = ctx.res().getContentType();
            if (type != null && type.startsWith("text/") && !type.contains("charset")) {
                ctx.res().setContentType(type + ";charset=utf-8");
            }
        });
        // The pages in English at their plain paths, and in every other language under /{lang}.
        for (Edition e : live.get().editions()) {
            page(r, live, e, "/", (s, ed, ctx) -> s.pages().home(ctx, ed));
            if (e.index() > 0) {
                page(r, live, e, "", (s, ed, ctx) -> s.pages().languageRoot(ctx, ed));
            }
            page(r, live, e, "/ports", (s, ed, ctx) -> s.pages().portIndex(ctx, ed));
            page(r, live, e, "/ports/page/{page}", (s, ed, ctx) -> s.pages().portIndex(ctx, ed));
            page(r, live, e, "/ports/{port}", (s, ed, ctx) -> s.pages().port(ctx, ed));
            int index = e.index();
            r.post(e.href("/ports/{port}/feedback"), named("/ports/{port}/feedback", ctx -> {
                Site s = live.get();
                s.feedback().form(ctx, s.editions().get(index));
            }));
            page(r, live, e, "/ranges/{range}", (s, ed, ctx) -> s.pages().range(ctx, ed));
            page(r, live, e, "/ranges/{range}/page/{page}", (s, ed, ctx) -> s.pages().range(ctx, ed));
            if (e.index() > 0) {
                // the API in a language, as /es/api/v1/ports/60 (the same as ?lang=es), so that a static
                // export can hold it as files
                page(r, live, e, "/api/v1/ports/{port}", (s, ed, ctx) -> s.api().port(ctx, ed));
            }
            page(r, live, e, "/services/{name}", (s, ed, ctx) -> s.pages().service(ctx, ed));
            page(r, live, e, "/registry/changes", (s, ed, ctx) -> s.changes().bare(ctx, ed));
            page(r, live, e, "/registry/changes/", (s, ed, ctx) -> s.changes().index(ctx, ed));
            page(r, live, e, "/registry/changes/{date}", (s, ed, ctx) -> s.changes().release(ctx, ed));
            page(r, live, e, "/registry/changes.atom", (s, ed, ctx) -> s.changes().feed(ctx, ed));
            page(r, live, e, "/search", (s, ed, ctx) -> s.pages().search(ctx, ed));
            page(r, live, e, ExplainRoutes.PATH, (s, ed, ctx) -> s.explain().form(ctx, ed));
            r.post(e.href(ExplainRoutes.PATH), named(ExplainRoutes.PATH, ctx -> {
                Site s = live.get();
                s.explain().paste(ctx, s.editions().get(index));
            }));
        }
        path(r, live, "/api/v1/ports/{port}", (s, ctx) -> s.api().port(ctx));
        path(r, live, "/api/v1/services/{name}", (s, ctx) -> s.api().service(ctx));
        path(r, live, "/api/v1/search", (s, ctx) -> s.api().search(ctx));
        r.post("/api/v1/feedback", named("/api/v1/feedback", ctx -> live.get().feedback().api(ctx)));
        path(r, live, "/api/v1/openapi.json", (s, ctx) -> s.api().openApi(ctx));
        path(r, live, "/sitemap.xml", (s, ctx) -> s.files().sitemapIndex(ctx));
        path(r, live, "/sitemaps/{part}", (s, ctx) -> s.files().sitemapPart(ctx));
        path(r, live, "/robots.txt", (s, ctx) -> s.files().robots(ctx));
        path(r, live, "/healthz", (s, ctx) -> s.files().health(ctx));
        path(r, live, "/assets/{file}", (s, ctx) -> s.files().asset(ctx));
        if (settings.metrics().equals(WebSettings.METRICS_SITE)) {
            path(r, live, "/metrics", (s, ctx) -> {
                ctx.header("Cache-Control", CachePolicy.NO_STORE);
                ctx.contentType(Metrics.contentType());
                metrics.write(ctx.outputStream());
            });
        }

        r.exception(HttpError.class, (e, ctx) -> {
            if (!"GET".equals(ctx.req().getMethod()) && !"HEAD".equals(ctx.req().getMethod())) {
                // A refused request's body may be unread: the server closes the connection after the
                // answer, so it tells the client not to send another request on it.
                ctx.header("Connection", "close");
            }
            if (!e.retryAfter().isEmpty()) {
                ctx.header("Retry-After", e.retryAfter());
            }
            if (!e.allow().isEmpty()) {
                ctx.header("Allow", e.allow());
            }
            live.get().error(ctx, e.status(), e.text());
        });
        r.exception(HttpResponseException.class, (e, ctx) -> {
            Site site = live.get();
            if (e instanceof MethodNotAllowedResponse m) {
                String allow = allow(m);
                ctx.header("Allow", allow);
                site.error(ctx, 405, HttpError.text("error.methodNotAllowed", "method", ctx.req().getMethod(),
                        "allowed", allow));
            } else if (e.getStatus() == 404) {
                site.error(ctx, 404, Site.isApi(ctx.path())
                        ? HttpError.text("error.notFoundApi", "path", ctx.path()) : HttpError.text("error.notFound"));
            } else {
                site.error(ctx, e.getStatus(), site.statusText(e.getStatus()));
            }
        });
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.req().getMethod(), ctx.path(), e);
            live.get().error(ctx, 500, HttpError.text("error.internal"));
        });
    }

    /** GET and HEAD of a page in one language; its route is named by the English pattern. */
    private static void page(RoutesConfig r, AtomicReference<Site> live, Edition e, String pattern, EditionHandler h) {
        int index = e.index();
        String route = pattern.isEmpty() ? "/{lang}" : pattern;
        getAndHead(r, e.href(pattern), named(route, ctx -> {
            Site s = live.get();
            h.handle(s, s.editions().get(index), ctx);
        }));
    }

    /** GET and HEAD of a path without a language. */
    private static void path(RoutesConfig r, AtomicReference<Site> live, String pattern, SiteHandler h) {
        getAndHead(r, pattern, named(pattern, ctx -> h.handle(live.get(), ctx)));
    }

    /** A handler that first names its route for the metrics. */
    private static io.javalin.http.Handler named(String route, io.javalin.http.Handler h) {
        return ctx -> {
            MeasuredRequests.route(ctx.req(), route);
            h.handle(ctx);
        };
    }

    private static void getAndHead(RoutesConfig r, String path, io.javalin.http.Handler handler) {
        r.get(path, handler);
        r.head(path, handler);
    }

    /** The {@code Allow} value: the methods Javalin found for the path. */
    private static String allow(MethodNotAllowedResponse m) {
        Set<String> methods = new LinkedHashSet<>();
        for (String list : m.getDetails().values()) {
            for (String method : list.split(",")) {
                if (!method.isBlank()) {
                    methods.add(method.strip());
                }
            }
        }
        List<String> out = new ArrayList<>(methods);
        return String.join(", ", out);
    }
}
