package dev.portolan.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackStore;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/** A real server on a free loopback port, and a client for it. */
final class Harness implements AutoCloseable {
    final WebServer server;
    final FeedbackLog feedback;
    private final @org.jspecify.annotations.Nullable FeedbackStore store;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Harness(WebServer server, FeedbackLog feedback, @org.jspecify.annotations.Nullable FeedbackStore store) {
        this.server = server;
        this.feedback = feedback;
        this.store = store;
    }

    /**
     * Test settings: any free port, generous vote and paste limits so only the rate-limit tests meet
     * them, and a page file in the temporary directory, as the command line has one in its home.
     */
    static WebSettings settings() {
        return WebSettings.defaults().listening("127.0.0.1", 0).withVoteLimit(10_000, 10_000)
                .withPasteLimit(10_000, 10_000).withCacheFile(System.getProperty("java.io.tmpdir"), 64L << 20);
    }

    /** A server with a real SQLite feedback store in a fresh temporary directory. */
    static Harness start() {
        return start(settings());
    }

    static Harness start(WebSettings settings) {
        FeedbackStore store;
        try {
            Path dir = Files.createTempDirectory("portolan-web-test");
            store = FeedbackStore.open(dir.resolve(FeedbackStore.FILE_NAME));
        } catch (IOException | StoreException e) {
            throw new IllegalStateException(e);
        }
        return start(settings, FeedbackLog.of(store), store);
    }

    /** A server with the given feedback log. */
    static Harness start(WebSettings settings, FeedbackLog feedback) {
        return start(settings, feedback, null);
    }

    private static Harness start(WebSettings settings, FeedbackLog feedback,
            @org.jspecify.annotations.Nullable FeedbackStore store) {
        try {
            WebServer server = WebServer.start(settings, TestPages.summaries(), TestPages.real(), TestPages.history(),
                    feedback,
                    TestPages.BUNDLES);
            return new Harness(server, feedback, store);
        } catch (WebServerException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create(server.url() + path);
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<byte[]> head(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()), headers);
    }

    HttpResponse<byte[]> post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    HttpResponse<byte[]> method(String method, String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder b, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static String gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw bytes on a socket and returns everything the server answers until it closes. */
    String raw(byte[] request) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            s.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            s.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (store != null) {
            store.close();
        }
    }
}
