package dev.portolan.inspect.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Docker or Podman engine, asked over its unix socket which containers run and which ports
 * they publish ({@code GET /containers/json}, the Docker Engine API that Podman also serves).
 */
public final class ContainerEngine {
    /** How long the engine may take to answer. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(3);
    /** The most bytes of an answer read. */
    static final int MOST_BYTES = 16 * 1024 * 1024;

    private final Path socket;

    public ContainerEngine(Path socket) {
        this.socket = socket;
    }

    public Path socket() {
        return socket;
    }

    /**
     * The engines' sockets to try, in order: {@code DOCKER_HOST} when it names a unix socket, then
     * Docker's and Podman's usual places (rootful, then this user's), those that exist.
     */
    public static List<Path> sockets(Map<String, String> env) {
        Set<Path> out = new LinkedHashSet<>();
        String host = env.getOrDefault("DOCKER_HOST", "");
        if (host.startsWith("unix://")) {
            out.add(Path.of(host.substring("unix://".length())));
        }
        out.add(Path.of("/var/run/docker.sock"));
        out.add(Path.of("/run/podman/podman.sock"));
        String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
        if (!runtime.isEmpty()) {
            out.add(Path.of(runtime, "docker.sock"));
            out.add(Path.of(runtime, "podman", "podman.sock"));
        }
        // a loop, not a reference to the varargs Files.exists: adapting one makes a class at run
        // time, which costs a command line's start a few milliseconds (bench/README.md)
        List<Path> existing = new java.util.ArrayList<>();
        for (Path p : out) {
            if (Files.exists(p)) {
                existing.add(p);
            }
        }
        return List.copyOf(existing);
    }

    /**
     * The running containers.
     *
     * @throws IOException if the socket cannot be reached or read (often: this user may not), the
     *     engine does not answer in time, or its answer is not the API's
     */
    public List<Container> containers() throws IOException {
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "portolan-container-engine");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<byte[]> answer = io.submit(this::get);
            return parse(answer.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new IOException(socket + " did not answer within " + TIME_LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io2 ? io2 : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + socket);
        } finally {
            io.shutdownNow();
        }
    }

    private byte[] get() throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            c.write(ByteBuffer.wrap(("GET /containers/json HTTP/1.0\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            while (c.read(buf) >= 0) {
                buf.flip();
                out.write(buf.array(), 0, buf.limit());
                buf.clear();
                if (out.size() > MOST_BYTES) {
                    throw new IOException(socket + " answered more than " + MOST_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        }
    }

    /** The containers of an HTTP answer to {@code GET /containers/json}. */
    static List<Container> parse(byte[] answer) throws IOException {
        String text = new String(answer, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.") || end < 0) {
            throw new IOException("the engine's answer is not HTTP");
        }
        String status = text.substring(0, text.indexOf("\r\n"));
        if (!status.matches("HTTP/1\\.[01] 200.*")) {
            throw new IOException("the engine answered " + status.substring(Math.min(status.length(), 9)));
        }
        String body = text.substring(end + 4);
        if (text.substring(0, end).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        JsonNode all = Json.MAPPER.readTree(body);
        if (all == null || !all.isArray()) {
            throw new IOException("the engine's answer is not a list of containers");
        }
        List<Container> out = new ArrayList<>();
        for (JsonNode c : all) {
            String name = c.path("Names").path(0).asText("");
            List<Container.Published> ports = new ArrayList<>();
            for (JsonNode p : c.path("Ports")) {
                if (p.has("PublicPort")) {
                    ports.add(new Container.Published(p.path("IP").asText(""), p.path("PublicPort").asInt(),
                            p.path("PrivatePort").asInt(), "udp".equals(p.path("Type").asText()) ? Transport.UDP
                                    : Transport.TCP));
                }
            }
            JsonNode labels = c.path("Labels");
            out.add(new Container(c.path("Id").asText(""), name.startsWith("/") ? name.substring(1) : name,
                    c.path("Image").asText(""), labels.path("com.docker.compose.project").asText(""),
                    labels.path("com.docker.compose.service").asText(""), ports));
        }
        return out;
    }

    /** A chunked body (HTTP/1.1 engines may answer so even to 1.0) as one piece. */
    static String unchunk(String body) throws IOException {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int line = body.indexOf("\r\n", at);
            if (line < 0) {
                throw new IOException("the engine's chunked answer is cut short");
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(at, line).split(";", 2)[0].strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("the engine's chunked answer is damaged");
            }
            if (size == 0) {
                return out.toString();
            }
            int start = line + 2;
            if (start + size > body.length()) {
                throw new IOException("the engine's chunked answer is cut short");
            }
            out.append(body, start, start + size);
            at = start + size + 2;
        }
    }

    /**
     * The JSON reader, made on the first answer to read: building it costs a command line that
     * asks no engine (most never do) a sixth of its run.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
