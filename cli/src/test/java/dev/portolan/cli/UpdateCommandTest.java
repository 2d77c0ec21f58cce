package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.core.testsupport.LoopbackHttpServer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portolan update} against a loopback server: a good download becomes active, a repeated
 * one is a conditional GET, and every failure leaves the active data answering and nothing in
 * {@code tmp/}.
 */
class UpdateCommandTest {
    static final LocalDate ACTIVE_RELEASE = LocalDate.of(2025, 6, 1);
    static final LocalDate SERVED_RELEASE = LocalDate.of(2025, 9, 1);
    static final String ETAG = "\"release-2025-09-01\"";
    static final String LAST_MODIFIED = "Mon, 01 Sep 2025 10:00:00 GMT";
    static final String IMPORTED = "\\(XML, imported \\d{4}-\\d{2}-\\d{2}\\)";

    static final byte[] GOOD = GeneratedRegistry.xmlBytes(SERVED_RELEASE, GeneratedRegistry.RECORDS);

    @TempDir
    Path home;

    @TempDir
    Path files;

    LoopbackHttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackHttpServer.start()
                .route("/registry.xml", LoopbackHttpServer.conditional(GOOD, ETAG, LAST_MODIFIED))
                .route("/plain.xml", LoopbackHttpServer.ok(GOOD))
                .route("/older.xml", LoopbackHttpServer.ok(GeneratedRegistry.xmlBytes(LocalDate.of(2024, 1, 1),
                        GeneratedRegistry.RECORDS)))
                .route("/small.xml", LoopbackHttpServer.ok(GeneratedRegistry.xmlBytes(SERVED_RELEASE, 100)))
                .route("/page.html", LoopbackHttpServer.ok(
                        "<html><body>Please log in</body></html>\n".getBytes(StandardCharsets.UTF_8)))
                .route("/empty.xml", LoopbackHttpServer.ok(new byte[0]))
                .route("/error", LoopbackHttpServer.status(500))
                .route("/unavailable", LoopbackHttpServer.status(503))
                .route("/forbidden", LoopbackHttpServer.status(403))
                .route("/truncated.xml", LoopbackHttpServer.truncated(GOOD));
        server.route("/slow.xml", server.stallAfter(GOOD, 100));
        server.route("/silent.xml", server.silent());
        server.route("/endless.xml", server.endless(GOOD, -1, new AtomicLong()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Cli.Run update(String path, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "update";
        args[1] = "--url";
        args[2] = server.url(path);
        args[3] = "--timeout=1";
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.run(home, args);
    }

    /** The stored data but the validators of the last download, which any download records. */
    private static Map<String, String> withoutValidators(HomeState state) {
        Map<String, String> files = new java.util.TreeMap<>(state.files());
        files.remove("update.properties");
        return files;
    }

    private Properties validators() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(home.resolve("update.properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    // ---- success --------------------------------------------------------------------------------

    @Test
    void goodDownloadBecomesActive() throws IOException {
        Cli.Run run = update("/registry.xml");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> out = run.outLines();
        assertThat(out).hasSize(5);
        assertThat(out.get(0)).isEqualTo("downloaded " + Reports.count(GOOD.length) + " bytes from "
                + server.url("/registry.xml"));
        assertThat(out.get(1)).matches("imported IANA registry of 2025-09-01 " + IMPORTED + ", 6,000 records");
        assertThat(out.get(2)).startsWith("now active; stored as " + home.resolve("snapshots"));
        assertThat(out.get(3)).isEqualTo("added to the history: the release of 2025-09-01 (" + server.url("/registry.xml")
                + ")");
        assertThat(out.get(4)).isEqualTo("history: 7 releases, 2017-03-10 to 2025-12-15; stored in "
                + home.resolve("history.changelog"));
        assertThat(Cli.run(home, "status").outLines().get(0)).matches("active:    IANA registry of 2025-09-01 " + IMPORTED);
        assertThat(Cli.run(home, "22/tcp").out()).contains("fixture-ssh");
        assertThat(HomeState.tmpFiles(home)).isEmpty();

        Properties v = validators();
        assertThat(v.getProperty("url")).isEqualTo(server.url("/registry.xml"));
        assertThat(v.getProperty("etag")).isEqualTo(ETAG);
        assertThat(v.getProperty("last-modified")).isEqualTo(LAST_MODIFIED);
        assertThat(home.resolve("snapshots").resolve(v.getProperty("snapshot")))
                .isEqualTo(home.resolve("snapshots").resolve(Files.readString(home.resolve("active")).strip()));
    }

    @Test
    void firstDownloadIsNotConditional() {
        update("/registry.xml");

        LoopbackHttpServer.Request first = server.requests("/registry.xml").get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.header("If-None-Match")).isNull();
        assertThat(first.header("If-Modified-Since")).isNull();
    }

    @Test
    void secondUpdateSendsTheEtagAndIsNotModified() {
        assertThat(update("/registry.xml").code()).isZero();
        HomeState before = HomeState.of(home);
        String statusBefore = Cli.run(home, "status").out();

        Cli.Run second = update("/registry.xml");

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(second.outLines()).containsExactly(
                "not modified: " + server.url("/registry.xml") + " has not changed since the last update");
        List<LoopbackHttpServer.Request> requests = server.requests("/registry.xml");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo(ETAG);
        assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(HomeState.of(home)).isEqualTo(before);
        assertThat(Cli.run(home, "status").out()).isEqualTo(statusBefore);
        assertThat(HomeState.tmpFiles(home)).isEmpty();
    }

    @Test
    void noValidatorsWhenAnotherSnapshotWasImportedSince() {
        assertThat(update("/registry.xml").code()).isZero();
        Path newer = GeneratedRegistry.writeXml(files, "newer.xml", LocalDate.of(2025, 12, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", newer.toString()).code()).isZero();
        HomeState before = HomeState.of(home);

        Cli.Run run = update("/registry.xml");

        LoopbackHttpServer.Request second = server.requests("/registry.xml").get(1);
        assertThat(second.header("If-None-Match")).isNull();
        assertThat(second.header("If-Modified-Since")).isNull();
        // the full download is the older release, which the history holds already: it stays as it was
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly("downloaded " + Reports.count(GOOD.length) + " bytes from "
                + server.url("/registry.xml"), "not made active: " + server.url("/registry.xml") + " is a release of "
                + "2025-09-01, older than the active release of 2025-12-01; use --force to make it active",
                "already in the history: the release of 2025-09-01 (" + server.url("/registry.xml") + ")",
                "nothing changed");
        assertThat(withoutValidators(HomeState.of(home))).isEqualTo(withoutValidators(before));
        assertThat(HomeState.tmpFiles(home)).isEmpty();
    }

    @Test
    void noValidatorsForAnotherUrl() {
        assertThat(update("/registry.xml").code()).isZero();

        Cli.Run run = update("/plain.xml");

        assertThat(server.requests("/plain.xml").get(0).header("If-None-Match")).isNull();
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("downloaded " + Reports.count(GOOD.length) + " bytes from "
                + server.url("/plain.xml"));
    }

    @Test
    void olderReleaseIsAcceptedWithForce() {
        Cli.Run run = update("/older.xml", "--force");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.outLines().get(1)).matches("imported IANA registry of 2024-01-01 " + IMPORTED + ", 6,000 records");
    }

    @Test
    void aFailedUpdateDoesNotStopTheNextOne() {
        assertThat(update("/truncated.xml").code()).isEqualTo(ExitCode.FAILURE);

        Cli.Run run = update("/registry.xml");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(HomeState.tmpFiles(home)).isEmpty();
    }

    // ---- failures -------------------------------------------------------------------------------

    /** Failures against every state of the home: nothing imported yet, a release imported, or downloaded. */
    abstract class Failures {
        HomeState before;
        String statusBefore;

        @BeforeEach
        void rememberTheState() {
            before = HomeState.of(home);
            statusBefore = Cli.run(home, "status").out();
        }

        private void assertFailed(Cli.Run run, int code) {
            assertThat(run.code()).as(run.err()).isEqualTo(code);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).doesNotContain("\tat ");
            assertThat(HomeState.of(home)).isEqualTo(before);
            assertThat(Cli.run(home, "status").out()).isEqualTo(statusBefore);
            assertThat(HomeState.tmpFiles(home)).isEmpty();
        }

        /** An update of {@code path} fails as {@link #assertFailed} says, with the one error line {@code message}. */
        private void assertUpdateFails(String path, int code, String message) {
            Cli.Run run = update(path);

            assertFailed(run, code);
            assertThat(run.errLines()).containsExactly(message);
        }

        @Test
        void notFound() {
            assertUpdateFails("/missing.xml", ExitCode.FAILURE, "portolan: " + server.url("/missing.xml")
                    + " answered HTTP 404 Not Found; the active data is unchanged");
        }

        @Test
        void serverError() {
            assertUpdateFails("/error", ExitCode.FAILURE, "portolan: " + server.url("/error")
                    + " answered HTTP 500 Internal Server Error; the active data is unchanged");
        }

        @Test
        void otherHttpErrors() {
            assertThat(update("/unavailable").errLines()).containsExactly("portolan: " + server.url("/unavailable")
                    + " answered HTTP 503 Service Unavailable; the active data is unchanged");
            assertUpdateFails("/forbidden", ExitCode.FAILURE, "portolan: " + server.url("/forbidden")
                    + " answered HTTP 403 Forbidden; the active data is unchanged");
        }

        @Test
        void cutOffTransfer() {
            Cli.Run run = update("/truncated.xml");

            assertFailed(run, ExitCode.FAILURE);
            String url = server.url("/truncated.xml");
            assertThat(run.errLines().get(0)).matches(
                    "portolan: download of \\Q" + url + "\\E (was cut short: received \\d+ of " + GOOD.length
                            + " bytes|failed after \\d+ bytes: .+); the active data is unchanged");
        }

        @Test
        void stalledTransfer() {
            assertUpdateFails("/slow.xml", ExitCode.FAILURE, "portolan: download of " + server.url("/slow.xml")
                    + " stalled: no data for 1 s; try again later; the active data is unchanged");
        }

        /**
         * Regression: a mirror streaming zeros was downloaded up to the 64 MiB limit before being
         * refused; what cannot be the registry is refused from its first 4 KiB.
         */
        @Test
        void junkFromTheStart_isRefusedFromItsFirstBytes() {
            AtomicLong sent = new AtomicLong();
            server.route("/zeros.xml", server.endless(new byte[0], -1, sent));

            Cli.Run run = update("/zeros.xml");

            assertFailed(run, ExitCode.FAILURE);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.errLines().get(0)).startsWith("portolan: " + server.url("/zeros.xml")
                    + ": not an IANA port registry (starts with \"????").endsWith("; the download was stopped there and "
                    + "the active data is unchanged");
            // what the server wrote before the client hung up: socket buffers, far from 64 MiB
            assertThat(sent.get()).isLessThan(16L << 20);
        }

        /** Regression: update had no size limit, and a hostile mirror streamed 9 GB. */
        @Test
        void endlessDownloadIsTooLarge() {
            assertUpdateFails("/endless.xml", ExitCode.FAILURE, "portolan: download of " + server.url("/endless.xml")
                    + " is too large: more than 64 MiB, the limit for the registry (IANA's is about 4 MB); check that "
                    + "the URL serves service-names-port-numbers.xml; the active data is unchanged");
        }

        @Test
        void serverThatNeverAnswers() {
            assertUpdateFails("/silent.xml", ExitCode.FAILURE, "portolan: " + server.url("/silent.xml")
                    + " did not answer within 1 s; try again later");
        }

        @Test
        void connectionRefused() throws IOException {
            String url;
            try (LoopbackHttpServer gone = LoopbackHttpServer.start()) {
                url = gone.url("/registry.xml");
            }

            Cli.Run run = Cli.run(home, "update", "--url", url, "--timeout", "1");

            assertFailed(run, ExitCode.FAILURE);
            assertThat(run.errLines()).containsExactly(
                    "portolan: could not connect to " + url + ": connection refused or network unreachable");
        }

        @Test
        void notARegistry() {
            Cli.Run run = update("/page.html");

            // What a server sent is no input of the user's: a failure, not bad input.
            assertFailed(run, ExitCode.FAILURE);
            assertThat(run.errLines().get(0)).startsWith("portolan: ").endsWith(": is an HTML page, not the IANA port "
                    + "registry; download service-names-port-numbers.xml (or .csv) from "
                    + "https://www.iana.org/assignments/service-names-port-numbers/; the active data is unchanged");
        }

        @Test
        void emptyBody() {
            Cli.Run run = update("/empty.xml");

            assertFailed(run, ExitCode.FAILURE);
            assertThat(run.errLines().get(0)).startsWith("portolan: ")
                    .endsWith(": the file is empty, expected an IANA registry (XML or CSV); the active data is unchanged");
        }

        @Test
        void tooSmall() {
            assertUpdateFails("/small.xml", ExitCode.BAD_INPUT, "portolan: " + server.url("/small.xml")
                    + " holds 100 records; a whole IANA port registry has at least 5000 (truncated or partial file?); "
                    + "nothing was changed");
        }

        @Test
        void cutOffTransferSaysHowMuchArrived() {
            Cli.Run run = update("/truncated.xml");

            assertThat(run.errLines()).singleElement().asString().matches("portolan: download of \\Q"
                    + server.url("/truncated.xml") + "\\E was cut short: received \\d+ of " + GOOD.length
                    + " bytes; the active data is unchanged");
        }

        @Test
        void notARegistryNamesTheUrl() {
            Cli.Run run = update("/page.html");

            assertThat(run.errLines()).singleElement().asString()
                    .startsWith("portolan: " + server.url("/page.html") + ": ")
                    .doesNotContain(home.resolve("tmp").toString());
        }
    }

    @Nested
    class WithNothingImported extends Failures {
        @Test
        void leavesNoSnapshot() {
            update("/truncated.xml");
            update("/slow.xml");

            assertThat(Files.exists(home.resolve("active"))).isFalse();
            assertThat(Files.exists(home.resolve("update.properties"))).isFalse();
        }
    }

    @Nested
    class WithAnImportedRelease extends Failures {
        @BeforeEach
        @Override
        void rememberTheState() {
            Path f = GeneratedRegistry.writeXml(files, "registry.xml", ACTIVE_RELEASE, GeneratedRegistry.RECORDS);
            assertThat(Cli.run(home, "import", f.toString()).code()).isZero();
            super.rememberTheState();
        }

        /** An older download is not made active; its records are those of a release the history holds. */
        @Test
        void olderDownloadIsNotMadeActive() {
            Path newer = GeneratedRegistry.writeXml(files, "newer.xml", LocalDate.of(2025, 12, 1),
                    GeneratedRegistry.RECORDS);
            assertThat(Cli.run(home, "import", newer.toString()).code()).isZero();
            super.rememberTheState();

            Cli.Run run = update("/older.xml");

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.outLines()).containsExactly("downloaded " + Reports.count(GOOD.length) + " bytes from "
                    + server.url("/older.xml"), "not made active: " + server.url("/older.xml") + " is a release of "
                    + "2024-01-01, older than the active release of 2025-12-01; use --force to make it active",
                    "not added to the history: " + server.url("/older.xml") + ", the release of 2024-01-01, holds the "
                    + "same records as the history's release of " + ACTIVE_RELEASE, "nothing changed");
            assertThat(withoutValidators(HomeState.of(home))).isEqualTo(withoutValidators(before));
            assertThat(Cli.run(home, "status").out()).isEqualTo(statusBefore);
            assertThat(HomeState.tmpFiles(home)).isEmpty();
        }
    }

    /** A failure of a conditional update leaves the validators of the last download in place. */
    @Nested
    class AfterADownload extends Failures {
        @BeforeEach
        @Override
        void rememberTheState() {
            assertThat(update("/registry.xml").code()).isZero();
            // the downloaded address now fails; its validators stay those of the download
            server.route("/registry.xml", LoopbackHttpServer.status(500));
            super.rememberTheState();
        }

        @Test
        void failingConditionalRequestKeepsTheValidators() throws IOException {
            Cli.Run run = update("/registry.xml");

            assertThat(run.code()).isEqualTo(ExitCode.FAILURE);
            assertThat(server.requests("/registry.xml")).last()
                    .satisfies(r -> assertThat(r.header("If-None-Match")).isEqualTo(ETAG));
            assertThat(validators().getProperty("etag")).isEqualTo(ETAG);
            assertThat(HomeState.of(home)).isEqualTo(before);
        }
    }
}
