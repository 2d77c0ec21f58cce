package dev.portolan.core.update;

import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.UpdateException;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Fetches IANA's registry XML with a conditional GET (ETag and Last-Modified of the last
 * download), streams it to a temporary file under the Portolan home, and hands it to the same
 * validation and atomic install as {@code portolan import}. A failed, cut-off or stalled download
 * never touches the active data.
 *
 * <p>A download stops, and fails, when no bytes arrive for the idle time-out, when the whole
 * transfer takes longer than the total time-out, or when the body passes
 * {@link #MAX_DOWNLOAD_BYTES} (a larger announced length is refused before the body is read).
 */
public final class RegistryDownloader {
    /** The official location of the registry's XML form. */
    public static final URI OFFICIAL_URL =
            URI.create("https://www.iana.org/assignments/service-names-port-numbers/service-names-port-numbers.xml");

    /**
     * The most bytes a download may hold: 64 MiB. The registry's XML is about 4 MB (2025); a larger
     * body is not the registry, and without a limit a hostile or broken server fills the disk.
     */
    public static final long MAX_DOWNLOAD_BYTES = 64L * 1024 * 1024;

    private static final String STATE_FILE = "update.properties";

    /** Why the watchdog stopped a transfer. */
    private enum Stop { NONE, IDLE, TOTAL }

    private final SnapshotStore store;
    private final Settings settings;

    /**
     * How a download behaves.
     *
     * @param url where to fetch from
     * @param connectTimeout the longest wait for a connection
     * @param idleTimeout the longest wait for the next bytes of the response
     * @param totalTimeout the longest the whole download may take
     */
    public record Settings(URI url, Duration connectTimeout, Duration idleTimeout, Duration totalTimeout) {
        public static Settings defaults(URI url) {
            return new Settings(url, Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(5));
        }
    }

    /** Receives download progress; {@code total} is -1 when the server does not say. */
    @FunctionalInterface
    public interface Progress {
        void bytes(long received, long total);
    }

    /** What an update did. */
    public sealed interface Result {
        /** The server has nothing newer than the last download. */
        record NotModified(URI url) implements Result {}

        /** A download was validated and installed (or was the same data as the active one). */
        record Installed(SnapshotStore.InstallResult install, long bytes) implements Result {}
    }

    public RegistryDownloader(SnapshotStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    /**
     * Downloads and installs the registry.
     *
     * @throws UpdateException on network errors, HTTP errors, time-outs and cut-off transfers
     * @throws UpdateException also if the download is not a valid registry
     * @throws PortolanException if the store rejects or fails to write the snapshot
     */
    public Result update(SnapshotStore.Policy policy, Progress progress) throws PortolanException {
        URI url = settings.url();
        Properties state = loadState();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.idleTimeout())
                .header("Accept", "application/xml, text/xml;q=0.9, */*;q=0.1")
                .header("User-Agent", "portolan (+registry update)")
                .GET();
        Optional<Path> active;
        try {
            active = store.activeFile();
        } catch (dev.portolan.core.StoreException e) {
            // A damaged pointer must not stop the update that repairs it: download in full.
            active = Optional.empty();
        }
        boolean conditional = active.isPresent() && url.toString().equals(state.getProperty("url"))
                && active.get().getFileName().toString().equals(state.getProperty("snapshot"));
        if (conditional) {
            String etag = state.getProperty("etag");
            String lastModified = state.getProperty("last-modified");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new UpdateException("could not connect to " + url.getHost() + " within "
                    + settings.connectTimeout().toSeconds() + " s; check the network and try again", e);
        } catch (HttpTimeoutException e) {
            throw new UpdateException(url + " did not answer within " + settings.idleTimeout().toSeconds()
                    + " s; try again later", e);
        } catch (ConnectException e) {
            throw new UpdateException("could not connect to " + url + ": connection refused or network unreachable", e);
        } catch (IOException e) {
            throw new UpdateException("could not download " + url + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpdateException("download of " + url + " was interrupted", e);
        }
        int status = response.statusCode();
        if (status == 304) {
            closeQuietly(response.body());
            return new Result.NotModified(url);
        }
        if (status != 200) {
            closeQuietly(response.body());
            String reason = reason(status);
            throw new UpdateException(url + " answered HTTP " + status + (reason.isEmpty() ? "" : " " + reason)
                    + "; the active data is unchanged");
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > MAX_DOWNLOAD_BYTES) {
            closeQuietly(response.body());
            throw tooLarge(" (it announces " + declared + " bytes)");
        }
        Path tmpDir = store.home().resolve("tmp");
        Path download;
        try {
            Files.createDirectories(tmpDir);
            download = Files.createTempFile(tmpDir, "download-", ".xml");
        } catch (IOException e) {
            throw new UpdateException("cannot create a temporary file under " + tmpDir + ": " + e.getMessage(), e);
        }
        try {
            long received = copyWithDeadline(response.body(), download, declared, progress);
            if (declared >= 0 && received != declared) {
                throw new UpdateException("download of " + url + " was cut short: received " + received + " of "
                        + declared + " bytes; the active data is unchanged");
            }
            RegistrySnapshot snapshot;
            try (InputStream in = Files.newInputStream(download)) {
                snapshot = RegistryFileReader.read(in, url.toString());
            } catch (RegistryFormatException e) {
                // Not the user's input but what the server sent: a failure (exit 1), not bad input.
                throw new UpdateException(e.getMessage() + "; the active data is unchanged", e);
            } catch (IOException e) {
                throw new UpdateException("cannot read the download " + download + ": " + e.getMessage(), e);
            }
            snapshot = snapshot.withInfo(new dev.portolan.core.SnapshotInfo(snapshot.info().source(),
                    url.toString(), snapshot.info().updated(), null));
            SnapshotStore.InstallResult result = store.install(snapshot, policy);
            Properties next = new Properties();
            next.setProperty("url", url.toString());
            next.setProperty("snapshot", result.file().getFileName().toString());
            response.headers().firstValue("ETag").ifPresent(v -> next.setProperty("etag", v));
            response.headers().firstValue("Last-Modified").ifPresent(v -> next.setProperty("last-modified", v));
            saveState(next);
            return new Result.Installed(result, received);
        } finally {
            try {
                Files.deleteIfExists(download);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless; the next update uses a new name
            }
        }
    }

    private long copyWithDeadline(InputStream body, Path target, long declared, Progress progress)
            throws UpdateException {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portolan-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        AtomicLong lastByteAt = new AtomicLong(System.nanoTime());
        AtomicReference<Stop> stopped = new AtomicReference<>(Stop.NONE);
        long start = System.nanoTime();
        long idleNanos = settings.idleTimeout().toNanos();
        long totalNanos = settings.totalTimeout().toNanos();
        ScheduledFuture<?> check = watchdog.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // The total limit first: a transfer that trickles past it has not stalled.
            Stop why = now - start > totalNanos ? Stop.TOTAL : now - lastByteAt.get() > idleNanos ? Stop.IDLE
                    : Stop.NONE;
            if (why != Stop.NONE && stopped.compareAndSet(Stop.NONE, why)) {
                closeQuietly(body);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        long received = 0;
        byte[] head = new byte[RegistryFileReader.START_BYTES];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            // One byte more than the limit allows tells "exactly the limit" from "past it".
            for (int n = in.read(buf, 0, readable(buf, received)); n >= 0;
                    n = in.read(buf, 0, readable(buf, received))) {
                out.write(buf, 0, n);
                if (received < head.length) {
                    int copied = (int) Math.min(n, head.length - received);
                    System.arraycopy(buf, 0, head, (int) received, copied);
                    if (received + copied == head.length) {
                        // What cannot be the registry is refused from its start, not after 64 MiB.
                        checkStart(head);
                    }
                }
                received += n;
                if (received > MAX_DOWNLOAD_BYTES) {
                    throw tooLarge("");
                }
                lastByteAt.set(System.nanoTime());
                progress.bytes(received, declared);
            }
        } catch (IOException e) {
            if (stopped.get() != Stop.NONE) {
                throw timedOut(stopped.get(), e);
            }
            if (declared >= 0 && received < declared) {
                throw new UpdateException("download of " + settings.url() + " was cut short: received " + received
                        + " of " + declared + " bytes; the active data is unchanged", e);
            }
            throw new UpdateException("download of " + settings.url() + " failed after " + received + " bytes: "
                    + describe(e) + "; the active data is unchanged", e);
        } finally {
            check.cancel(false);
            watchdog.shutdownNow();
        }
        if (stopped.get() != Stop.NONE) {
            throw timedOut(stopped.get(), null);
        }
        return received;
    }

    /** How many bytes the next read may take: up to one past the limit. */
    private void checkStart(byte[] head) throws UpdateException {
        try {
            RegistryFileReader.checkStart(head, head.length, settings.url().toString());
        } catch (RegistryFormatException e) {
            throw new UpdateException(e.getMessage() + "; the download was stopped there and the active data is "
                    + "unchanged", e);
        }
    }

    private static int readable(byte[] buf, long received) {
        return (int) Math.min(buf.length, MAX_DOWNLOAD_BYTES + 1 - received);
    }

    private UpdateException tooLarge(String announced) {
        return new UpdateException("download of " + settings.url() + " is too large" + announced + ": more than "
                + MAX_DOWNLOAD_BYTES / (1024 * 1024) + " MiB, the limit for the registry (IANA's is about 4 MB); "
                + "check that the URL serves service-names-port-numbers.xml; the active data is unchanged");
    }

    private UpdateException timedOut(Stop why, @Nullable IOException cause) {
        String what = why == Stop.TOTAL
                ? " took longer than " + settings.totalTimeout().toSeconds() + " s, the limit for the whole download"
                : " stalled: no data for " + settings.idleTimeout().toSeconds() + " s";
        String message = "download of " + settings.url() + what + "; try again later; the active data is unchanged";
        return cause == null ? new UpdateException(message) : new UpdateException(message, cause);
    }

    private Properties loadState() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(store.home().resolve(STATE_FILE), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // first update: no validators yet
        } catch (IOException | IllegalArgumentException e) {
            // unreadable validators only cost a full download
            p.clear();
        }
        return p;
    }

    private void saveState(Properties p) throws UpdateException {
        Path file = store.home().resolve(STATE_FILE);
        Path tmp = store.home().resolve(STATE_FILE + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "validators of the last registry download");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UpdateException("the registry was updated, but " + file + " could not be written: "
                    + e.getMessage() + "; the next update downloads the whole file again", e);
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

    private static void closeQuietly(@Nullable InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to do: the stream is being abandoned
            }
        }
    }
}
