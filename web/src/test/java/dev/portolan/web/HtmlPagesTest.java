package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML pages, fetched from a real server: status, structure, accessibility basics, data. */
class HtmlPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static Document page(String path) {
        HttpResponse<byte[]> r = h.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v.replace(" ", "")).isEqualTo("text/html;charset=utf-8"));
        return Jsoup.parse(Harness.text(r), h.server.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ports", "/ports/page/2", "/ports/page/256", "/ports/0", "/ports/60", "/ports/443",
        "/ports/60327", "/ports/65535", "/ranges/system", "/ranges/user", "/ranges/dynamic", "/ranges/user/page/188",
        "/services/http", "/search", "/search?q=ssh", "/explain-output", "/registry/changes/", "/registry/changes/2025-12-15",
        "/registry/changes/2018-12-18"})
    void everyPage_isAccessibleHtml(String path) {
        Document d = page(path);
        assertThat(d.select("html").attr("lang")).isEqualTo("en");
        assertThat(d.select("html").attr("dir")).isEqualTo("ltr");
        assertAccessibleHtml(d);
    }

    /**
     * The structure every page has: a viewport, one h1, header, main and footer landmarks, a skip
     * link, headings that do not skip levels, labelled controls, nothing from other hosts, no
     * inline script or style.
     */
    static void assertAccessibleHtml(Document d) {
        assertThat(d.select("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(d.select("h1")).hasSize(1);
        assertThat(d.select("body > header")).hasSize(1);
        assertThat(d.select("main#main")).hasSize(1);
        assertThat(d.select("body > footer")).hasSize(1);
        assertThat(d.select("nav[aria-label]")).isNotEmpty();
        Element skip = d.selectFirst("body > a.skip");
        assertThat(skip).isNotNull();
        assertThat(skip.attr("href")).isEqualTo("#main");
        headingsDoNotSkipLevels(d);
        everyControlIsLabelled(d);
        // nothing from other hosts: styles, scripts and images are the site's own
        for (Element e : d.select("link[rel=stylesheet], script[src], img[src]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertThat(url).as(e.outerHtml()).startsWith("/assets/");
        }
        assertThat(d.select("style, [style], script:not([src]):not([type=application/ld+json])")).isEmpty();
        assertThat(d.select("[onclick], [onload], [onsubmit]")).isEmpty();
        for (Element ld : d.select("script[type=application/ld+json]")) {
            assertThat(parse(ld.data()).path("@context").asText()).isEqualTo("https://schema.org");
        }
    }

    static void headingsDoNotSkipLevels(Document d) {
        int previous = 0;
        List<String> seen = new ArrayList<>();
        for (Element h : d.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            seen.add(h.tagName());
            assertThat(level).as("heading order %s", seen).isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
        assertThat(seen.get(0)).isEqualTo("h1");
    }

    static void everyControlIsLabelled(Document d) {
        for (Element input : d.select("input:not([type=hidden]), select, textarea")) {
            String id = input.id();
            assertThat(id).as(input.outerHtml()).isNotEmpty();
            assertThat(d.select("label[for=" + id + "]")).as("label for #%s", id).hasSize(1);
        }
        for (Element button : d.select("button")) {
            assertThat(button.text().strip()).as(button.outerHtml()).isNotEmpty();
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Test
    void portPage_showsTheModel() {
        Document d = page("/ports/443");
        assertThat(d.select("h1").text()).startsWith("Port 443");
        assertThat(d.select("header.title p.subtitle").text()).isNotBlank();
        // breadcrumbs: Ports > range > Port 443, the last one marked as the current page
        List<String> crumbs = d.select("nav.crumbs li a").eachText();
        assertThat(crumbs).hasSize(3).startsWith("Ports").endsWith("Port 443");
        assertThat(d.select("nav.crumbs li a").last().attr("aria-current")).isEqualTo("page");
        // every section of the model, with its heading
        assertThat(d.select("article section[id] > h2")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(d.select("section#assignments table.records caption").text()).isEqualTo(
                "Registry records for port 443");
        assertThat(d.select("section#assignments tbody tr").eachText()).anyMatch(t -> t.contains("https"));
        assertThat(d.select("section#check pre > code").eachText()).contains("ss -ltnp 'sport = :443'");
        // every footnote marker links to a numbered source that exists
        List<Element> markers = d.select("sup.ref a");
        assertThat(markers).isNotEmpty();
        for (Element m : markers) {
            String target = m.attr("href");
            assertThat(target).matches("#note-\\d+");
            assertThat(d.select("ol.notes li" + target)).as(target).hasSize(1);
            assertThat(m.attr("aria-label")).isEqualTo("Source " + target.substring(6));
        }
        for (Element note : d.select("ol.notes li")) {
            assertThat(note.select("a[href]").attr("href")).startsWith("http");
        }
        assertThat(d.select("section#faq h3")).isNotEmpty();
        assertThat(d.select("section#related li > a").eachAttr("href")).allMatch(a -> a.matches("/ports/\\d+"));
        assertThat(d.select("nav.nearby a").eachAttr("href")).containsExactly("/ports/442", "/ports/444");
        // the feedback form works without script: a plain POST with three named buttons
        Element form = d.selectFirst("section#feedback form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/ports/443/feedback");
        assertThat(form.select("button[name=reaction]").eachAttr("value")).containsExactly("unhelpful", "neutral",
                "helpful");
        assertThat(form.select("button").text()).contains("😔", "🤨", "😃");
        assertThat(d.select("p#thanks").text()).isEqualTo("Thank you: your reaction was recorded.");
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(h.server.url() + "/ports/443");
    }

    @Test
    void portPage_structuredData_isBreadcrumbListAndFaqPage() {
        Document d = page("/ports/60");
        List<JsonNode> ld = d.select("script[type=application/ld+json]").stream().map(e -> parse(e.data())).toList();
        assertThat(ld).extracting(n -> n.path("@type").asText()).containsExactly("BreadcrumbList", "FAQPage");
        JsonNode items = ld.get(0).path("itemListElement");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("position").asInt()).isEqualTo(1);
        assertThat(items.get(0).path("item").asText()).isEqualTo(h.server.url() + "/ports");
        assertThat(items.get(2).path("name").asText()).isEqualTo("Port 60");
        JsonNode faq = ld.get(1).path("mainEntity");
        assertThat(faq.size()).isEqualTo(d.select("section#faq h3").size());
        assertThat(faq.get(0).path("@type").asText()).isEqualTo("Question");
        assertThat(faq.get(0).path("acceptedAnswer").path("text").asText()).isNotBlank();
    }

    @Test
    void structuredData_cannotEndItsScriptElement() {
        HttpResponse<byte[]> r = h.get("/ports/" + TestPages.HOSTILE_PORT);
        String html = Harness.text(r);
        // the payload appears only escaped: never as markup
        assertThat(html).doesNotContain("<script>alert(1)</script>");
        assertThat(html).contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        Document d = Jsoup.parse(html);
        assertThat(d.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
        JsonNode faq = d.select("script[type=application/ld+json]").stream().map(e -> parse(e.data()))
                .filter(n -> n.path("@type").asText().equals("FAQPage")).findFirst().orElseThrow();
        JsonNode last = faq.path("mainEntity").get(faq.path("mainEntity").size() - 1);
        assertThat(last.path("acceptedAnswer").path("text").asText()).isEqualTo("Mostly " + TestPages.HOSTILE + ".");
        assertThat(d.select("script[type=application/ld+json]").last().data()).contains("\\u003C/script\\u003E");
    }

    @Test
    void home_hasSearchRangesAndWellKnownPorts() {
        Document d = page("/");
        Element form = d.selectFirst("main form[role=search]");
        assertThat(form.attr("action")).isEqualTo("/search");
        assertThat(form.attr("method")).isEqualTo("get");
        assertThat(form.select("input#q").attr("name")).isEqualTo("q");
        assertThat(d.select("ul.ranges a").eachAttr("href")).containsExactly("/ranges/system", "/ranges/user",
                "/ranges/dynamic");
        assertThat(d.select("ul.ranges a").eachText()).containsExactly("System Ports 0–1023", "User Ports 1024–49151",
                "Dynamic and Private Ports 49152–65535");
        assertThat(d.select("table.ports tbody a").eachText()).contains("22", "80", "443", "5432");
        assertThat(d.select("table.ports tbody tr").eachText()).contains("443 https");
    }

    @Test
    void portIndex_isPagedBy256() {
        Document first = page("/ports");
        assertThat(first.select("table.ports tbody tr")).hasSize(256);
        assertThat(first.select("table.ports tbody a").first().text()).isEqualTo("0");
        assertThat(first.select("nav.pager a[rel=next]").attr("href")).isEqualTo("/ports/page/2");
        assertThat(first.select("nav.pager p").first().text()).isEqualTo("Page 1 of 256");
        Document last = page("/ports/page/256");
        assertThat(last.select("table.ports tbody a").last().text()).isEqualTo("65535");
        assertThat(last.select("nav.pager a[rel=next]")).isEmpty();
        assertThat(last.select("nav.pager a[rel=prev]").attr("href")).isEqualTo("/ports/page/255");
    }

    @Test
    void rangePages_listTheirPorts() {
        Document user = page("/ranges/user");
        assertThat(user.select("h1").text()).isEqualTo("User Ports, ports 1024–49151");
        assertThat(user.select("table.ports tbody a").first().text()).isEqualTo("1024");
        assertThat(user.select("nav.pager p").first().text()).isEqualTo("Page 1 of 188");
        Document dynamic = page("/ranges/dynamic/page/64");
        assertThat(dynamic.select("table.ports tbody a").last().text()).isEqualTo("65535");
        assertThat(dynamic.select("table.ports tbody tr").first().text()).isEqualTo("65280 unassigned");
    }

    @Test
    void servicePage_listsEveryRecordOfTheName() {
        Document d = page("/services/http");
        assertThat(d.select("h1").text()).isEqualTo("Service http");
        assertThat(d.select("table.entries tbody a").eachAttr("href")).contains("/ports/80");
    }

    @Test
    void serviceName_inOtherCase_redirectsToLowerCase() {
        HttpResponse<byte[]> r = h.get("/services/HTTP");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/services/http");
    }

    @Test
    void search_showsResults_onePerPort_withWhatMatchedAndWhoUsesIt() {
        Document d = page("/search?q=rdp");
        assertThat(d.select("h2#results-h").text()).isEqualTo("Results for “rdp”");
        Element first = d.selectFirst("ol.hits li");
        assertThat(first.selectFirst("a").text()).isEqualTo("Port 3389");
        assertThat(first.selectFirst("a").attr("href")).isEqualTo("/ports/3389");
        assertThat(first.select(".hit-name").text()).isEqualTo("RDP (ms-wbt-server)");
        assertThat(first.select(".hit-transports").text()).isEqualTo("TCP, UDP");
        assertThat(first.select("p").text()).startsWith("Found by the name people use, “RDP”. Used by xrdp, ")
                .endsWith("more programs).");
        assertThat(d.select("input#q").attr("value")).isEqualTo("rdp");
        assertThat(d.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(d.select("h2#syntax-h")).isEmpty();
    }

    @Test
    void search_forOnePort_goesToItsPage_andARangeListsItsPorts() {
        HttpResponse<byte[]> r = h.get("/search?q=443");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/ports/443");
        assertThat(h.get("/es/search?q=puerto+22").headers().firstValue("Location")).hasValue("/es/ports/22");
        Document range = page("/search?q=8000-8003");
        assertThat(range.select("ol.hits li > a").eachText()).containsExactly("Port 8000", "Port 8001", "Port 8002",
                "Port 8003");
    }

    @Test
    void search_withNothingFound_suggestsAndExplainsWhatToType() {
        Document d = page("/search?q=rdz");
        assertThat(d.select("p[role=status]").text()).isEqualTo("No port matches.");
        assertThat(d.select("section p").eachText()).contains("Nothing matched as typed. Close names: RDP, rda, rdb, rdc, "
                + "and rdm.");
        assertThat(d.select("h2#syntax-h").text()).isEqualTo("What you can search for");
    }

    @Test
    void search_badQuery_isA400WithTheReason() {
        HttpResponse<byte[]> r = h.get("/search?q=70000");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(Harness.text(r)).select("p.error").text())
                .isEqualTo("There is no port 70000: ports are numbered 0 to 65535.");
    }

    @Test
    void search_withoutQuery_showsTheForm() {
        Document d = page("/search");
        assertThat(d.select("input#q").attr("value")).isEmpty();
        assertThat(d.select("h2#results-h")).isEmpty();
    }
}
