package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input the site refuses: clear statuses and messages, escaped echoes, never a stack trace. */
class BadInputTest {
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception", "\tat ", "at dev.portolan", "at io.javalin", "Jetty", "Javalin",
                TestPages.FAILURE_DETAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "-1", "abc", "1.5", "+80", "8O", "99999999999999999999"})
    void notAPort_isAn404Page(String value) {
        HttpResponse<byte[]> r = h.get("/ports/" + value);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        Document d = Jsoup.parse(Harness.text(r));
        assertThat(d.select("h1").text()).isEqualTo("404: Not found");
        assertThat(d.select("main p.lead").text()).isEqualTo("There is no port " + value
                + ": ports are numbered 0 to 65535.");
        assertThat(d.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertNoInternals(Harness.text(r));
    }

    @Test
    void leadingZeros_redirectToTheCanonicalPort() {
        for (String path : new String[] {"/ports/080", "/ports/00080"}) {
            HttpResponse<byte[]> r = h.get(path);
            assertThat(r.statusCode()).isEqualTo(301);
            assertThat(r.headers().firstValue("Location")).hasValue("/ports/80");
        }
        assertThat(h.get("/ports/0").statusCode()).isEqualTo(200);
        assertThat(h.get("/ports/00").headers().firstValue("Location")).hasValue("/ports/0");
    }

    @Test
    void unknownPages_are404() {
        assertThat(h.get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(h.get("/ranges/private").statusCode()).isEqualTo(404);
        assertThat(Harness.text(h.get("/ranges/private"))).contains(
                "There is no range “private”: the ranges are system, user and dynamic.");
        assertThat(h.get("/ports?page=0").statusCode()).isEqualTo(404);
        assertThat(h.get("/ports?page=257").statusCode()).isEqualTo(404);
        assertThat(h.get("/ports?page=x").statusCode()).isEqualTo(404);
        assertThat(h.get("/ports/page/0").statusCode()).isEqualTo(404);
        assertThat(h.get("/ports/page/257").statusCode()).isEqualTo(404);
        assertThat(h.get("/ports/page/02").statusCode()).isEqualTo(404);
        assertThat(h.get("/ranges/dynamic/page/65").statusCode()).isEqualTo(404);
        // the older query form and page 1 redirect to the page's own address
        assertThat(h.get("/ports?page=2").headers().firstValue("Location")).hasValue("/ports/page/2");
        assertThat(h.get("/es/ranges/user?page=3").headers().firstValue("Location")).hasValue("/es/ranges/user/page/3");
        assertThat(h.get("/ports/page/1").headers().firstValue("Location")).hasValue("/ports");
        assertThat(h.get("/services/no-such-service").statusCode()).isEqualTo(404);
        assertThat(h.get("/services/" + "x".repeat(300)).statusCode()).isEqualTo(404);
        assertThat(h.get("/sitemaps/ports-2.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void wrongMethod_onAPage_is405WithAllow() {
        HttpResponse<byte[]> r = h.method("DELETE", "/ports/80");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        HttpResponse<byte[]> get = h.get("/ports/80/feedback");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void failingPage_is500WithoutDetails() {
        for (String path : new String[] {"/ports/" + TestPages.FAILING_PORT, "/api/v1/ports/" + TestPages.FAILING_PORT}) {
            HttpResponse<byte[]> r = h.get(path);
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(Harness.text(r)).contains("Something went wrong on our side; the error has been logged.");
            assertNoInternals(Harness.text(r));
        }
    }

    @Test
    void scriptPayload_inSearch_isEscaped() {
        String payload = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        HttpResponse<byte[]> r = h.get("/search?q=" + Urls.encode(payload));
        assertThat(r.statusCode()).isEqualTo(200);
        String html = Harness.text(r);
        assertThat(html).doesNotContain("<script>alert", "<img src=x");
        Document d = Jsoup.parse(html);
        assertThat(d.select("input#q").attr("value")).isEqualTo(payload);
        assertThat(d.select("h2#results-h").text()).isEqualTo("Results for “" + payload + "”");
        assertThat(d.select("img[src=x]")).isEmpty();
    }

    @Test
    void scriptPayload_inPaths_isEscaped() {
        // (an encoded slash, %2F, makes a path ambiguous: that is a 400 of its own, below)
        String payload = "%3Cscript%3Ealert(1)%3C%3Fscript%3E";
        for (String path : new String[] {"/services/" + payload, "/ranges/" + payload, "/ports/" + payload}) {
            HttpResponse<byte[]> r = h.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(Harness.text(r)).as(path).doesNotContain("<script>alert").contains("&lt;script&gt;");
        }
        HttpResponse<byte[]> api = h.get("/api/v1/services/" + payload);
        assertThat(Harness.text(api)).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
    }

    @Test
    void badPercentEncodingOrNotUtf8_is400() {
        for (String q : new String[] {"%FF", "%C3%28", "%E2%82", "%ED%A0%80"}) {
            HttpResponse<byte[]> r = h.get("/search?q=" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(Harness.text(r)).as(q).contains("The address contains bytes that are not valid UTF-8 text.");
            ApiTest.assertError(h.get("/api/v1/search?q=" + q), 400,
                    "The address contains bytes that are not valid UTF-8 text.");
        }
    }

    @Test
    void brokenPercentEscapes_are400() {
        for (String q : new String[] {"abc%", "%zz", "%4"}) {
            String answer = h.raw(("GET /search?q=" + q + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer).as(q).startsWith("HTTP/1.1 400 ");
            assertNoInternals(answer);
        }
    }

    @Test
    void hugeQuery_isRefusedBeforeRoutingWithoutA500() {
        HttpResponse<byte[]> r = h.get("/search?q=" + "a".repeat(100_000));
        assertThat(r.statusCode()).isIn(414, 431);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(Harness.text(r)).isEqualTo("{\"error\":{\"status\":" + r.statusCode() + ",\"message\":\""
                + (r.statusCode() == 414 ? "URI Too Long" : "Request Header Fields Too Large") + "\"}}\n");
        HeadersAndCachingTest.assertSecurityHeaders(r);
    }

    @Test
    void longButAcceptableQuery_isA400Page() {
        HttpResponse<byte[]> r = h.get("/search?q=" + "a".repeat(5_000));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(Harness.text(r)).select("p.error").text()).isEqualTo(
                "The search query is 5,000 characters long; at most 200 are accepted.");
    }

    @Test
    void binaryRequestLine_is400() {
        byte[] request = "GET /search?q=\u0000\u00ff\u0001 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String answer = h.raw(request);
        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertNoInternals(answer);
        String garbage = h.raw(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03});
        assertThat(garbage).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 400 "));
    }

    @Test
    void rawUtf8InTheQuery_isAccepted() {
        byte[] request = "GET /search?q=caf\u00e9 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        String answer = h.raw(request);
        assertThat(answer).matches("(?s)HTTP/1.1 (200|400) .*");
        assertNoInternals(answer);
    }

    @Test
    void percentUEscapesAndEncodedSlashesInAPath_are400NotA500() {
        for (String path : new String[] {"/ports/%u2215", "/assets/%u2215", "/sitemaps/%u2215", "/es/ports/%u0041",
            "/services/%u002e%u002e", "/services/a%2Fb"}) {
            String answer = h.raw(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer).as(path).startsWith("HTTP/1.1 400 ");
            assertNoInternals(answer);
        }
    }
}
