package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Registry;
import dev.portolan.core.StoreException;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.snapshot.SnapshotStore;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.store.FeedbackDatabase;
import dev.portolan.store.FeedbackStore;
import dev.portolan.web.FeedbackLog;
import dev.portolan.web.WebServer;
import dev.portolan.web.WebServerException;
import dev.portolan.web.WebSettings;
import dev.portolan.core.update.RegistryDownloader;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan serve}: the web site and JSON API, until Ctrl-C. */
@Command(name = "serve", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Serve the web site and the JSON API on the active registry data until stopped (Ctrl-C).",
            "Readers' votes go to PORTOLAN_HOME/portolan.db, or to the PostgreSQL database several servers share"
                + " (--database)."},
        footer = {"", "Examples:", "  portolan serve", "  portolan serve --port 9000",
            "  portolan serve --bind 0.0.0.0 --public-url https://ports.example",
            "  PORTOLAN_DATABASE_URL=postgresql://portolan:secret@db.internal/portolan portolan serve"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = {"-p", "--port"}, paramLabel = "P",
            description = "TCP port to listen on (1-65535, 0 for any free one; default 8080).")
    int port = WebSettings.DEFAULT_PORT;

    @Option(names = {"-b", "--bind"}, paramLabel = "ADDR",
            description = "Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every interface).")
    String bind = WebSettings.DEFAULT_BIND;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Address readers use, for canonical links and sitemaps (default http://ADDR:P).")
    String publicUrl = "";

    @Option(names = "--cache-mb", paramLabel = "MB",
            description = "Heap for the page cache, in MiB (1-65536; default 96).")
    long cacheMb = WebSettings.DEFAULT_CACHE_BYTES >> 20;

    @Option(names = "--cache-file-mb", paramLabel = "MB",
            description = "Disk for rendered port pages, in MiB: a file in PORTOLAN_HOME, deleted when the server"
                    + " stops (0-1048576; default 4096; 0 keeps them in the heap).")
    long cacheFileMb = WebSettings.DEFAULT_CACHE_FILE_BYTES >> 20;

    @Option(names = "--votes-per-minute", paramLabel = "N",
            description = "Votes one network (IPv4 /24, IPv6 /64) may send per minute to this server (1-10000; default 10).")
    int votesPerMinute = 10;

    @Option(names = "--vote-burst", paramLabel = "N",
            description = "Votes one network may send at once to this server (1-10000; default 10).")
    int voteBurst = 10;

    @Option(names = "--hsts-seconds", paramLabel = "S",
            description = "Tell browsers to use HTTPS only for S seconds (Strict-Transport-Security; 0-63072000,"
                    + " default 0: not sent). For a site served over HTTPS.")
    long hstsSeconds;

    @Option(names = "--metrics", paramLabel = "WHERE",
            description = "Prometheus metrics: site (at /metrics on this listener; default), off, or HOST:PORT for a"
                    + " listener of their own, such as 127.0.0.1:9464.")
    String metrics = WebSettings.METRICS_SITE;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "Write a line per request in the NCSA combined format to FILE (appended), or - for"
                    + " standard output. Default: none.")
    String accessLog = "";

    @Option(names = "--shutdown-grace", paramLabel = "S",
            description = "On a stop, finish the requests in flight for up to S seconds (0-300; default 10).")
    int shutdownGrace = WebSettings.DEFAULT_SHUTDOWN_GRACE_SECONDS;

    @Option(names = "--update-every", paramLabel = "PERIOD",
            description = "Run the conditional update (as portolan update) every PERIOD, such as 24h (1m-30d), and"
                    + " serve newer data at once, without a restart. Default: never.")
    String updateEvery = "";

    @Option(names = "--update-url", paramLabel = "URL",
            description = "Where --update-every downloads from (default: IANA's official XML address).")
    String updateUrl = "";

    @Option(names = "--threads", paramLabel = "N",
            description = "Most server threads (4-1000; default 4 per CPU, at least 8).")
    int threads = WebSettings.defaults().threads();

    private final Console console;
    /** Told about the running server; tests use it to stop the server. */
    private final Consumer<WebServer> started;

    ServeCommand(Console console) {
        this(console, server -> { });
    }

    ServeCommand(Console console, Consumer<WebServer> started) {
        this.console = console;
        this.started = started;
    }

    /** The settings the options give. */
    WebSettings settings() throws InvalidQueryException {
        if (cacheMb < 1 || cacheMb > 65_536) {
            throw new InvalidQueryException("--cache-mb " + cacheMb + " is out of range: give 1-65536");
        }
        if (cacheFileMb < 0 || cacheFileMb > 1_048_576) {
            throw new InvalidQueryException("--cache-file-mb " + cacheFileMb + " is out of range: give 0-1048576");
        }
        try {
            return WebSettings.defaults().listening(bind, port).withPublicUrl(publicUrl).withCacheBytes(cacheMb << 20)
                    .withCacheFile(SnapshotStore.home(console.env()).toString(), cacheFileMb << 20)
                    .withVoteLimit(votesPerMinute, voteBurst).withThreads(threads).withHsts(hstsSeconds)
                    .withMetrics(metrics).withAccessLog(accessLog).withShutdownGrace(shutdownGrace);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }

    /** The scheduled updates while the server runs with {@code --update-every}; tests run them by hand. */
    volatile @org.jspecify.annotations.Nullable ScheduledUpdates scheduled;

    private Duration period() throws InvalidQueryException {
        try {
            return ScheduledUpdates.parsePeriod(updateEvery);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
    }

    /** Where and how the scheduled update downloads, as {@code portolan update} with its defaults. */
    private RegistryDownloader.Settings updateSettings() throws InvalidQueryException {
        URI target = RegistryDownloader.OFFICIAL_URL;
        if (!updateUrl.isEmpty()) {
            target = UpdateCommand.parse(updateUrl, "--update-url");
        }
        return RegistryDownloader.Settings.defaults(target);
    }

    /** Removes the hook after a stop that did not come from it; during shutdown that is refused. */
    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what stopped the server
        }
    }

    @Override
    public Integer call() throws InvalidQueryException, StoreException, WebServerException, InterruptedException {
        WebSettings settings = settings();
        FeedbackDatabase db = database.resolve(console.env());
        RegistryDownloader.Settings updates = updateSettings();
        Duration period = updateEvery.isEmpty() ? null : period();
        Registry registry = ActiveRegistry.load(console);
        Knowledge knowledge = Knowledge.embedded().readWhole();
        ChangeLog history = ActiveHistory.load(console);
        PortPages pages = new PortPages(registry, knowledge, history);
        CountDownLatch closed = new CountDownLatch(1);
        try (FeedbackStore store = FeedbackStore.open(db)) {
            WebServer server = WebServer.start(settings, pages.summaries(), pages::page, history,
                    FeedbackLog.of(store));
            Thread stop = new Thread(() -> {
                server.close();
                try {
                    // let the main thread close the database before the JVM halts
                    closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "portolan-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            console.out().println("portolan: serving " + registry.snapshot().info().describe() + " at "
                    + server.url() + "/ (Ctrl-C stops)");
            console.out().println("portolan: readers' votes go to the " + store.describe());
            if (period != null) {
                scheduled = new ScheduledUpdates(console, updates, server, knowledge,
                        registry.snapshot().info());
                scheduled.start(period);
                console.out().println("portolan: checking " + updates.url() + " for a newer registry every "
                        + updateEvery.strip());
            }
            console.out().flush();
            started.accept(server);
            try {
                server.join();
            } finally {
                removeHook(stop);
                if (scheduled != null) {
                    scheduled.close();
                }
            }
        } finally {
            closed.countDown();
        }
        console.err().println("portolan: stopped");
        console.err().flush();
        return ExitCode.OK;
    }
}
