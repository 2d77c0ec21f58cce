package dev.portolan.core.update;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** An HTTP server on 127.0.0.1 with scripted answers; it records the headers of every request. */
final class LoopbackServer implements AutoCloseable {
    private static final long STALL_LIMIT_SECONDS = 20;

    @FunctionalInterface
    interface Route {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Headers> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private LoopbackServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static LoopbackServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-server");
            t.setDaemon(true);
            return t;
        });
        LoopbackServer s = new LoopbackServer(server, threads);
        server.createContext("/", s::handle);
        server.setExecutor(threads);
        server.start();
        return s;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Headers copy = new Headers();
        copy.putAll(exchange.getRequestHeaders());
        requests.add(copy);
        Route route = routes.get(exchange.getRequestURI().getPath());
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

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    LoopbackServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** The request headers received so far, in order. */
    List<Headers> requests() {
        return List.copyOf(requests);
    }

    /** Makes stalled and trickling answers give up. */
    void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    static void send(HttpExchange ex, int code, byte[] body) throws IOException {
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Headers and the first bytes of the body, then nothing. */
    Route stallAfter(byte[] body, int bytes) {
        return ex -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, bytes);
            out.flush();
            release.await(STALL_LIMIT_SECONDS, TimeUnit.SECONDS);
            throw new IOException("stalled on purpose");
        };
    }

    /** A few bytes at a time with pauses shorter than any idle time-out, until released. */
    Route trickle(byte[] body, int chunk, long pauseMillis) {
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
}
