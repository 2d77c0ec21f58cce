package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.page.PortPages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No page of a static export links to a page the export did not write: an export of a few ports
 * writes their pages and the lists and service pages that belong to them, and names every other
 * port without a link; an export of every port links as the site does.
 */
class StaticExportLinksTest {
    static final String BASE = StaticExportTest.BASE;
    /** English and Pashto, a language written right to left. */
    static final List<ULocale> EN_PS = List.of(ULocale.ENGLISH, ULocale.forLanguageTag("ps"));

    @TempDir
    static Path dir;

    static Map<String, byte[]> files;
    static StaticExport.Totals totals;

    /** The export of ports 58-62 in English and Pashto, from the registry and history the program embeds. */
    @BeforeAll
    static void exportFivePorts() throws Exception {
        PortPages pages = new PortPages(TestPages.registry(), Knowledge.embedded(), TestPages.history());
        totals = new StaticExport(pages.summaries(), pages::page, TestPages.history(),
                new StaticExport.Options(dir, EN_PS, new PortRange(58, 62), BASE, 2, Gzip.at(Gzip.DEFAULT_LEVEL)))
                .run();
        files = StaticExportTest.files(dir);
    }

    private static Document html(String file) {
        assertThat(files).containsKey(file);
        return Jsoup.parse(new String(files.get(file), StandardCharsets.UTF_8));
    }

    @Test
    void aPartialExport_hasNoLinkToAFileItDidNotWrite_inAnyFileOrLanguage() {
        List<ExportLinks.Link> links = ExportLinks.internal(files, BASE);
        assertThat(ExportLinks.dangling(links, files.keySet())).isEmpty();
        // every kind of file was read: pages of both languages, API files, sitemaps, feeds, robots.txt
        Set<String> from = links.stream().map(ExportLinks.Link::file).collect(Collectors.toSet());
        assertThat(from).contains("index.html", "ps/index.html", "ports/58.html", "ps/ports/62.html", "ports.html",
                "ps/ranges/system.html", "api/v1/ports/60.json", "ps/api/v1/ports/61.json", "sitemap.xml",
                "sitemaps/ps-pages.xml", "sitemaps/en-ports-0.xml", "registry/changes.atom",
                "registry/changes/2025-12-15.html", "ps/registry/changes/index.html", "robots.txt", "404.html",
                "search.html", "explain-output.html");
        assertThat(links.size()).isGreaterThan(1_000);
    }

    @Test
    void aPartialExport_writesTheAskedPorts_andTheListsAndServicesThatBelongToThem() {
        Set<String> portPages = files.keySet().stream().filter(f -> f.matches("(ps/)?ports/[0-9]+\\.html"))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(portPages).containsExactly("ports/58.html", "ports/59.html", "ports/60.html", "ports/61.html",
                "ports/62.html", "ps/ports/58.html", "ps/ports/59.html", "ps/ports/60.html", "ps/ports/61.html",
                "ps/ports/62.html");
        assertThat(files.keySet().stream().filter(f -> f.matches("(ps/)?api/v1/ports/[0-9]+\\.json"))).hasSize(10);
        // one page of the index, one of the system range; no other range, no second page
        assertThat(files).containsKeys("ports.html", "ps/ports.html", "ranges/system.html", "ps/ranges/system.html")
                .doesNotContainKeys("ports/page/2.html", "ranges/user.html", "ranges/dynamic.html",
                        "ranges/system/page/2.html", "sitemaps/en-ports-1.xml");
        // the service pages are those with a record on 58-62
        Set<String> services = files.keySet().stream().filter(f -> f.startsWith("services/") && !f.endsWith(".gz"))
                .collect(Collectors.toSet());
        assertThat(services).isNotEmpty().allSatisfy(f -> {
            String name = f.substring("services/".length(), f.length() - ".html".length());
            assertThat(TestPages.registry().service(name).orElseThrow()).as(name)
                    .anyMatch(a -> a.ports() != null && a.ports().first() <= 62 && a.ports().last() >= 58);
            assertThat(files).containsKeys("ps/" + f, "api/v1/services/" + name + ".json");
        });
        assertThat(totals.files()).as("files written, gzip forms not counted").isLessThan(200);
    }

