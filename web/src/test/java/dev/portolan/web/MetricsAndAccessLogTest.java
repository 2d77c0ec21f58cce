package dev.portolan.web;

import static dev.portolan.web.Harness.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} in the Prometheus text format, where it is served, and the access log. */
class MetricsAndAccessLogTest {
    @TempDir
    Path dir;

    @Test
    void metrics_countRequestsByRouteAndStatus_theCache_votes_andTheRegistry() throws Exception {
        try (Harness h = Harness.start()) {
            h.get("/ports/22");                // rendered: a miss
            h.get("/ports/22");                // from the cache, before Javalin: a hit
            h.get("/es/ports/22");             // another language, the same route
            h.get("/no/such/page");            // no route
            h.post("/api/v1/feedback", "{\"port\":22,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", "application/json");
            h.post("/api/v1/feedback", "{\"port\":22,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", "application/json");          // the same network again: a repeat
            h.post("/api/v1/feedback", "{\"port\":22}", "Content-Type", "application/json");   // invalid

            // A request is counted when its answer is complete on the server's side, which may be
            // a moment after the client has read it: ask until the last one shows.
            HttpResponse<byte[]> r = h.get("/metrics");
            for (int i = 0; i < 100 && !text(r).contains("status=\"400\""); i++) {
                Thread.sleep(50);
                r = h.get("/metrics");
            }
            String m = text(r);

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(m).contains(
                    "portolan_http_requests_total{route=\"/ports/{port}\",status=\"200\"} 3.0",
                    "portolan_http_requests_total{route=\"unmatched\",status=\"404\"} 1.0",
                    "portolan_http_requests_total{route=\"/api/v1/feedback\",status=\"201\"} 1.0",
                    "portolan_http_requests_total{route=\"/api/v1/feedback\",status=\"200\"} 1.0",
                    "portolan_http_requests_total{route=\"/api/v1/feedback\",status=\"400\"} 1.0",
                    "portolan_http_request_duration_seconds_bucket{route=\"/ports/{port}\",le=\"+Inf\"} 3",
                    "portolan_http_request_duration_seconds_count{route=\"/ports/{port}\"} 3",
                    "portolan_votes_total{outcome=\"counted\"} 1.0",
                    "portolan_votes_total{outcome=\"repeat\"} 1.0",
                    "portolan_votes_total{outcome=\"invalid\"} 1.0",
                    "portolan_page_cache_lookups_total{result=\"hit\"} 1.0",
                    "portolan_page_cache_entries ",
                    "portolan_page_cache_bytes ",
                    "portolan_page_file_bytes ",
                    "portolan_registry_info{label=\"IANA registry of 2025-12-15, SHA-256 18b51f94b72a\",source=\"baseline\",updated=\"2025-12-15\"} 1.0",
                    "jvm_memory_used_bytes");
            assertThat(m).containsPattern("portolan_page_cache_lookups_total\\{result=\"miss\"} [1-9]");
            // the embedded release states its date, so its age is told
            assertThat(m).containsPattern("portolan_registry_age_seconds [1-9]");
            // readers' paths never become labels
            assertThat(m).doesNotContain("/no/such/page", "/es/ports");
        }
    }

    @Test
    void metricsOff_isNotServed() {
        try (Harness h = Harness.start(Harness.settings().withMetrics("off"))) {
            assertThat(h.get("/metrics").statusCode()).isEqualTo(404);
            assertThat(h.server.metricsPort()).isEqualTo(-1);
        }
    }

    @Test
    void metricsOnAnAddressOfTheirOwn_areNotOnTheSite() throws Exception {
        try (Harness h = Harness.start(Harness.settings().withMetrics("127.0.0.1:0"))) {
            assertThat(h.get("/metrics").statusCode()).isEqualTo(404);
            int port = h.server.metricsPort();
            assertThat(port).isPositive();
            HttpResponse<String> r = h.client.send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("portolan_http_requests_total{route=\"unmatched\",status=\"404\"} 1.0");
        }
    }

    @Test
    void badMetricsAddress_isRefusedSayingWhatToWrite() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Harness.settings().withMetrics("9464"))
                .hasMessage("metrics \"9464\" must be off, site, or HOST:PORT such as 127.0.0.1:9464");
    }

    @Test
    void accessLog_hasALineInTheCombinedFormatPerRequest() throws Exception {
        Path log = dir.resolve("logs/access.log");
        try (Harness h = Harness.start(Harness.settings().withAccessLog(log.toString()))) {
            h.get("/ports/22", "User-Agent", "test-agent/1.0", "Referer", "http://example.org/");
            h.get("/ports/22");
            h.get("/nope");
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /ports/22 HTTP/1\\.1\" 200 \\d+ "
                + "\"http://example\\.org/\" \"test-agent/1\\.0\"");
        assertThat(lines.get(2)).contains("\"GET /nope HTTP/1.1\" 404 ");
    }

    @Test
    void accessLogThatCannotBeWritten_stopsTheStartWithAMessage() throws Exception {
        Path taken = Files.createDirectories(dir.resolve("a-directory"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebServer.start(
                Harness.settings().withAccessLog(taken.toString()), TestPages.summaries(), TestPages.real(),
                TestPages.history(), new FeedbackLog() {
                    @Override
                    public void record(dev.portolan.store.Vote vote) {}

                    @Override
                    public dev.portolan.store.FeedbackCounts counts(int port) {
                        return dev.portolan.store.FeedbackCounts.NONE;
                    }
                }, TestPages.BUNDLES))
                .isInstanceOf(WebServerException.class)
                .hasMessageContaining("cannot write the access log " + taken);
    }
}
