package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortolanException;
import dev.portolan.core.snapshot.SnapshotStore;
import dev.portolan.core.update.RegistryDownloader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan update}: downloads the official registry from IANA and makes it active. */
@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Download the official registry XML from IANA (a conditional GET: nothing is downloaded "
                + "when it has not changed), validate it and make it the active data.",
            "A failed or cut-off download leaves the active data as it was."})
final class UpdateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--url", paramLabel = "URL", description = "Download from URL instead of IANA's official address.")
    @Nullable String url;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up when no data arrives for this long (default 30; 1-3600).")
    int timeout = 30;

    @Option(names = "--force", description = "Install even if not newer than the active release (older, or of "
            + "its date with other data) or much smaller than it.")
    boolean force;

    private final Console console;

    UpdateCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws PortolanException {
        if (timeout < 1 || timeout > 3600) {
            throw new InvalidQueryException("--timeout " + timeout + " is out of range: give 1 to 3600 seconds");
        }
        URI target = url == null ? RegistryDownloader.OFFICIAL_URL : parse(url, "--url");
        // Connect within 15 s (or the timeout if shorter); the whole download within 5 minutes, or
        // twice the idle timeout when that is longer (docs/configuration.md).
        RegistryDownloader.Settings settings = new RegistryDownloader.Settings(target,
                Duration.ofSeconds(Math.min(timeout, 15)), Duration.ofSeconds(timeout),
                Duration.ofSeconds(Math.max(300, timeout * 2L)));
        SnapshotStore store = ActiveRegistry.store(console);
        ProgressBar bar = new ProgressBar(console);
        RegistryDownloader.Result result;
        try {
            result = new RegistryDownloader(store, settings).update(SnapshotStore.Policy.standard(force), bar::show);
        } finally {
            bar.done();
        }
        if (result instanceof RegistryDownloader.Result.NotModified nm) {
            console.out().println("not modified: " + nm.url() + " has not changed since the last update");
        } else if (result instanceof RegistryDownloader.Result.Installed in) {
            console.out().println("downloaded " + Reports.count(in.bytes()) + " bytes from " + target);
            Reports.install(console, in.install(), store.historyFile());
            ActiveRegistry.indexForSearch(console, store, in.install());
        }
        console.out().flush();
        return ExitCode.OK;
    }

    /** An http or https URL given to {@code option}, or a refusal that names the option. */
    static URI parse(String text, String option) throws InvalidQueryException {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new InvalidQueryException(option + " \"" + text + "\" is not an http or https URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new InvalidQueryException(option + " \"" + text + "\" is not a URL: " + e.getReason());
        }
    }

    /** A one-line progress display on standard error, shown only on a terminal. */
    private static final class ProgressBar {
        private final Console console;
        private long lastShown;
        private boolean shown;

        ProgressBar(Console console) {
            this.console = console;
        }

        void show(long received, long total) {
            if (!console.interactive()) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastShown < 100_000_000L && received != total) {
                return;
            }
            lastShown = now;
            shown = true;
            String text = total > 0
                    ? String.format(Locale.ROOT, "\rdownloading %.1f of %.1f MB (%d%%)", received / 1e6, total / 1e6,
                            received * 100 / total)
                    : String.format(Locale.ROOT, "\rdownloading %.1f MB", received / 1e6);
            console.err().print(text);
            console.err().flush();
        }

        void done() {
            if (shown) {
                console.err().println();
                console.err().flush();
            }
        }
    }
}
