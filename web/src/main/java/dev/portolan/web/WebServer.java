package dev.portolan.web;

import dev.portolan.core.Registry;
import dev.portolan.knowledge.text.Messages;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Portolan web site: HTML pages, the JSON API, sitemaps and the feedback endpoint on one
 * listener. Start it with {@link #start}; {@link #close()} stops it. Routes and headers are
 * described in {@code docs/web.md}.
 */
public final class WebServer implements AutoCloseable {
    /** The base name of the site's frame strings. */
    public static final String SITE_BUNDLE = "web/site";

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** Sent with every response. */
    static final String[][] SECURITY_HEADERS = {
        {"Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "strict-origin-when-cross-origin"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
    };

    private final Javalin app;
    private final Site site;
    private final String url;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private WebServer(Javalin app, Site site, String url) {
        this.app = app;
        this.site = site;
        this.url = url;
    }

    /**
     * Starts a server with the site in every language.
     *
     * @throws WebServerException if it cannot listen on the address and port
     */
    public static WebServer start(WebSettings settings, dev.portolan.knowledge.PortSummaries summaries, PageSource pages,
            FeedbackLog feedback)
            throws WebServerException {
        return start(settings, summaries, pages, feedback, List.of(Messages.PAGES, SITE_BUNDLE));
    }

    /** Starts a server with the given bundles of sentences (tests add bundles of their own). */
    static WebServer start(WebSettings settings, dev.portolan.knowledge.PortSummaries summaries, PageSource pages,
            FeedbackLog feedback,
            List<String> baseNames) throws WebServerException {
        AtomicReference<String> publicUrl = new AtomicReference<>(settings.publicUrl());
        Site site = new Site(settings, summaries, pages, feedback, baseNames, publicUrl::get);
        QueuedThreadPool threads = new QueuedThreadPool(settings.threads(), Math.min(8, settings.threads()), 60_000);
        threads.setName("portolan-http");
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.prefer405over404 = true;
            // one address a page: /es/ is the Spanish home page, /es redirects to it
            config.router.ignoreTrailingSlashes = false;
            config.http.maxRequestSize = settings.feedbackBodyLimit();
            config.jetty.host = settings.bind();
            config.jetty.port = settings.port();
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new BareErrorHandler());
                // Replaces the default statistics handler; Javalin attaches its servlet inside.
                server.setHandler(new BufferedBodies(settings.feedbackBodyLimit(),
                        new CacheHits(site.cache(), site.editions().stream().map(Edition::code).toList(),
                                settings.hstsSeconds())));
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // %uXXXX escapes and other ambiguous paths are bad requests (400), not a failure inside.
                http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT);
            });
            routes(config.routes, site, settings);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new WebServerException("cannot listen on " + settings.bind() + " port " + settings.port() + ": "
                    + rootMessage(e) + " (choose another with --port or --bind)", e);
        }
        int port = app.port();
        if (settings.publicUrl().isEmpty()) {
            publicUrl.set("http://" + hostForUrl(settings.bind()) + ":" + port);
        }
        String own = "http://" + hostForUrl(settings.bind()) + ":" + port;
        LOG.info("serving on {}", own);
        return new WebServer(app, site, own);
    }

    private static void routes(io.javalin.config.RoutesConfig r, Site site, WebSettings settings) {
        String hsts = settings.hstsSeconds() > 0 ? "max-age=" + settings.hstsSeconds() : null;
        r.before(ctx -> {
            HttpServletResponse res = ctx.res();
            for (String[] h : SECURITY_HEADERS) {
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
        for (Edition e : site.editions()) {
            getAndHead(r, e.href("/"), ctx -> site.pages().home(ctx, e));
            if (e.index() > 0) {
                getAndHead(r, e.href(""), ctx -> site.pages().languageRoot(ctx, e));
            }
            getAndHead(r, e.href("/ports"), ctx -> site.pages().portIndex(ctx, e));
            getAndHead(r, e.href("/ports/page/{page}"), ctx -> site.pages().portIndex(ctx, e));
            getAndHead(r, e.href("/ports/{port}"), ctx -> site.pages().port(ctx, e));
            r.post(e.href("/ports/{port}/feedback"), ctx -> site.feedback().form(ctx, e));
            getAndHead(r, e.href("/ranges/{range}"), ctx -> site.pages().range(ctx, e));
            getAndHead(r, e.href("/ranges/{range}/page/{page}"), ctx -> site.pages().range(ctx, e));
            if (e.index() > 0) {
                // the API in a language, as /es/api/v1/ports/60 (the same as ?lang=es), so that a static
                // export can hold it as files
                getAndHead(r, e.href("/api/v1/ports/{port}"), ctx -> site.api().port(ctx, e));
            }
            getAndHead(r, e.href("/services/{name}"), ctx -> site.pages().service(ctx, e));
            getAndHead(r, e.href("/search"), ctx -> site.pages().search(ctx, e));
        }
        getAndHead(r, "/api/v1/ports/{port}", site.api()::port);
        getAndHead(r, "/api/v1/services/{name}", site.api()::service);
        getAndHead(r, "/api/v1/search", site.api()::search);
        r.post("/api/v1/feedback", site.feedback()::api);
        getAndHead(r, "/api/v1/openapi.json", site.api()::openApi);
        getAndHead(r, "/sitemap.xml", site.files()::sitemapIndex);
        getAndHead(r, "/sitemaps/{part}", site.files()::sitemapPart);
        getAndHead(r, "/robots.txt", site.files()::robots);
        getAndHead(r, "/healthz", site.files()::health);
        getAndHead(r, "/assets/{file}", site.files()::asset);

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
            site.error(ctx, e.status(), e.text());
        });
        r.exception(HttpResponseException.class, (e, ctx) -> {
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
            site.error(ctx, 500, HttpError.text("error.internal"));
        });
    }



    private static void getAndHead(io.javalin.config.RoutesConfig r, String path, Handler handler) {
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

    private static String hostForUrl(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
            return "localhost";
        }
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The server's own address, {@code http://127.0.0.1:8080}. */
    public String url() {
        return url;
    }

    Site site() {
        return site;
    }

    /** Every route, as {@code METHOD path} ({@code GET /ports/{port}}), for tests and docs. */
    List<String> routes() {
        List<String> out = new ArrayList<>();
        for (var e : app.unsafe.internalRouter.allHttpHandlers()) {
            out.add(e.endpoint.method.name() + " " + e.endpoint.path);
        }
        return out;
    }

    /** Waits until the server is closed. */
    public void join() throws InterruptedException {
        stopped.await();
    }

    /** Stops accepting requests, lets running ones finish, and stops. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Answers what fails before any route runs (a request line too long, malformed headers) with
     * the API's JSON error shape and the standard reason, never a stack trace or the server's name.
     */
    private static final class BareErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                Throwable cause, Callback callback) {
            String reason = org.eclipse.jetty.http.HttpStatus.getMessage(code);
            byte[] body = JsonApi.error(code, reason);
            for (String[] h : SECURITY_HEADERS) {
                response.getHeaders().put(h[0], h[1]);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonApi.CONTENT_TYPE);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
