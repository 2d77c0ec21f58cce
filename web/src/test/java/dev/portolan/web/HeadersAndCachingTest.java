package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Security headers on every response; entity tags, 304, gzip and cache lifetimes. */
class HeadersAndCachingTest {
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static void assertSecurityHeaders(HttpResponse<?> r) {
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'none'", "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        assertThat(r.headers().firstValue("Permissions-Policy")).isPresent();
        assertThat(r.headers().firstValue("Server")).isEmpty();
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ports/80", "/ports/81", "/ports/99999", "/nowhere", "/api/v1/ports/80",
        "/api/v1/nowhere", "/sitemap.xml", "/robots.txt", "/healthz", "/search?q=%FF", "/ports/080",
        "/registry/changes/", "/registry/changes/2025-12-15", "/registry/changes.atom", "/registry/changes/1999-01-01"})
    void everyResponse_hasSecurityHeaders(String path) {
        HttpResponse<byte[]> r = h.get(path);
        assertSecurityHeaders(r);
        assertThat(r.headers().firstValue("Cache-Control")).isPresent();
        if (r.statusCode() == 200) {
            assertThat(r.headers().firstValue("ETag")).isPresent();
        }
    }

    @Test
    void errorsAndPosts_haveSecurityHeaders() {
        assertSecurityHeaders(h.method("PUT", "/ports/80"));
        assertSecurityHeaders(h.post("/api/v1/feedback", "{}", "Content-Type", "application/json"));
        assertSecurityHeaders(h.get("/search?q=" + "x".repeat(20_000)));
    }

    @Test
    void portPage_revalidatesWith304_onBothPaths() {
        // first request renders through the route, the next ones are answered from the cache
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> first = h.get("/ports/8080");
            assertThat(first.statusCode()).isEqualTo(200);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).matches("\"[0-9a-f]{12}\"");
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
            assertThat(first.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            HttpResponse<byte[]> again = h.get("/ports/8080", "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(again.headers().firstValue("ETag")).hasValue(etag);
            assertSecurityHeaders(again);
            assertThat(h.get("/ports/8080", "If-None-Match", "W/" + etag + ", \"other\"").statusCode()).isEqualTo(304);
            assertThat(h.get("/ports/8080", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void portPage_gzipWhenAccepted_sameContentEitherWay() {
        HttpResponse<byte[]> plain = h.get("/ports/5432");
        HttpResponse<byte[]> gzip = h.get("/ports/5432", "Accept-Encoding", "gzip, deflate, br");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length / 2);
        assertThat(Harness.gunzip(gzip.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        assertThat(gzip.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
        assertThat(gzip.headers().firstValue("Content-Length")).hasValue(Integer.toString(gzip.body().length));
        // q=0 refuses gzip
        assertThat(h.get("/ports/5432", "Accept-Encoding", "gzip;q=0, identity").headers()
                .firstValue("Content-Encoding")).isEmpty();
        // the gzip tag revalidates the gzip form
        String tag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(h.get("/ports/5432", "Accept-Encoding", "gzip", "If-None-Match", tag).statusCode()).isEqualTo(304);
    }

    @Test
    void repeatedRequests_areServedFromTheCache() {
        PageCache cache = h.server.site().cache();
        h.get("/ports/3306", "Accept-Encoding", "gzip");
        CachedPage cached = cache.peekPort(0, 3306);
        assertThat(cached).isNotNull();
        for (int i = 0; i < 5; i++) {
            h.get("/ports/3306", "Accept-Encoding", "gzip");
        }
        assertThat(cache.peekPort(0, 3306)).isSameAs(cached);
        assertThat(cached).isInstanceOfSatisfying(Spilled.class,
                s -> assertThat(s.bodyAt()).as("only the gzip bytes are written").isEqualTo(-1));
    }

    @Test
    void portPage_withoutGzip_afterAClientWithGzip_isInflatedOnceThenReadFromTheFile() {
        PageCache cache = h.server.site().cache();
        HttpResponse<byte[]> gzip = h.get("/ports/6379", "Accept-Encoding", "gzip");
        assertThat(((Spilled) cache.peekPort(0, 6379)).bodyAt()).isEqualTo(-1);
        HttpResponse<byte[]> head = h.head("/ports/6379");
        HttpResponse<byte[]> first = h.get("/ports/6379");
        assertThat(((Spilled) cache.peekPort(0, 6379)).bodyAt()).as("written for the next client").isNotNegative();
        HttpResponse<byte[]> second = h.get("/ports/6379");
        String html = Harness.gunzip(gzip.body());
        for (HttpResponse<byte[]> plain : List.of(first, second)) {
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(html);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.headers().firstValue("Content-Length")).hasValue(Integer.toString(plain.body().length));
            assertThat(plain.headers().firstValue("ETag")).isEqualTo(head.headers().firstValue("ETag"))
                    .isNotEqualTo(gzip.headers().firstValue("ETag"));
            assertSecurityHeaders(plain);
        }
        assertThat(head.headers().firstValue("Content-Length")).as("known before the bytes are written")
                .hasValue(Integer.toString(first.body().length));
    }

    @Test
    void portPage_withoutAPageFile_keepsGzipOnly_andServesClientsWithoutGzip() {
        try (Harness memory = Harness.start(Harness.settings().withCacheFile("", 0))) {
            HttpResponse<byte[]> gzip = memory.get("/ports/5900", "Accept-Encoding", "gzip");
            Rendered kept = (Rendered) memory.server.site().cache().peekPort(0, 5900);
            assertThat(kept.body()).as("only the gzip bytes are kept").isNull();
            for (int i = 0; i < 2; i++) {
                HttpResponse<byte[]> plain = memory.get("/ports/5900");
                assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(Harness.gunzip(gzip.body()));
                assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
                assertThat(plain.headers().firstValue("ETag")).hasValue(kept.etag());
            }
            assertThat(memory.server.site().cache().fileBytes()).isZero();
        }
    }

    @Test
    void head_hasTheHeadersWithoutBody() {
        h.get("/ports/22");
        for (String path : List.of("/ports/22", "/ports/23", "/api/v1/ports/22", "/")) {
            HttpResponse<byte[]> head = h.head(path);
            HttpResponse<byte[]> get = h.get(path);
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(get.body().length));
            assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        }
    }

    @Test
    void assets_areFingerprintedAndCachedForAYear() {
        String html = Harness.text(h.get("/"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/assets/site\\.[0-9a-f]{12}\\.css").matcher(html);
        assertThat(m.find()).isTrue();
        HttpResponse<byte[]> css = h.get(m.group(), "Accept-Encoding", "gzip");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css;charset=utf-8");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(Harness.gunzip(css.body())).contains("prefers-color-scheme: dark");
        assertThat(h.get("/assets/site.000000000000.css").statusCode()).isEqualTo(404);
    }

    @Test
    void errors_areNotCached() {
        HttpResponse<byte[]> r = h.get("/ports/70000");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void apiAnswers_areDownloads_andPagesAreNot() {
        for (String path : new String[] {"/api/v1/ports/443", "/es/api/v1/ports/443", "/api/v1/search?q=rdp",
            "/api/v1/openapi.json", "/api/v1/nothing"}) {
            assertThat(h.get(path).headers().firstValue("Content-Disposition")).as(path)
                    .hasValue("attachment; filename=\"api.json\"");
        }
        assertThat(h.get("/ports/443").headers().firstValue("Content-Disposition")).isEmpty();
    }

    @Test
    void redirectsAndTheIcon_nameTheirCharacterSet() {
        HttpResponse<byte[]> redirect = h.get("/services/HTTP");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(h.get("/es").headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        String html = Harness.text(h.get("/"));
        java.util.regex.Matcher icon = java.util.regex.Pattern.compile("/assets/icon\\.[0-9a-f]{12}\\.svg").matcher(html);
        assertThat(icon.find()).isTrue();
        assertThat(h.get(icon.group()).headers().firstValue("Content-Type")).hasValue("image/svg+xml;charset=utf-8");
    }

    @Test
    void hsts_isSentOnlyWhenConfigured_onEveryPath() {
        assertThat(h.get("/ports/22").headers().firstValue("Strict-Transport-Security")).isEmpty();
        try (Harness secure = Harness.start(Harness.settings().withHsts(31_536_000))) {
            for (int i = 0; i < 2; i++) { // the second answer comes from the cache, in front of Javalin
                assertThat(secure.get("/ports/22").headers().firstValue("Strict-Transport-Security"))
                        .hasValue("max-age=31536000");
            }
            assertThat(secure.get("/api/v1/ports/22").headers().firstValue("Strict-Transport-Security"))
                    .hasValue("max-age=31536000");
        }
    }
}
