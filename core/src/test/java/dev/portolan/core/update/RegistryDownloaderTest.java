package dev.portolan.core.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.SnapshotRejectedException;
import dev.portolan.core.UpdateException;
import dev.portolan.core.snapshot.SnapshotStore;
import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.core.testsupport.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegistryDownloader} against a loopback server. */
class RegistryDownloaderTest {
    static final byte[] GOOD = GeneratedRegistry.bareXmlBytes(LocalDate.of(2025, 9, 1), GeneratedRegistry.RECORDS);
    static final String ETAG = "\"v1\"";
    static final String LAST_MODIFIED = "Mon, 01 Sep 2025 10:00:00 GMT";

    @TempDir
    Path home;

    SnapshotStore store;
    LoopbackHttpServer server;

    @BeforeEach
    void start() throws IOException {
        store = SnapshotStore.at(home);
        server = LoopbackHttpServer.start()
                .route("/registry.xml", LoopbackHttpServer.conditional(GOOD, ETAG, LAST_MODIFIED))
                .route("/etag-only.xml", ex -> {
                    ex.getResponseHeaders().set("ETag", ETAG);
                    LoopbackHttpServer.send(ex, 200, GOOD);
                })
                .route("/chunked.xml", ex -> {
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(GOOD);
                    }
                })
                .route("/moved", ex -> {
                    ex.getResponseHeaders().set("Location", "/registry.xml");
                    ex.sendResponseHeaders(301, -1);
                })
                .route("/teapot", ex -> LoopbackHttpServer.send(ex, 418, "no".getBytes(StandardCharsets.UTF_8)))
                .route("/page.html", LoopbackHttpServer.ok(
                        "<html><body>Log in</body></html>".getBytes(StandardCharsets.UTF_8)))
                .route("/small.xml", LoopbackHttpServer.ok(GeneratedRegistry.bareXmlBytes(LocalDate.of(2025, 9, 1),
                        10)));
        server.route("/slow.xml", server.stallAfter(GOOD, 100));
        server.route("/trickle.xml", server.trickle(GOOD, 64, 50));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RegistryDownloader downloader(String path, Duration idle, Duration total) {
        return new RegistryDownloader(store, new RegistryDownloader.Settings(server.uri(path), Duration.ofSeconds(2),
                idle, total));
    }

