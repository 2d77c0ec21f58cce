package dev.portolan.cli;

import dev.portolan.core.PortolanException;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.snapshot.SnapshotStore;
import dev.portolan.core.update.RegistryDownloader;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.web.Metrics;
import dev.portolan.web.WebServer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve --update-every}: the conditional update of {@code portolan update}, run on a timer
 * inside the server. Newer data is imported into the Portolan home as by the command, then served
 * at once ({@link WebServer#replaceData}): no restart, no failed request, no page of the old data
 * sent from the cache. A failed update leaves the data served as it was and is tried again at the
 * next turn.
 *
 * <p>Several servers may each run it: the first check comes after a random part of the period (at
 * most an hour), so that servers started together do not ask the source at once; servers that share
 * a Portolan home take turns under its import lock, and each serves whatever release is active
 * after its turn, also one another server imported.
 */
final class ScheduledUpdates implements AutoCloseable {
    /** The shortest period: IANA's registry changes a few times a month. */
    static final Duration MIN_PERIOD = Duration.ofMinutes(1);
    static final Duration MAX_PERIOD = Duration.ofDays(30);

    private final Console console;
    private final SnapshotStore store;
    private final RegistryDownloader.Settings settings;
    private final WebServer server;
    private final Knowledge knowledge;
    private final ScheduledExecutorService timer;
    private volatile SnapshotInfo served;

    /** Each update reads the registry's history again from the home ({@link ActiveHistory}). */
    ScheduledUpdates(Console console, RegistryDownloader.Settings settings, WebServer server, Knowledge knowledge,
            SnapshotInfo served) {
        this.console = console;
        this.store = ActiveRegistry.store(console);
        this.settings = settings;
        this.server = server;
        this.knowledge = knowledge;
        this.served = served;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portolan-update");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@link #runOnce()} every {@code period}, the first time after a random part of it. */
    void start(Duration period) {
        long periodMillis = period.toMillis();
        long firstMillis = ThreadLocalRandom.current().nextLong(Math.min(periodMillis, 3_600_000L) + 1);
        timer.scheduleWithFixedDelay(this::runOnce, firstMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** One update: download if changed, import, and serve the active release if it is not served yet. */
    Metrics.UpdateOutcome runOnce() {
        Metrics.UpdateOutcome outcome;
        try {
            RegistryDownloader.Result result = new RegistryDownloader(store, settings)
                    .update(SnapshotStore.Policy.standard(false), (received, total) -> { });
            if (result instanceof RegistryDownloader.Result.Installed in) {
                // the command line's searches of the home then read the new release's index
                ActiveRegistry.indexForSearch(console, store, in.install());
            }
            boolean changed = serveActive();
            outcome = changed ? Metrics.UpdateOutcome.UPDATED : Metrics.UpdateOutcome.UNCHANGED;
            if (!changed && result instanceof RegistryDownloader.Result.NotModified) {
                say("update: " + settings.url() + " has not changed; still serving " + served.describe());
            }
        } catch (PortolanException | RuntimeException e) {
            outcome = Metrics.UpdateOutcome.FAILED;
            say("update failed: " + e.getMessage() + "; still serving " + served.describe()
                    + " (the next try is at the next turn)");
        }
        server.metrics().update(outcome);
        return outcome;
    }

    /** Serves the active imported release if it is not the one served; whether it changed. */
    private boolean serveActive() throws PortolanException {
        Optional<RegistrySnapshot> active = store.active();
        if (active.isEmpty() || active.get().info().equals(served)) {
            return false;
        }
        Registry registry = Registry.of(active.get());
        // the update added the release to the home's history: the timelines reach it too
        ChangeLog now = ActiveHistory.load(console);
        PortPages pages = new PortPages(registry, knowledge, now);
        server.replaceData(pages.summaries(), pages::page, now);
        served = active.get().info();
        say("update: now serving " + served.describe());
        return true;
    }

    private void say(String line) {
        synchronized (console) {
            console.err().println("portolan: " + line);
            console.err().flush();
        }
    }

    /**
     * A period such as {@code 24h}, {@code 90m}, {@code 7d} or {@code 3600s}.
     *
     * @throws IllegalArgumentException saying what to write
     */
    static Duration parsePeriod(String text) {
        String t = text.strip();
        if (t.length() >= 2) {
            char unit = t.charAt(t.length() - 1);
            String digits = t.substring(0, t.length() - 1);
            if (digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.length() <= 7) {
                long n = Long.parseLong(digits);
                Duration d = switch (unit) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    case 'd' -> Duration.ofDays(n);
                    default -> null;
                };
                if (d != null) {
                    if (d.compareTo(MIN_PERIOD) < 0 || d.compareTo(MAX_PERIOD) > 0) {
                        throw new IllegalArgumentException("--update-every " + text + " is out of range: give 1m to 30d");
                    }
                    return d;
                }
            }
        }
        throw new IllegalArgumentException("--update-every \"" + CommonOptions.printable(text)
                + "\" is not a period: write a number and s, m, h or d, such as 24h");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
