package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/nginx.conf} serving an export of 300 ports in English and Arabic, with Debian's
 * nginx on loopback: pages, API files, 404 pages per language, gzip forms and headers. Skipped when
 * nginx is not installed (Debian: apt-get install nginx).
 */
class NginxExportTest {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path CONF = Path.of("..", "deploy", "nginx.conf");

    @TempDir
    static Path work;

    private static Process nginx;
    private static String base;
    private static Path site;
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "nginx test skipped: needs /usr/sbin/nginx (apt-get install nginx)");
        site = work.resolve("site");
        StaticExportTest.export(site, StaticExportTest.smallPages(), 0, 299);
        // nginx's workers run as an unprivileged user: let them read the export
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String conf = Files.readString(CONF);
        for (String[] r : new String[][] {{"pid /run/nginx-portolan.pid;", "pid " + work.resolve("nginx.pid") + ";"},
            {"listen 8080;", "listen 127.0.0.1:" + port + ";"}, {"root /srv/portolan;", "root " + site + ";"},
            {"http {", "http {\n    client_body_temp_path " + work + ";\n    proxy_temp_path " + work + ";\n"
                    + "    fastcgi_temp_path " + work + ";\n    uwsgi_temp_path " + work + ";\n    scgi_temp_path "
                    + work + ";"}}) {
            assertThat(conf).contains(r[0]);
            conf = conf.replace(r[0], r[1]);
        }
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, conf);
        nginx = new ProcessBuilder(NGINX.toString(), "-c", file.toString(), "-e", work.resolve("error.log").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile())
                .start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                get("/robots.txt");
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !nginx.isAlive()) {
                    throw new IllegalStateException("nginx did not start: " + Files.readString(work.resolve("nginx.out"))
                            + Files.readString(work.resolve("error.log")), e);
                }
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void securityHeaders(HttpResponse<byte[]> r, String path) {
        for (String[] h : WebServer.SECURITY_HEADERS) {
            assertThat(r.headers().firstValue(h[0])).as(path + " " + h[0]).hasValue(h[1]);
        }
    }

    @Test
    void pages_areServedAtTheDynamicSitesAddresses() throws Exception {
        for (String[] c : new String[][] {{"/ports/80", "ports/80.html"}, {"/ar/ports/80", "ar/ports/80.html"},
            {"/", "index.html"}, {"/ar/", "ar/index.html"}, {"/ports", "ports.html"},
            {"/ports/page/2", "ports/page/2.html"}, {"/ranges/system/page/2", "ranges/system/page/2.html"},
            {"/services/ssh", "services/ssh.html"}, {"/search", "search.html"},
            {"/explain-output", "explain-output.html"}, {"/ar/explain-output", "ar/explain-output.html"},
            {"/registry/changes/", "registry/changes/index.html"},
            {"/ar/registry/changes/2025-12-15", "ar/registry/changes/2025-12-15.html"}}) {
            HttpResponse<byte[]> r = get(c[0]);
            assertThat(r.statusCode()).as(c[0]).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(c[0]).hasValue("text/html; charset=utf-8");
            assertThat(r.headers().firstValue("Cache-Control")).as(c[0]).hasValue("public, max-age=300");
            assertThat(text(r)).as(c[0]).isEqualTo(Files.readString(site.resolve(c[1])));
            securityHeaders(r, c[0]);
        }
        HttpResponse<byte[]> bare = get("/ar");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/ar/"));
    }

    @Test
    void gzipForms_goToClientsThatAcceptThem() throws Exception {
        HttpResponse<byte[]> r = get("/ar/ports/280", "Accept-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(r.body()).isEqualTo(Files.readAllBytes(site.resolve("ar/ports/280.html.gz")));
        assertThat(Harness.gunzip(r.body())).isEqualTo(Files.readString(site.resolve("ar/ports/280.html")));
        HttpResponse<byte[]> plain = get("/ar/ports/280");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void apiFiles_areJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String path : List.of("/api/v1/ports/22", "/ar/api/v1/ports/22")) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            JsonNode body = json.readTree(r.body());
            assertThat(body.path("port").asInt()).isEqualTo(22);
            assertThat(body.path("lang").asText()).isEqualTo(path.startsWith("/ar") ? "ar" : "en");
            assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"api.json\"");
        }
        assertThat(get("/ports/22").headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(get("/api/v1/services/ssh").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/openapi.json").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> missing = get("/api/v1/ports/70000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json.readTree(missing.body()).path("error").path("status").asInt()).isEqualTo(404);
    }

    @Test
    void missingPages_get404PagesInTheirLanguage() throws Exception {
        HttpResponse<byte[]> en = get("/ports/99999");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(text(en)).isEqualTo(Files.readString(site.resolve("404.html")));
        securityHeaders(en, "/ports/99999");
        HttpResponse<byte[]> ar = get("/ar/ports/99999");
        assertThat(ar.statusCode()).isEqualTo(404);
        assertThat(text(ar)).isEqualTo(Files.readString(site.resolve("ar/404.html"))).contains("dir=\"rtl\"");
        assertThat(get("/.portolan-export").statusCode()).isEqualTo(404);
        assertThat(get("/ports/80.html.portolan-tmp").statusCode()).isEqualTo(404);
    }

    @Test
    void theFeed_isAtom() throws Exception {
        for (String path : List.of("/registry/changes.atom", "/ar/registry/changes.atom")) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            assertThat(text(r)).isEqualTo(Files.readString(site.resolve(path.substring(1))));
        }
        assertThat(get("/registry/changes/2017-03-10").statusCode()).isEqualTo(404);
    }

    @Test
    void machineFiles_haveTheirTypes_andAssetsAreImmutable() throws Exception {
        assertThat(get("/sitemap.xml").headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        assertThat(get("/sitemaps/ar-ports-0.xml").statusCode()).isEqualTo(200);
        assertThat(get("/robots.txt").headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        String css = text(get("/ports/80")).replaceAll("(?s).*href=\"(/assets/site\\.[0-9a-f]+\\.css)\".*", "$1");
        HttpResponse<byte[]> r = get(css);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }
}
