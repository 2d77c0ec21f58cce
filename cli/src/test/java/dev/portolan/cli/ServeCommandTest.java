package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.store.FeedbackStore;
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
        assertThat(out.toString()).startsWith("portolan: serving embedded baseline").contains(
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
        assertThat(serveHelp.out()).contains("--port", "--bind", "--public-url", "--cache-mb", "--votes-per-minute",
                "--vote-burst", "--threads");
    }
}
