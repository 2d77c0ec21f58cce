package dev.portolan.core.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP server on the loopback interface with scripted answers: good, cut off, stalled,
 * trickling, endless, HTTP errors, and conditional answers. Paths without a route answer 404. It records
 * the method, path and headers of every request it receives.
 */
public final class LoopbackHttpServer implements AutoCloseable {
    /** How long a stalled answer waits at most before giving up by itself. */
    private static final long STALL_LIMIT_SECONDS = 20;

    /** What the server does with one request. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** A request as received. */
    public record Request(String method, String path, Headers headers) {
        /** The first value of a request header, or null when the request has none. */
        public @Nullable String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private LoopbackHttpServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** A server on 127.0.0.1 and a free port, already answering. */
    public static LoopbackHttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-http-server");
            t.setDaemon(true);
            return t;
        });
        LoopbackHttpServer loopback = new LoopbackHttpServer(server, threads);
        server.createContext("/", loopback::handle);
        server.setExecutor(threads);
        server.start();
        return loopback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Headers copy = new Headers();
        copy.putAll(exchange.getRequestHeaders());
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, copy));
        Route route = routes.get(path);
        try (exchange) {
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                route.answer(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The address of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The address of {@code path} on this server. */
    public URI uri(String path) {
        return URI.create(url(path));
    }

    /** Answers requests for {@code path} with {@code route}, in place of any earlier route. */
    public LoopbackHttpServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Every request received so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests received so far for {@code path}, in order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Stops the server; stalled and trickling answers give up. */
    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    // ---- routes ---------------------------------------------------------------------------------

    /** 200 with the body and a Content-Length. */
    public static Route ok(byte[] body) {
        return ex -> send(ex, 200, body);
    }

    /**
     * 304 when the request carries {@code etag} in If-None-Match, else 200 with the body, the ETag
     * and a Last-Modified date.
     */
    public static Route conditional(byte[] body, String etag, String lastModified) {
        return ex -> {
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", lastModified);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            send(ex, 200, body);
        };
    }

    /** An HTTP status with a short text body. */
    public static Route status(int code) {
        return ex -> send(ex, code, ("status " + code + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Announces the whole body's length, sends half of it, then drops the connection. */
    public static Route truncated(byte[] body) {
        return ex -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            // an exception from the handler makes the server close the connection
            throw new IOException("connection dropped on purpose");
        };
    }

    /** Sends the headers and the first bytes of the body, then sends nothing more. */
    public Route stallAfter(byte[] body, int bytes) {
        return ex -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, bytes);
            out.flush();
            release.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            throw new IOException("stalled on purpose");
        };
    }

    /** Sends a few bytes at a time with pauses shorter than any idle time-out, until closed. */
    public Route trickle(byte[] body, int chunk, long pauseMillis) {
        return ex -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < body.length; i += chunk) {
                out.write(body, i, Math.min(chunk, body.length - i));
                out.flush();
                if (release.await(pauseMillis, TimeUnit.MILLISECONDS)) {
                    throw new IOException("stopped on purpose");
                }
            }
        };
    }

    /**
     * Sends {@code head}, then zeros without end (a hostile mirror): chunked when {@code announced}
     * is negative, else announcing that many bytes. Stops when the client hangs up or the server
     * closes; {@code sent} counts the bytes written.
     */
    public Route endless(byte[] head, long announced, AtomicLong sent) {
        return ex -> {
            ex.sendResponseHeaders(200, announced < 0 ? 0 : announced);
            OutputStream out = ex.getResponseBody();
            out.write(head);
            sent.addAndGet(head.length);
            byte[] zeros = new byte[1 << 16];
            while (release.getCount() > 0) {
                out.write(zeros);
                sent.addAndGet(zeros.length);
            }
            throw new IOException("stopped on purpose");
        };
    }

    /** Sends nothing at all, not even the status line. */
    public Route silent() {
        return ex -> {
            release.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            throw new IOException("silent on purpose");
        };
    }

    /** Answers with {@code code} and {@code body}: with a Content-Length, or no body when it is empty. */
    public static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
