package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The small parts: header parsing, query decoding, port parsing, rate limits, the cache, settings. */
class PartsTest {

    @Test
    void acceptsGzip_readsTheHeaderLikeRfc9110() {
        assertThat(Responses.acceptsGzip(null)).isFalse();
        assertThat(Responses.acceptsGzip("")).isFalse();
        assertThat(Responses.acceptsGzip("gzip")).isTrue();
        assertThat(Responses.acceptsGzip("br, GZIP")).isTrue();
        assertThat(Responses.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(Responses.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(Responses.acceptsGzip("gzip; q=0.0, identity")).isFalse();
        assertThat(Responses.acceptsGzip("gzip;q=0.5")).isTrue();
        assertThat(Responses.acceptsGzip("x-gzip")).isFalse();
        assertThat(Responses.acceptsGzip("gzipped")).isFalse();
        assertThat(Responses.acceptsGzip("*")).isTrue();
        assertThat(Responses.acceptsGzip("*;q=0")).isFalse();
        assertThat(Responses.acceptsGzip("identity")).isFalse();
    }

    @Test
    void ifNoneMatch_comparesWeakly() {
        assertThat(Responses.matches(null, "\"a\"")).isFalse();
        assertThat(Responses.matches("\"a\"", "\"a\"")).isTrue();
        assertThat(Responses.matches("W/\"a\"", "\"a\"")).isTrue();
        assertThat(Responses.matches("\"b\", \"a\"", "\"a\"")).isTrue();
        assertThat(Responses.matches("\"a-gz\"", "\"a\"")).isFalse();
        assertThat(Responses.matches(" * ", "\"a\"")).isTrue();
    }

    @Test
    void urls_parseStrictUtf8() throws Exception {
        assertThat(Urls.parse("q=caf%C3%A9+bar&page=2&q=second")).isEqualTo(Map.of("q", "café bar", "page", "2"));
        assertThat(Urls.parse("flag&=x&&a=")).containsEntry("flag", "").containsEntry("a", "").containsEntry("", "x");
        for (String bad : new String[] {"q=%FF", "q=%", "q=%4", "q=%G0", "q=%C3", "q=%ED%A0%80"}) {
            assertThatThrownBy(() -> Urls.parse(bad)).as(bad).isInstanceOf(Urls.Malformed.class);
        }
        assertThat(Urls.segment("http")).isEqualTo("http");
        assertThat(Urls.segment("a b/c*é")).isEqualTo("a%20b%2Fc%2A%C3%A9");
    }

    @Property
    void urls_parseOrRefuse_neverAnythingElse(@ForAll String raw) {
        try {
            Urls.parse(raw);
        } catch (Urls.Malformed expected) {
            // refused: that is allowed
        }
    }

    @Property
    void urls_roundTripEncodedValues(@ForAll String value) {
        String clean = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        try {
            assertThat(Urls.parse("v=" + Urls.encode(clean))).containsEntry("v", clean);
        } catch (Urls.Malformed e) {
            throw new AssertionError(e);
        }
    }

    @Property
    void canonicalPort_agreesWithTheRoute(@ForAll @IntRange(min = -10, max = 70_000) int n) {
        String digits = Integer.toString(n);
        int expected = n >= 0 && n <= 65_535 ? n : -1;
        assertThat(CacheHits.canonicalPort("/ports/" + digits)).isEqualTo(expected);
        assertThat(RequestInput.parsePort(digits)).isEqualTo(expected);
        if (n >= 0) {
            assertThat(CacheHits.canonicalPort("/ports/0" + digits)).isEqualTo(-1);
            assertThat(RequestInput.parsePort("0" + digits)).isEqualTo(expected);
        }
    }

    @Test
    void canonicalPort_refusesEverythingElse() {
        for (String p : new String[] {"/ports/", "/ports", "/ports/1/", "/ports/+1", "/ports/1a", "/port/1",
            "/ports/999999", "/ports/65536", "/ports/٣"}) {
            assertThat(CacheHits.canonicalPort(p)).as(p).isEqualTo(-1);
        }
        assertThat(CacheHits.canonicalPort("/ports/0")).isZero();
    }

    @Test
    void tokenBuckets_allowTheBurstThenTheRate() {
        TokenBuckets b = new TokenBuckets(60, 3); // one a second, three at once
        long t = 1_000_000_000L;
        assertThat(b.take("a", t)).isZero();
        assertThat(b.take("a", t)).isZero();
        assertThat(b.take("a", t)).isZero();
        assertThat(b.take("a", t)).isEqualTo(1);
        assertThat(b.take("b", t)).as("another client has its own bucket").isZero();
        assertThat(b.take("a", t + 999_000_000L)).isEqualTo(1);
        assertThat(b.take("a", t + 1_000_000_000L)).isZero();
        assertThat(b.take("a", t + 1_000_000_000L)).isEqualTo(1);
        assertThat(b.take("a", t + 100_000_000_000L)).as("refills to the burst, not beyond").isZero();
        assertThat(b.take("a", t + 100_000_000_000L)).isZero();
        assertThat(b.take("a", t + 100_000_000_000L)).isZero();
        assertThat(b.take("a", t + 100_000_000_000L)).isEqualTo(1);
    }

    @Test
    void tokenBuckets_stayBounded() {
        TokenBuckets b = new TokenBuckets(10, 10);
        for (int i = 0; i < TokenBuckets.MAX_CLIENTS * 3; i++) {
            b.take("client-" + i, 1_000L * i);
        }
        assertThat(b.take("client-last", 0)).isZero();
    }

    @Test
    void pageCache_staysWithinItsBudget() {
        Rendered page = Rendered.of(new byte[100_000], "text/plain", "no-cache");
        long budget = 2L << 20;
        PageCache cache = new PageCache(budget, 2);
        for (int p = 0; p < 1000; p++) {
            assertThat(cache.port(p % 2, p, false, x -> page)).isSameAs(page);
            assertThat(cache.bytes()).isLessThanOrEqualTo(budget);
        }
        for (int i = 0; i < 1000; i++) {
            cache.get("/k" + i, () -> page);
            assertThat(cache.bytes()).isLessThanOrEqualTo(budget);
        }
        assertThat(cache.entries()).isPositive();
        cache.clear();
        assertThat(cache.bytes()).isZero();
        assertThat(cache.entries()).isZero();
    }

    @Test
    void rendered_compactKeepsOnlyGzipAndInflatesOnDemand() {
        byte[] body = "<p>port</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Rendered r = Rendered.of(body, "text/html", "public");
        assertThat(r.gzip()).isNotNull();
        Rendered c = r.compact();
        assertThat(c.body()).isNull();
        assertThat(c.identity()).isEqualTo(body);
        assertThat(c.etag()).isEqualTo(r.etag()).matches("\"[0-9a-f]{12}\"");
        assertThat(c.size()).isLessThan(r.size() / 4);
        assertThat(Rendered.of("small".getBytes(StandardCharsets.UTF_8), "text/plain", "x").gzip()).isNull();
        assertThat(Rendered.of(body, "a", "b").etag()).isEqualTo(r.etag());
        assertThat(Rendered.of(new byte[body.length], "a", "b").etag()).isNotEqualTo(r.etag());
    }

    @Test
    void json_isSafeInsideScriptElements() {
        String s = Json.string(g -> g.writeString("</script><!-- & ' \u2028"));
        assertThat(s).isEqualTo("\"\\u003C/script\\u003E\\u003C!-- \\u0026 \\u0027 \\u2028\"");
    }

    @Test
    void settings_refuseWhatCannotWork() {
        WebSettings d = WebSettings.defaults();
        assertThat(d.port()).isEqualTo(8080);
        assertThat(d.bind()).isEqualTo("127.0.0.1");
        assertThat(d.threads()).isGreaterThanOrEqualTo(8);
        assertThatThrownBy(() -> d.listening("127.0.0.1", 65_536)).hasMessage(
                "port is 65536, must be 1-65535 (or 0 for any free port)");
        assertThatThrownBy(() -> d.listening(" ", 80)).hasMessage(
                "bind address is empty: give an address such as 127.0.0.1");
        assertThatThrownBy(() -> d.withPublicUrl("ftp://x")).hasMessage(
                "public URL \"ftp://x\" must be http or https with a host and no query, e.g. https://ports.example");
        assertThatThrownBy(() -> d.withPublicUrl("https://x.example/site")).hasMessage(
                "public URL \"https://x.example/site\" has a path; the site is served at the root of its host");
        assertThat(d.withPublicUrl("https://x.example/").publicUrl()).isEqualTo("https://x.example");
        assertThatThrownBy(() -> d.withCacheBytes(1000)).hasMessage(
                "cache size is 1000 bytes, must be at least 1 MiB");
        assertThatThrownBy(() -> d.withVoteLimit(0, 1)).hasMessage("votes per minute is 0, must be 1-10000");
        assertThatThrownBy(() -> d.withPasteLimit(0, 1)).hasMessage("pastes per minute is 0, must be 1-10000");
        assertThatThrownBy(() -> d.withPasteLimit(1, 10_001)).hasMessage("paste burst is 10001, must be 1-10000");
        assertThat(List.of(d.pastesPerMinute(), d.pasteBurst())).containsExactly(10, 10);
        assertThatThrownBy(() -> d.withThreads(2)).hasMessage("threads is 2, must be 4-1000");
        assertThatThrownBy(() -> d.withCacheFile("/var/lib/portolan", 1000)).hasMessage(
                "page file size is 1000 bytes, must be 0 (none) or at least 1 MiB");
        assertThat(d.hasCacheFile()).as("the command line puts it in the Portolan home").isFalse();
        assertThat(d.withCacheFile("/var/lib/portolan", 0).hasCacheFile()).isFalse();
        assertThat(d.withCacheFile("/var/lib/portolan", WebSettings.DEFAULT_CACHE_FILE_BYTES).hasCacheFile()).isTrue();
    }
}
