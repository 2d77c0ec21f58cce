package dev.portolan.web;

import dev.portolan.core.history.ChangeLog;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.text.Languages;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.jspecify.annotations.Nullable;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
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
    private final AtomicReference<Site> live;
    private final SiteFactory factory;
    private final Metrics metrics;
    private final @Nullable HTTPServer metricsServer;
    private final String url;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Builds the site on some registry data; the rest of what a site needs stays the same. */
    @FunctionalInterface
    private interface SiteFactory {
        Site build(PortSummaries summaries, PageSource pages, ChangeLog history);
    }

    private WebServer(Javalin app, AtomicReference<Site> live, SiteFactory factory, Metrics metrics,
            @Nullable HTTPServer metricsServer, String url) {
        this.app = app;
        this.live = live;
        this.factory = factory;
        this.metrics = metrics;
        this.metricsServer = metricsServer;
        this.url = url;
    }

    /**
     * Starts a server with the site in every language.
     *
     * @param history the registry's releases, for the pages of what each changed (the port pages
     *     tell their own timelines: {@code pages} composes them)
     * @throws WebServerException if it cannot listen on the address and port, or on the metrics
     *     address, or cannot open the access log
     */
    public static WebServer start(WebSettings settings, PortSummaries summaries, PageSource pages, ChangeLog history,
            FeedbackLog feedback) throws WebServerException {
        return start(settings, summaries, pages, history, feedback, List.of(Messages.PAGES, SITE_BUNDLE));
    }

    /** Starts a server with the given bundles of sentences (tests add bundles of their own). */
    static WebServer start(WebSettings settings, PortSummaries summaries, PageSource pages, ChangeLog history,
            FeedbackLog feedback, List<String> baseNames) throws WebServerException {
        AtomicReference<String> publicUrl = new AtomicReference<>(settings.publicUrl());
        AtomicReference<Site> live = new AtomicReference<>();
        PageCache cache = new PageCache(settings.cacheBytes(), Languages.all().size(), pageFile(settings));
        Metrics metrics = new Metrics(cache, () -> live.get().registry().snapshot().info(), Clock.systemUTC());
        Site.Lasting lasting = new Site.Lasting(cache, new VoteGate(settings.votesPerMinute(), settings.voteBurst()),
                new TokenBuckets(settings.pastesPerMinute(), settings.pasteBurst()), metrics);
        SiteFactory factory = (s, p, h) -> new Site(settings, s, p, h, feedback, baseNames, publicUrl::get, lasting);
        live.set(factory.build(summaries, pages, history));
        Site first = live.get();
        RequestLog accessLog = AccessLog.open(settings.accessLog());
        AtomicReference<org.eclipse.jetty.server.Server> jetty = new AtomicReference<>();
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
            config.jetty.threadPool = threads;
            // One selector thread a CPU: cache hits are answered on the selector thread that saw
            // them arrive (CacheHits is non-blocking), as an event loop a core would.
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, selectors(settings.threads()),
                        new HttpConnectionFactory(http));
                connector.setHost(settings.bind());
                connector.setPort(settings.port());
                return connector;
            });
            config.jetty.modifyServer(server -> {
                jetty.set(server);
                server.setErrorHandler(new BareErrorHandler());
                // Outside in: a stop waits for requests in flight (GracefulHandler), every request is
                // counted and timed, bodies (votes, and the larger pastes of the explain page) are
                // read without a thread, cached port pages are sent before Javalin. This replaces
                // Javalin's default statistics handler; its servlet is attached inside.
                BufferedBodies.Large pastes = new BufferedBodies.Large(first.editions().stream()
                        .map(e -> e.href(ExplainRoutes.PATH)).collect(java.util.stream.Collectors.toSet()),
                        ExplainRoutes.MOST_BODY, ExplainRoutes.ARRIVING_AT_ONCE);
                server.setHandler(new GracefulHandler(new MeasuredRequests(metrics,
                        new BufferedBodies(settings.feedbackBodyLimit(), pastes, new CacheHits(cache,
                                first.editions().stream().map(Edition::code).toList(), settings.hstsSeconds())))));
                server.setStopTimeout(settings.shutdownGraceSeconds() * 1000L);
                if (accessLog != null) {
                    server.setRequestLog(accessLog);
                }
            });
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // %uXXXX escapes and other ambiguous paths are bad requests (400), not a failure inside.
                http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.DEFAULT);
            });
            SiteRoutes.register(config.routes, live, settings, metrics);
        });
        HTTPServer metricsServer = null;
        try {
            InetSocketAddress metricsAddress = WebSettings.metricsAddress(settings.metrics());
            if (metricsAddress != null) {
                try {
                    metricsServer = HTTPServer.builder().inetAddress(metricsAddress.getAddress())
                            .port(metricsAddress.getPort()).registry(metrics.registry()).buildAndStart();
                } catch (IOException e) {
                    throw new WebServerException("cannot serve metrics on " + settings.metrics() + ": "
                            + rootMessage(e) + " (choose another with --metrics)", e);
                }
            }
            app.start();
            // A request's head must arrive within the time a body may take (slowloris).
            RequestHeadDeadline heads = new RequestHeadDeadline(jetty.get().getScheduler(),
                    TimeUnit.SECONDS.toMillis(BufferedBodies.DEADLINE_SECONDS));
            for (org.eclipse.jetty.server.Connector c : jetty.get().getConnectors()) {
                c.addBean(heads);
            }
        } catch (RuntimeException | WebServerException e) {
            if (metricsServer != null) {
                metricsServer.close();
            }
            cache.close();
            if (e instanceof WebServerException w) {
                throw w;
            }
            throw new WebServerException("cannot listen on " + settings.bind() + " port " + settings.port() + ": "
                    + rootMessage(e) + " (choose another with --port or --bind)", e);
        }
        int port = app.port();
        if (settings.publicUrl().isEmpty()) {
            publicUrl.set("http://" + hostForUrl(settings.bind()) + ":" + port);
        }
        String own = "http://" + hostForUrl(settings.bind()) + ":" + port;
        LOG.info("serving on {}", own);
        return new WebServer(app, live, factory, metrics, metricsServer, own);
    }

    /**
     * Serves other registry data from now on, without a restart: the site is built anew on it
     * (while the old one answers), put in place at once, and the page cache is emptied so that no
     * page of the old data is sent again. Requests already running finish on the data they
     * started with.
     */
    public void replaceData(PortSummaries summaries, PageSource pages, ChangeLog history) {
        Site next = factory.build(summaries, pages, history);
        live.set(next);
        next.cache().clear();
        LOG.info("now serving {}", summaries.registry().snapshot().info().describe());
    }

    /**
     * Serves other registry data from now on, as {@link #replaceData(PortSummaries, PageSource,
     * ChangeLog)} does, with the registry's history served until now.
     */
    public void replaceData(PortSummaries summaries, PageSource pages) {
        replaceData(summaries, pages, live.get().changes().history());
    }

    /** The server's metrics; the command line counts its scheduled updates there. */
    public Metrics metrics() {
        return metrics;
    }

    /** The port of the metrics listener of its own, or -1 when there is none. */
    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.getPort();
    }

    /** The page file of the settings, or null when there is none or it cannot be created (then said). */
    private static @Nullable PageFile pageFile(WebSettings settings) {
        if (!settings.hasCacheFile()) {
            return null;
        }
        try {
            PageFile file = PageFile.create(java.nio.file.Path.of(settings.cacheDirectory()), settings.cacheFileBytes());
            LOG.debug("rendered port pages go to a file of at most {} MiB in {}", settings.cacheFileBytes() >> 20,
                    settings.cacheDirectory());
            return file;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot create the page file in {} ({}); rendered pages are kept in memory only",
                    settings.cacheDirectory(), e.toString());
            return null;
        }
    }

    /** Selector threads: one a CPU, leaving at least half the threads to the routes. */
    static int selectors(int threads) {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), (threads - 1) / 2));
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

    /** The site answering now. */
    Site site() {
        return live.get();
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

    /**
     * Stops accepting connections, lets the requests in flight finish (for at most the shutdown
     * grace of the settings), and stops.
     */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            if (metricsServer != null) {
                metricsServer.close();
            }
            live.get().cache().close();
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
