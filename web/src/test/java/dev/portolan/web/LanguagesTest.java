package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.core.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The site in fifteen languages: addresses, alternates, the switcher, the suggestion, the API's ?lang=. */
class LanguagesTest {
    static final List<String> CODES = List.of("en", "es", "pt", "fr", "de", "ru", "zh", "ja", "hi", "bn", "id", "vi",
            "ar", "fa", "ps");
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start(Harness.settings().withPublicUrl("https://ports.example"));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static Document page(String path, String... headers) {
        HttpResponse<byte[]> r = h.get(path, headers);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(Harness.text(r), "https://ports.example" + path);
    }

    @Test
    void everyLanguage_hasThePortPage_withItsLangAndDirection() {
        for (String code : CODES) {
            String path = code.equals("en") ? "/ports/60" : "/" + code + "/ports/60";
            Document d = page(path);
            Element html = d.selectFirst("html");
            assertThat(html.attr("lang")).as(code).isEqualTo(code.equals("zh") ? "zh-Hans" : code);
            assertThat(html.attr("dir")).as(code).isEqualTo(List.of("ar", "fa", "ps").contains(code) ? "rtl" : "ltr");
            assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo("https://ports.example" + path);
            // commands stay left to right in every language
            assertThat(d.select("dl.commands pre")).isNotEmpty().allSatisfy(p -> assertThat(p.attr("dir"))
                    .isEqualTo("ltr"));
        }
    }

    @Test
    void alternates_nameEveryLanguage_andEnglishAsDefault() {
        Document d = page("/fa/ports/443");
        List<String> alternates = new ArrayList<>();
        for (Element l : d.select("link[rel=alternate][hreflang]")) {
            alternates.add(l.attr("hreflang") + " " + l.attr("href"));
        }
        assertThat(alternates).hasSize(16).contains("en https://ports.example/ports/443",
                "fa https://ports.example/fa/ports/443", "zh-Hans https://ports.example/zh/ports/443",
                "x-default https://ports.example/ports/443");
        // pages search engines should not index have none
        assertThat(page("/fa/search?q=ssh").select("link[rel=alternate][hreflang]")).isEmpty();
    }

