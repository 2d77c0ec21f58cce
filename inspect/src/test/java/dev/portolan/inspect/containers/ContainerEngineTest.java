package dev.portolan.inspect.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Transport;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's API read over a real unix socket, served here by the test with an answer recorded
 * in the shape of Docker Engine API 1.4x's {@code GET /containers/json} (no engine runs here).
 */
class ContainerEngineTest {
    @TempDir
    Path dir;

    private static byte[] recorded() throws IOException {
        try (var in = ContainerEngineTest.class.getResourceAsStream("/fixtures/docker-containers.json")) {
            return in.readAllBytes();
        }
    }

    /** Serves one request on a unix socket with {@code answer}; returns the socket's path. */
    private Path engine(byte[] answer) throws IOException {
        Path socket = dir.resolve("docker.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread t = new Thread(() -> {
            try (server; SocketChannel c = server.accept()) {
                ByteBuffer request = ByteBuffer.allocate(4096);
                c.read(request);
                assertThat(new String(request.array(), 0, request.position(), StandardCharsets.US_ASCII))
                        .startsWith("GET /containers/json HTTP/1.0\r\n");
                c.write(ByteBuffer.wrap(answer));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return socket;
    }

    private static byte[] http(String headers, byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    @Test
    void containersAndTheirPublishedPorts_overTheUnixSocket() throws IOException {
        List<Container> all = new ContainerEngine(engine(http("", recorded()))).containers();
        assertThat(all).extracting(Container::name).containsExactly("shop-web-1", "dns");
        Container web = all.get(0);
        assertThat(web).extracting(Container::image, Container::composeProject, Container::composeService)
                .containsExactly("nginx:1.27", "shop", "web");
        assertThat(web.publishing(8080, Transport.TCP)).hasValueSatisfying(p -> assertThat(p.containerPort()).isEqualTo(80));
        assertThat(web.publishing(443, Transport.TCP)).as("an exposed port that is not published").isEmpty();
        assertThat(all.get(1).publishing(5353, Transport.UDP)).isPresent();
        assertThat(all.get(1)).extracting(Container::image, Container::composeProject, Container::composeService)
                .containsExactly("coredns/coredns:1.11.1", "", "");
    }

    @Test
    void aChunkedAnswer_isJoined() throws IOException {
        byte[] body = recorded();
        String half = new String(body, StandardCharsets.UTF_8);
        int cut = half.length() / 2;
        String chunked = Integer.toHexString(half.substring(0, cut).getBytes(StandardCharsets.UTF_8).length) + "\r\n"
                + half.substring(0, cut) + "\r\n" + Integer.toHexString(half.substring(cut).getBytes(StandardCharsets.UTF_8).length)
                + "\r\n" + half.substring(cut) + "\r\n0\r\n\r\n";
        List<Container> all = new ContainerEngine(engine(http("Transfer-Encoding: chunked\r\n",
                chunked.getBytes(StandardCharsets.UTF_8)))).containers();
        assertThat(all).hasSize(2);
    }

    @Test
    void refusalsErrorsAndJunk_areIOExceptionsWithTheReason() throws IOException {
        assertThatThrownBy(() -> ContainerEngine.parse("HTTP/1.1 403 Forbidden\r\n\r\n{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the engine answered 403 Forbidden");
        assertThatThrownBy(() -> ContainerEngine.parse("not http".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("the engine's answer is not HTTP");
        assertThatThrownBy(() -> ContainerEngine.parse(http("", "{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("the engine's answer is not a list of containers");
        assertThatThrownBy(() -> new ContainerEngine(dir.resolve("none.sock")).containers()).isInstanceOf(IOException.class);
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> new ContainerEngine(plain).containers()).isInstanceOf(IOException.class);
    }

    @Test
    void theSocketsToTry_dockerHostFirst_onlyThoseThatExist() throws IOException {
        Path mine = Files.writeString(dir.resolve("my.sock"), "");
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(runtime.resolve("podman"));
        Path podman = Files.writeString(runtime.resolve("podman").resolve("podman.sock"), "");
        assertThat(ContainerEngine.sockets(Map.of("DOCKER_HOST", "unix://" + mine, "XDG_RUNTIME_DIR", runtime.toString())))
                .startsWith(mine).contains(podman);
        assertThat(ContainerEngine.sockets(Map.of("DOCKER_HOST", "tcp://10.0.0.1:2375"))).doesNotContain(mine);
    }

    @Test
    void dockerProxysArguments_nameTheContainersEnd() {
        assertThat(ProxyArguments.containerEnd("/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 "
                + "-container-ip 172.17.0.2 -container-port 80")).contains("172.17.0.2:80");
        assertThat(ProxyArguments.containerEnd("docker-proxy -container-ip fd00::2 -container-port 80")).contains("[fd00::2]:80");
        assertThat(ProxyArguments.containerEnd("/usr/sbin/nginx -g daemon off;")).isEmpty();
    }
}