    private RegistryDownloader downloader(String path) {
        return downloader(path, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private List<String> tmpFiles() throws IOException {
        Path tmp = home.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private void assertNothingInstalled() throws Exception {
        assertThat(store.active()).isEmpty();
        assertThat(Files.exists(home.resolve("update.properties"))).isFalse();
        assertThat(tmpFiles()).isEmpty();
    }

    @Test
    void downloadIsInstalledWithItsUrlAsLabel() throws Exception {
        List<long[]> progress = new ArrayList<>();

        RegistryDownloader.Result result = downloader("/registry.xml").update(SnapshotStore.Policy.standard(false),
                (received, total) -> progress.add(new long[] {received, total}));

        assertThat(result).isInstanceOf(RegistryDownloader.Result.Installed.class);
        RegistryDownloader.Result.Installed installed = (RegistryDownloader.Result.Installed) result;
        assertThat(installed.bytes()).isEqualTo(GOOD.length);
        assertThat(installed.install().outcome()).isEqualTo(SnapshotStore.Outcome.INSTALLED);
        SnapshotInfo info = store.active().orElseThrow().info();
        assertThat(info.source()).isEqualTo(SnapshotInfo.Source.IANA_XML);
        assertThat(info.label()).isEqualTo(server.uri("/registry.xml").toString());
        assertThat(info.updated()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(progress).isNotEmpty();
        assertThat(progress).allSatisfy(p -> assertThat(p[1]).isEqualTo(GOOD.length));
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(GOOD.length);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isGreaterThan(progress.get(i - 1)[0]);
        }
        assertThat(tmpFiles()).isEmpty();
    }

    @Test
    void chunkedDownloadReportsAnUnknownTotal() throws Exception {
        List<Long> totals = new ArrayList<>();

        RegistryDownloader.Result result = downloader("/chunked.xml").update(SnapshotStore.Policy.standard(false),
                (received, total) -> totals.add(total));

        assertThat(result).isInstanceOf(RegistryDownloader.Result.Installed.class);
        assertThat(((RegistryDownloader.Result.Installed) result).bytes()).isEqualTo(GOOD.length);
        assertThat(totals).isNotEmpty().containsOnly(-1L);
    }

    @Test
    void redirectIsFollowed() throws Exception {
        RegistryDownloader.Result result = downloader("/moved").update(SnapshotStore.Policy.standard(false),
                (r, t) -> { });

        assertThat(result).isInstanceOf(RegistryDownloader.Result.Installed.class);
    }

    @Test
    void secondDownloadIsConditionalAndNotModified() throws Exception {
        downloader("/registry.xml").update(SnapshotStore.Policy.standard(false), (r, t) -> { });
        byte[] active = Files.readAllBytes(store.activeFile().orElseThrow());

        RegistryDownloader.Result result = downloader("/registry.xml").update(SnapshotStore.Policy.standard(false),
                (r, t) -> { });

        assertThat(result).isEqualTo(new RegistryDownloader.Result.NotModified(server.uri("/registry.xml")));
        LoopbackHttpServer.Request second = server.requests().get(1);
        assertThat(second.header("If-None-Match")).isEqualTo(ETAG);
        assertThat(second.header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(Files.readAllBytes(store.activeFile().orElseThrow())).isEqualTo(active);
        assertThat(tmpFiles()).isEmpty();
    }

    @Test
    void onlyTheValidatorsTheServerGaveAreSent() throws Exception {
        downloader("/etag-only.xml").update(SnapshotStore.Policy.standard(false), (r, t) -> { });
        downloader("/etag-only.xml").update(SnapshotStore.Policy.standard(false), (r, t) -> { });

        LoopbackHttpServer.Request second = server.requests().get(1);
        assertThat(second.header("If-None-Match")).isEqualTo(ETAG);
        assertThat(second.headers().containsKey("If-Modified-Since")).isFalse();
    }

    @Test
    void unreadableValidatorsOnlyCostAFullDownload() throws Exception {
        downloader("/registry.xml").update(SnapshotStore.Policy.standard(false), (r, t) -> { });
        Files.writeString(home.resolve("update.properties"), "etag=\\uZZZZ\n", StandardCharsets.ISO_8859_1);

        RegistryDownloader.Result result = downloader("/registry.xml").update(SnapshotStore.Policy.standard(false),
                (r, t) -> { });

        assertThat(server.requests().get(1).headers().containsKey("If-None-Match")).isFalse();
        assertThat(result).isInstanceOf(RegistryDownloader.Result.Installed.class);
        assertThat(((RegistryDownloader.Result.Installed) result).install().outcome())
                .isEqualTo(SnapshotStore.Outcome.ALREADY_ACTIVE);
    }

    @Test
    void httpErrorIsAnUpdateException() throws Exception {
        assertThatThrownBy(() -> downloader("/teapot").update(SnapshotStore.Policy.standard(false), (r, t) -> { }))
                .isInstanceOf(UpdateException.class)
                .hasMessageStartingWith(server.uri("/teapot") + " answered HTTP 418")
                .hasMessageEndingWith("; the active data is unchanged");
        assertNothingInstalled();
    }

    @Test
    void httpErrorWithoutReasonPhraseReadsWell() {
        assertThatThrownBy(() -> downloader("/teapot").update(SnapshotStore.Policy.standard(false), (r, t) -> { }))
                .hasMessage(server.uri("/teapot") + " answered HTTP 418; the active data is unchanged");
    }

    /** A download of {@code path} stops within 10 s with {@code message}, installing nothing. */
    private void assertTimesOut(String path, Duration idle, Duration total, String message) throws Exception {
        long start = System.nanoTime();

        assertThatThrownBy(() -> downloader(path, idle, total)
                .update(SnapshotStore.Policy.standard(false), (r, t) -> { }))
                .isInstanceOf(UpdateException.class)
                .hasMessage(message);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertNothingInstalled();
    }

    @Test
    void idleTimeOutStopsAStalledDownload() throws Exception {
        assertTimesOut("/slow.xml", Duration.ofSeconds(1), Duration.ofSeconds(30),
                "download of " + server.uri("/slow.xml") + " stalled: no data for 1 s; try again later; "
                        + "the active data is unchanged");
    }

    /** Regression: a download stopped by the total limit, while bytes still arrived, was said to have stalled. */
    @Test
    void totalTimeOutStopsADownloadThatKeepsTrickling() throws Exception {
        assertTimesOut("/trickle.xml", Duration.ofSeconds(3), Duration.ofSeconds(1),
                "download of " + server.uri("/trickle.xml") + " took longer than 1 s, the limit for the whole "
                        + "download; try again later; the active data is unchanged");
    }

    /**
     * Regression: {@code update} had no size limit, and a hostile mirror streamed 9 GB into the
     * temporary file. The download stops just past {@link RegistryDownloader#MAX_DOWNLOAD_BYTES}.
     */
    @Test
    void endlessDownload_stopsAtTheSizeLimitAndSaysTooLarge() throws Exception {
        AtomicLong sent = new AtomicLong();
        server.route("/endless.xml", server.endless(GOOD, -1, sent));
        List<Long> progress = new ArrayList<>();
        long start = System.nanoTime();

        assertThatThrownBy(() -> downloader("/endless.xml").update(SnapshotStore.Policy.standard(false),
                (received, total) -> progress.add(received)))
                .isInstanceOf(UpdateException.class)
                .hasMessage("download of " + server.uri("/endless.xml") + " is too large: more than 64 MiB, the limit "
                        + "for the registry (IANA's is about 4 MB); check that the URL serves "
                        + "service-names-port-numbers.xml; the active data is unchanged");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(RegistryDownloader.MAX_DOWNLOAD_BYTES).isEqualTo(64L * 1024 * 1024);
        assertThat(progress).last().isEqualTo(RegistryDownloader.MAX_DOWNLOAD_BYTES);
        // What the server got out before the client hung up: the limit and what the socket buffers hold.
        assertThat(sent.get()).isLessThan(RegistryDownloader.MAX_DOWNLOAD_BYTES + (32L << 20));
        assertNothingInstalled();
    }

    @Test
    void announcedLengthPastTheLimit_isRefusedBeforeTheBodyIsRead() throws Exception {
        AtomicLong sent = new AtomicLong();
        server.route("/huge.xml", server.endless(GOOD, 9_000_000_000L, sent));

        assertThatThrownBy(() -> downloader("/huge.xml").update(SnapshotStore.Policy.standard(false), (r, t) -> {
            throw new AssertionError("no byte of the body may be read, yet " + r + " were");
        }))
                .isInstanceOf(UpdateException.class)
                .hasMessage("download of " + server.uri("/huge.xml") + " is too large (it announces 9000000000 "
                        + "bytes): more than 64 MiB, the limit for the registry (IANA's is about 4 MB); check that the "
                        + "URL serves service-names-port-numbers.xml; the active data is unchanged");
        assertNothingInstalled();
    }

    @Test
    void downloadOfExactlyTheLimit_isReadInFullAndJudgedAsARegistry() throws Exception {
        byte[] padded = Arrays.copyOf(GOOD, (int) RegistryDownloader.MAX_DOWNLOAD_BYTES);
        Arrays.fill(padded, GOOD.length, padded.length, (byte) '\n');
        server.route("/padded.xml", LoopbackHttpServer.ok(padded));

        RegistryDownloader.Result result = downloader("/padded.xml").update(SnapshotStore.Policy.standard(false),
                (r, t) -> { });

        assertThat(((RegistryDownloader.Result.Installed) result).bytes()).isEqualTo(padded.length);
    }

    @Test
    void nonRegistryBodyIsAnUpdateFailureNamingTheUrl() throws Exception {
        assertThatThrownBy(() -> downloader("/page.html").update(SnapshotStore.Policy.standard(false), (r, t) -> { }))
                .isInstanceOf(UpdateException.class)
                .hasCauseInstanceOf(RegistryFormatException.class)
                .hasMessage(server.uri("/page.html") + ": is an HTML page, not the IANA port registry; download "
                        + "service-names-port-numbers.xml (or .csv) from "
                        + "https://www.iana.org/assignments/service-names-port-numbers/; the active data is unchanged");
        assertNothingInstalled();
    }

    @Test
    void tooSmallDownloadIsRejected() throws Exception {
        assertThatThrownBy(() -> downloader("/small.xml").update(SnapshotStore.Policy.standard(false), (r, t) -> { }))
                .isInstanceOf(SnapshotRejectedException.class)
                .hasMessageStartingWith(server.uri("/small.xml") + " holds 10 records");
        assertNothingInstalled();
    }

    @Test
    void refusedConnectionIsAnUpdateException() throws Exception {
        URI gone;
        try (LoopbackHttpServer closed = LoopbackHttpServer.start()) {
            gone = closed.uri("/registry.xml");
        }
        RegistryDownloader d = new RegistryDownloader(store, new RegistryDownloader.Settings(gone, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(5)));

        assertThatThrownBy(() -> d.update(SnapshotStore.Policy.standard(false), (r, t) -> { }))
                .isInstanceOf(UpdateException.class)
                .hasMessage("could not connect to " + gone + ": connection refused or network unreachable");
        assertNothingInstalled();
    }

    @Test
    void failedDownloadAfterAnInstallKeepsTheValidatorsAndTheData() throws Exception {
        downloader("/registry.xml").update(SnapshotStore.Policy.standard(false), (r, t) -> { });
        byte[] state = Files.readAllBytes(home.resolve("update.properties"));
        byte[] active = Files.readAllBytes(home.resolve("active"));
        server.route("/registry.xml", server.stallAfter(GOOD, 10));

        assertThatThrownBy(() -> downloader("/registry.xml", Duration.ofSeconds(1), Duration.ofSeconds(30))
                .update(SnapshotStore.Policy.standard(false), (r, t) -> { }))
                .isInstanceOf(UpdateException.class);

        assertThat(Files.readAllBytes(home.resolve("update.properties"))).isEqualTo(state);
        assertThat(Files.readAllBytes(home.resolve("active"))).isEqualTo(active);
        assertThat(tmpFiles()).isEmpty();
    }
}