    @Test
    void switcher_staysOnTheSamePage() {
        Document d = page("/ru/ranges/user/page/2");
        List<String> hrefs = d.select("details.languages a").eachAttr("href");
        assertThat(hrefs).hasSize(15).contains("/ranges/user/page/2", "/ru/ranges/user/page/2",
                "/ar/ranges/user/page/2");
        Element current = d.selectFirst("details.languages a[aria-current=true]");
        assertThat(current.attr("href")).isEqualTo("/ru/ranges/user/page/2");
        assertThat(current.text()).isEqualTo("Русский");
        assertThat(d.selectFirst("details.languages a[hreflang=ar]").attr("dir")).isEqualTo("rtl");
        assertThat(page("/ja/search?q=ssh").select("details.languages a[hreflang=de]").attr("href"))
                .isEqualTo("/de/search?q=ssh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ar/ports/60", "/ar/", "/ar/ports", "/ar/ranges/dynamic", "/ar/services/http",
        "/ar/search?q=http", "/ar/explain-output", "/ar/registry/changes/", "/ar/registry/changes/2025-12-15"})
    void internalLinks_stayInTheLanguage(String path) {
        Document d = page(path);
        List<String> wrong = new ArrayList<>();
        for (Element a : d.select("a[href^=/], form[action^=/]")) {
            String href = a.hasAttr("href") ? a.attr("href") : a.attr("action");
            boolean neutral = href.startsWith("/api/") || href.startsWith("/sitemap") || href.startsWith("/assets/");
            boolean switcher = a.parents().is("details.languages");
            if (!neutral && !switcher && !href.startsWith("/ar/")) {
                wrong.add(href);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void languageAddresses_areStrict() {
        HttpResponse<byte[]> bare = h.get("/ar");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/ar/");
        assertThat(h.get("/xx/ports/60").statusCode()).isEqualTo(404);
        assertThat(h.get("/en/ports/60").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> zero = h.get("/ar/ports/080");
        assertThat(zero.statusCode()).isEqualTo(301);
        assertThat(zero.headers().firstValue("Location")).hasValue("/ar/ports/80");
        HttpResponse<byte[]> upper = h.get("/de/services/HTTP");
        assertThat(upper.headers().firstValue("Location")).hasValue("/de/services/http");
    }

    @Test
    void errors_speakTheLanguageOfTheAddress() {
        HttpResponse<byte[]> r = h.get("/ar/ports/99999");
        assertThat(r.statusCode()).isEqualTo(404);
        Document d = Jsoup.parse(Harness.text(r));
        assertThat(d.selectFirst("html").attr("dir")).isEqualTo("rtl");
        assertThat(d.selectFirst("main p.lead").text()).contains("99999").doesNotContain("There is no port");
        HttpResponse<byte[]> api = h.get("/api/v1/ports/99999?lang=de");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(Harness.text(api)).contains("99999").doesNotContain("There is no port");
    }

    @Test
    void home_suggestsThePreferredLanguage_withoutRedirecting() {
        HttpResponse<byte[]> r = h.get("/", "Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
        Document d = Jsoup.parse(Harness.text(r));
        assertThat(d.selectFirst("html").attr("lang")).isEqualTo("en");
        Element suggest = d.selectFirst("p.suggest a");
        assertThat(suggest.attr("href")).isEqualTo("/ar/");
        assertThat(suggest.attr("lang")).isEqualTo("ar");
        assertThat(suggest.attr("dir")).isEqualTo("rtl");
        assertThat(suggest.text()).isNotBlank().doesNotContain("Read this site");

        assertThat(page("/", "Accept-Language", "en-US,en;q=0.9,de;q=0.8").select("p.suggest")).isEmpty();
        assertThat(page("/", "Accept-Language", "xx, *;q=0.1").select("p.suggest")).isEmpty();
        assertThat(page("/", "Accept-Language", "de-;;q=garbage").select("p.suggest")).isEmpty();
        assertThat(page("/", "Accept-Language", "sv, pt-BR;q=0.8").selectFirst("p.suggest a").attr("href"))
                .isEqualTo("/pt/");
        assertThat(page("/").select("p.suggest")).isEmpty();
        // the language's own home page never suggests
        assertThat(page("/ar/", "Accept-Language", "de").select("p.suggest")).isEmpty();
    }

    @Test
    void api_takesLang() {
        HttpResponse<byte[]> r = h.get("/api/v1/ports/60?lang=ja");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = ApiTest.json(r);
        assertThat(body.path("lang").asText()).isEqualTo("ja");
        assertThat(body.path("url").asText()).isEqualTo("https://ports.example/ja/ports/60");
        String english = ApiTest.json(h.get("/api/v1/ports/60")).path("title").path("text").asText();
        assertThat(body.path("title").path("text").asText()).isNotEqualTo(english).contains("60");
        ApiTest.assertError(h.get("/api/v1/ports/60?lang=xx"), 400,
                "Field “lang” must be one of ar, bn, de, en, es, fa, fr, hi, id, ja, ps, pt, ru, vi, zh, not xx.");
        assertThat(h.get("/api/v1/search?q=ssh&lang=fa").statusCode()).isEqualTo(200);
        // the same in the path, as a static export holds it
        assertThat(Harness.text(h.get("/ja/api/v1/ports/60"))).isEqualTo(Harness.text(r));
        HttpResponse<byte[]> missing = h.get("/ja/api/v1/ports/70000");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue(JsonApi.CONTENT_TYPE);
    }

    @Test
    void formVote_inALanguage_goesBackToThatPage() throws StoreException {
        long before = h.feedback.counts(7).helpful();
        HttpResponse<byte[]> r = h.post("/ps/ports/7/feedback", "lang=ps&reaction=helpful", "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/ps/ports/7#thanks");
        assertThat(h.feedback.counts(7).helpful()).isEqualTo(before + 1);
        Document d = page("/ps/ports/7");
        assertThat(d.selectFirst(".feedback form").attr("data-lang")).isEqualTo("ps");
        assertThat(d.selectFirst(".feedback form").attr("action")).isEqualTo("/ps/ports/7/feedback");
    }

    @Test
    void cachedPages_areKeptPerLanguage() {
        HttpResponse<byte[]> en = h.get("/ports/3389");
        HttpResponse<byte[]> vi = h.get("/vi/ports/3389");
        HttpResponse<byte[]> viAgain = h.get("/vi/ports/3389");
        assertThat(Harness.text(vi)).isEqualTo(Harness.text(viAgain)).isNotEqualTo(Harness.text(en));
        assertThat(viAgain.headers().firstValue("ETag")).isEqualTo(vi.headers().firstValue("ETag"));
        assertThat(Jsoup.parse(Harness.text(viAgain)).selectFirst("html").attr("lang")).isEqualTo("vi");
    }

    /**
     * No sentence of the English frame appears on a page in another language: every frame string
     * of two words or more is looked for in the visible text of each page kind.
     */
    @Test
    void noEnglishFrameSentence_onOtherLanguages() throws IOException {
        List<String> sentences = englishFrameSentences();
        assertThat(sentences).hasSizeGreaterThan(40);
        List<String> found = new ArrayList<>();
        for (String code : CODES.subList(1, CODES.size())) {
            for (String path : List.of("/", "/ports/60", "/ports/443", "/ports", "/ranges/system", "/services/http",
                    "/search", "/search?q=ssh", "/explain-output", "/registry/changes/", "/registry/changes/2025-12-15")) {
                String text = page("/" + code + path).text();
                for (String s : sentences) {
                    if (text.contains(s)) {
                        found.add(code + path + ": " + s);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** The English frame's phrases: the literal words of each string before its first argument, of two words or more. */
    static List<String> englishFrameSentences() throws IOException {
        Properties english = new Properties();
        try (InputStream in = LanguagesTest.class.getClassLoader().getResourceAsStream("web/site.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> sentences = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String v = english.getProperty(key);
            // the literal words before the first argument, when they are a phrase
            String words = v.split("[{]", 2)[0].strip();
            if (words.split(" ").length >= 2 && !key.equals("web.site.name")) {
                sentences.add(words);
            }
        }
        return sentences;
    }
}
