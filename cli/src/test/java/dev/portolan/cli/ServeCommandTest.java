package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.core.testsupport.LoopbackHttpServer;
import dev.portolan.store.FeedbackStore;
import java.time.LocalDate;
import dev.portolan.web.WebServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portolan serve}: starts on the active data, answers, records votes in the home, stops. */
class ServeCommandTest {
    @TempDir
    Path home;

    @Test
    void serve_answersUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("PORTOLAN_HOME", home.toString()), false);
        CompletableFuture<WebServer> running = new CompletableFuture<>();
        ServeCommand serve = new ServeCommand(console, running::complete);
        serve.port = 0;
        CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> {
            try {
                return serve.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WebServer server = running.get(60, TimeUnit.SECONDS);
        assertThat(out.toString()).startsWith("portolan: serving embedded IANA registry of 2025-12-15").contains(
                "at http://127.0.0.1:" + server.port() + "/ (Ctrl-C stops)");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/ports/22")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Port 22: ssh</h1>");
        HttpResponse<String> vote = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/feedback"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"port\":22,\"lang\":\"en\",\"reaction\":\"helpful\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(vote.statusCode()).isEqualTo(201);
        server.close();
        assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).isEqualTo("portolan: stopped" + System.lineSeparator());
        assertThat(Files.exists(home.resolve(FeedbackStore.FILE_NAME))).isTrue();
        try (FeedbackStore store = FeedbackStore.open(home.resolve(FeedbackStore.FILE_NAME))) {
            assertThat(store.counts(22).helpful()).isEqualTo(1);
        }
    }

    /**
     * {@code --update-every}: a turn of the timer (run here by hand) downloads a newer registry,
     * imports it into the home and serves it at once; the next turn finds nothing newer.
     */
    @Test
    void serve_updateEvery_servesNewerDataWithoutARestart() throws Exception {
        try (LoopbackHttpServer source = LoopbackHttpServer.start().route("/registry.xml",
                LoopbackHttpServer.conditional(GeneratedRegistry.xmlBytes(LocalDate.of(2026, 12, 1),
                        GeneratedRegistry.RECORDS), "\"v1\"", "Tue, 01 Dec 2026 00:00:00 GMT"))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Console console = new Console(new PrintWriter(out, true), new PrintWriter(err, true),
                    Map.of("PORTOLAN_HOME", home.toString()), false);
            CompletableFuture<WebServer> running = new CompletableFuture<>();
            ServeCommand serve = new ServeCommand(console, running::complete);
            serve.port = 0;
            serve.updateEvery = "24h";
            serve.updateUrl = source.url("/registry.xml");
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> {
                try {
                    return serve.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            WebServer server = running.get(60, TimeUnit.SECONDS);
            try {
                assertThat(out.toString()).contains("portolan: checking " + source.url("/registry.xml")
                        + " for a newer registry every 24h");
                HttpClient client = HttpClient.newHttpClient();
                URI page = URI.create(server.url() + "/ports/1030");
                assertThat(client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString())
                        .body()).doesNotContain("fixture6");

                assertThat(serve.scheduled.runOnce()).isEqualTo(dev.portolan.web.Metrics.UpdateOutcome.UPDATED);
                assertThat(client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString())
                        .body()).contains("fixture6");
                assertThat(err.toString()).contains("portolan: update: now serving IANA registry of 2026-12-01");
                assertThat(home.resolve("cache/search.index")).as("the command line's search index of the release")
                        .isRegularFile();

                assertThat(serve.scheduled.runOnce()).isEqualTo(dev.portolan.web.Metrics.UpdateOutcome.UNCHANGED);
                assertThat(source.requests("/registry.xml").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
                String metrics = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics).contains("portolan_registry_updates_total{outcome=\"updated\"} 1.0",
                        "portolan_registry_updates_total{outcome=\"unchanged\"} 1.0", "updated=\"2026-12-01\"");
            } finally {
                server.close();
            }
            assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        }
    }

    /** A running {@code serve} with scheduled updates from {@code updateUrl}, in {@code home}. */
    private record Node(ServeCommand serve, WebServer server, CompletableFuture<Integer> code, StringWriter err) {
        static Node start(Path home, String updateUrl) throws Exception {
            StringWriter err = new StringWriter();
            Console console = new Console(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    Map.of("PORTOLAN_HOME", home.toString()), false);
            CompletableFuture<WebServer> running = new CompletableFuture<>();
            ServeCommand serve = new ServeCommand(console, running::complete);
            serve.port = 0;
            serve.updateEvery = "24h";
            serve.updateUrl = updateUrl;
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> {
                try {
                    return serve.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return new Node(serve, running.get(60, TimeUnit.SECONDS), code, err);
        }

        String page(int port) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "/ports/" + port))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        void stop() throws Exception {
            server.close();
            assertThat(code.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCode.OK);
        }
    }

    /**
     * Two servers sharing one Portolan home each run the update: the first imports the newer
     * release; the second finds the source unchanged (the validators are shared) and still serves
     * the release the first imported.
     */
    @Test
    void serve_updateEvery_onTwoNodesOfOneHome_bothServeTheNewRelease() throws Exception {
        try (LoopbackHttpServer source = LoopbackHttpServer.start().route("/registry.xml",
                LoopbackHttpServer.conditional(GeneratedRegistry.xmlBytes(LocalDate.of(2026, 12, 1),
                        GeneratedRegistry.RECORDS), "\"v1\"", "Tue, 01 Dec 2026 00:00:00 GMT"))) {
            Node a = Node.start(home, source.url("/registry.xml"));
            Node b = Node.start(home, source.url("/registry.xml"));
            try {
                assertThat(a.serve().scheduled.runOnce()).isEqualTo(dev.portolan.web.Metrics.UpdateOutcome.UPDATED);
                assertThat(b.serve().scheduled.runOnce()).isEqualTo(dev.portolan.web.Metrics.UpdateOutcome.UPDATED);
                assertThat(a.page(1030)).contains("fixture6");
                assertThat(b.page(1030)).contains("fixture6");
                // one download: the second node's request was conditional and answered "not modified"
                assertThat(source.requests("/registry.xml")).hasSize(2);
                assertThat(source.requests("/registry.xml").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
                assertThat(b.err().toString()).contains("portolan: update: now serving IANA registry of 2026-12-01");
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    @Test
    void serve_badUpdateOptions_areRefusedBeforeStarting() {
        Cli.Run every = Cli.run(home, "serve", "--update-every", "5x");
        assertThat(every.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(every.err()).isEqualTo("portolan: --update-every \"5x\" is not a period: write a number and s, m,"
                + " h or d, such as 24h" + System.lineSeparator());
        assertThat(Cli.run(home, "serve", "--update-every", "10s").err()).contains("is out of range: give 1m to 30d");
        assertThat(Cli.run(home, "serve", "--update-every", "1h", "--update-url", "ftp://x").err())
                .contains("--update-url \"ftp://x\" is not an http or https URL");
        assertThat(Cli.run(home, "serve", "--metrics", "nowhere").err())
                .contains("metrics \"nowhere\" must be off, site, or HOST:PORT");
        assertThat(Cli.run(home, "serve", "--shutdown-grace", "301").err())
                .contains("shutdown grace is 301 s, must be 0-300");
    }

    @Test
    void serve_badOptions_areRefusedBeforeStarting() {
        Cli.Run run = Cli.run(home, "serve", "--port", "70000");
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).isEqualTo("portolan: port is 70000, must be 1-65535 (or 0 for any free port)"
                + System.lineSeparator());
        Cli.Run url = Cli.run(home, "serve", "--public-url", "ftp://x");
        assertThat(url.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(url.err()).contains("public URL \"ftp://x\" must be http or https");
        Cli.Run cache = Cli.run(home, "serve", "--cache-mb", "0");
        assertThat(cache.err()).isEqualTo("portolan: --cache-mb 0 is out of range: give 1-65536"
                + System.lineSeparator());
        Cli.Run file = Cli.run(home, "serve", "--cache-file-mb", "-1");
        assertThat(file.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(file.err()).isEqualTo("portolan: --cache-file-mb -1 is out of range: give 0-1048576"
                + System.lineSeparator());
    }

    @Test
    void serve_portInUse_failsWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Cli.Run run = Cli.run(home, "serve", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.code()).isEqualTo(ExitCode.FAILURE);
            assertThat(run.err()).startsWith("portolan: cannot listen on 127.0.0.1 port " + taken.getLocalPort() + ": ")
                    .contains("(choose another with --port or --bind)");
            assertThat(run.err()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void help_listsServe() {
        Cli.Run run = Cli.run(home, "--help");
        assertThat(run.out()).contains("serve");
        Cli.Run serveHelp = Cli.run(home, "serve", "--help");
        assertThat(serveHelp.out()).contains("--port", "--bind", "--public-url", "--cache-mb", "--cache-file-mb",
                "--votes-per-minute",
                "--vote-burst", "--threads");
    }
}