    @Test
    void theIndex_listsOnlyTheExportedPorts() {
        Document index = html("ports.html");
        assertThat(index.select("table.ports tbody th").eachText()).containsExactly("58", "59", "60", "61", "62");
        assertThat(index.select("table.ports tbody a").eachAttr("href")).containsExactly("/ports/58", "/ports/59",
                "/ports/60", "/ports/61", "/ports/62");
        assertThat(index.select("nav.pager a")).isEmpty();
        // the ranges without an exported port are named, not linked
        assertThat(index.select("ul.ranges a").eachAttr("href")).containsExactly("/ranges/system");
        assertThat(index.select("ul.ranges li")).hasSize(3);
        assertThat(index.select("ul.ranges li span.range strong")).hasSize(2);
        Document range = html("ps/ranges/system.html");
        assertThat(range.select("table.ports tbody a").eachAttr("href")).containsExactly("/ps/ports/58",
                "/ps/ports/59", "/ps/ports/60", "/ps/ports/61", "/ps/ports/62");
    }

    @Test
    void theHomePage_namesTheWellKnownPortsWithoutLinks() {
        Document home = html("index.html");
        assertThat(home.select("table.ports tbody th").eachText()).contains("22", "80", "443");
        assertThat(home.select("table.ports a")).isEmpty();
    }

    @Test
    void portPages_linkTheirNeighboursAndRelatedPortsOnlyWhenExported() {
        Document first = html("ports/58.html");
        assertThat(first.select("nav.nearby a").eachAttr("href")).containsExactly("/ports/59");
        Document last = html("ps/ports/62.html");
        assertThat(last.select("nav.nearby a").eachAttr("href")).containsExactly("/ps/ports/61");
        for (String f : List.of("ports/58.html", "ports/59.html", "ports/60.html", "ports/61.html", "ports/62.html")) {
            Document page = html(f);
            assertThat(page.select("ul.related a").eachAttr("href")).as(f)
                    .allMatch(h -> h.matches("/ports/(5[89]|6[0-2])"));
            // a related port outside the export is still named, as text
            assertThat(page.select("ul.related li")).as(f).allMatch(li -> !li.ownText().isEmpty()
                    || li.selectFirst("a") != null);
        }
    }

    @Test
    void serviceFiles_linkOnlyTheExportedPorts() throws Exception {
        for (String f : files.keySet()) {
            if (f.startsWith("api/v1/services/") && f.endsWith(".json")) {
                var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(files.get(f));
                for (var record : tree.get("records")) {
                    int port = record.get("port").isNull() ? -1 : record.get("port").asInt();
                    if (port >= 58 && port <= 62) {
                        assertThat(record.get("url").asText()).isEqualTo("/ports/" + port);
                    } else {
                        assertThat(record.get("url").isNull()).as(f + " " + port).isTrue();
                    }
                }
            }
        }
    }

    /**
     * An export of every port: what it would write, without writing it (65,536 pages a language).
     * Every link in a sample of its files leads to a file of the export, the links to ports and
     * lists are all there, and its pages are the live site's.
     */
    @Test
    void aFullExport_linksEverywhere_asTheSiteDoes() throws Exception {
        PortPages pages = new PortPages(TestPages.registry(), Knowledge.embedded(), TestPages.history());
        StaticExport full = new StaticExport(new PortSummaries(TestPages.registry(), Knowledge.embedded()),
                pages::page, TestPages.history(), new StaticExport.Options(dir.resolve("unused"),
                        StaticExportTest.EN_AR, PortRange.ALL, BASE, 1, Gzip.at(Gzip.DEFAULT_LEVEL)));
        Map<String, StaticExport.Render.One> plan = full.plan();
        assertThat(plan.keySet().stream().filter(f -> f.matches("(ar/)?ports/[0-9]+\\.html"))).hasSize(2 * 65_536);
        assertThat(plan).containsKeys("ports/page/256.html", "ar/ranges/dynamic/page/64.html",
                "ranges/user/page/188.html", "sitemaps/en-ports-1.xml", "services/http.html");
        List<String> sample = List.of("index.html", "ar/index.html", "ports.html", "ports/page/2.html",
                "ports/page/256.html", "ar/ranges/system.html", "ranges/dynamic/page/64.html", "ports/0.html",
                "ports/80.html", "ar/ports/443.html", "ports/65535.html", "services/http.html", "ar/services/x11.html",
                "api/v1/services/http.json", "api/v1/ports/80.json", "sitemap.xml", "sitemaps/en-pages.xml",
                "sitemaps/ar-ports-1.xml", "registry/changes/2025-12-15.html", "registry/changes.atom", "robots.txt");
        Map<String, byte[]> rendered = new TreeMap<>();
        for (String f : sample) {
            rendered.put(f, plan.get(f).get());
        }
        List<ExportLinks.Link> links = ExportLinks.internal(rendered, BASE);
        assertThat(ExportLinks.dangling(links, plan.keySet())).isEmpty();
        // the lists link every port they show, the pager and the ranges
        Document list = Jsoup.parse(new String(rendered.get("ports/page/2.html"), StandardCharsets.UTF_8));
        assertThat(list.select("table.ports tbody a")).hasSize(HtmlPages.PER_PAGE);
        assertThat(list.select("nav.pager a").eachAttr("href")).contains("/ports", "/ports/page/3", "/ports/page/256");
        assertThat(list.select("ul.ranges a")).hasSize(3);
        Document home = Jsoup.parse(new String(rendered.get("index.html"), StandardCharsets.UTF_8));
        assertThat(home.select("table.ports tbody a")).hasSize(HtmlPages.WELL_KNOWN.length);
        Document last = Jsoup.parse(new String(rendered.get("ports/65535.html"), StandardCharsets.UTF_8));
        assertThat(last.select("nav.nearby a").eachAttr("href")).containsExactly("/ports/65534");
        Document https = Jsoup.parse(new String(rendered.get("ar/ports/443.html"), StandardCharsets.UTF_8));
        assertThat(https.select("ul.related li")).isNotEmpty()
                .allMatch(li -> li.selectFirst("a[href^=/ar/ports/]") != null);
        assertThat(https.select("nav.nearby a").eachAttr("href")).containsExactly("/ar/ports/442", "/ar/ports/444");
        assertThat(new String(rendered.get("sitemaps/en-pages.xml"), StandardCharsets.UTF_8))
                .contains("<loc>https://ports.example/ports/page/256</loc>", "<loc>https://ports.example/ranges/dynamic</loc>");
        assertThat(new String(rendered.get("sitemap.xml"), StandardCharsets.UTF_8)).contains("en-ports-0.xml",
                "en-ports-1.xml", "ar-ports-1.xml");

        // the same bytes as the live site, but for the set of languages
        try (Harness h = Harness.start(Harness.settings().withPublicUrl(BASE))) {
            for (String path : List.of("/ports/80", "/ar/ports/443", "/ports/page/2", "/ar/ranges/system",
                    "/services/http", "/ar/", "/sitemap.xml", "/sitemaps/en-pages.xml", "/robots.txt",
                    "/api/v1/services/http", "/registry/changes/2025-12-15", "/registry/changes.atom")) {
                var live = h.get(path);
                assertThat(live.statusCode()).as(path).isEqualTo(200);
                String file = path.endsWith("/") ? path.substring(1) + "index.html"
                        : path.contains(".") ? path.substring(1)
                        : path.startsWith("/api/") ? path.substring(1) + ".json" : path.substring(1) + ".html";
                String exported = new String(plan.get(file).get(), StandardCharsets.UTF_8);
                String expected = Harness.text(live);
                if (path.startsWith("/sitemaps/")) {
                    // the site has a page for every service name; the export writes those that can
                    // be file names (914c/g, sql*net cannot) and lists only what it wrote
                    expected = expected.replaceAll("<url><loc>[^<]*/services/[^<]*%(2F|2A)[^<]*</loc></url>\n", "");
                }
                assertThat(StaticExportTest.comparable(exported)).as(path)
                        .isEqualTo(StaticExportTest.comparable(expected));
            }
        }
    }
}
