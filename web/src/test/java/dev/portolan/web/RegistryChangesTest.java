package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NodeList;

/**
 * The registry's history on the site, over the releases embedded in the program (2017-03-10 to
 * 2025-12-15): the list of releases, the page of each release, their Atom feed, the timeline in
 * the port pages and their JSON, with the status codes, types, headers and errors of every page.
 */
class RegistryChangesTest {
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
        assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("text/html;charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValue("public, max-age=300");
        assertThat(r.headers().firstValue("ETag")).as(path).isPresent();
        return Jsoup.parse(Harness.text(r), h.server.url());
    }

    @Test
    void theList_namesEachReleaseWithItsCounts_andLinksToItsPageAndTheFeed() {
        Document d = page("/registry/changes/");
        assertThat(d.select("h1").text()).isEqualTo("What changed in the registry, release by release");
        assertThat(d.title()).isEqualTo("What changed in the registry, release by release \u00B7 Portolan");
        assertThat(d.select("p.lead").text()).isEqualTo("Portolan compares 6 releases of the IANA port registry, "
                + "from March 10, 2017 to December 15, 2025: for each release after the first, what it added, removed "
                + "and changed.");
        List<String> rows = d.select("ol.releases > li").eachText();
        assertThat(rows).hasSize(5).first().isEqualTo("December 15, 2025 70 records added, 23 removed, 47 changed.");
        assertThat(d.select("ol.releases a").eachAttr("href")).containsExactly("/registry/changes/2025-12-15",
                "/registry/changes/2024-08-01", "/registry/changes/2023-01-04", "/registry/changes/2020-12-29",
                "/registry/changes/2018-12-18");
        assertThat(d.select("a[type=application/atom+xml]").attr("href")).isEqualTo("/registry/changes.atom");
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(h.server.url() + "/registry/changes/");
        assertThat(d.select("nav.crumbs li").eachText()).containsExactly("Registry changes");
    }

    @Test
    void aRelease_tellsWhatItAddedRemovedAndChanged_byRange_linkingEachPort() {
        Document d = page("/registry/changes/2025-12-15");
        assertThat(d.select("h1").text()).isEqualTo("What changed in the registry on December 15, 2025");
        assertThat(d.select("p.lead").text()).isEqualTo("Compared with its release of August 1, 2024, the registry’s "
                + "release of December 15, 2025 adds 70 records, removes 23 and changes 47.");
        assertThat(d.select("h2").eachText()).containsExactly("Records added (70)", "Records removed (23)",
                "Records changed (47)");
        assertThat(d.select("#added h3").eachText()).startsWith("System Ports (14)", "User Ports (40)");
        assertThat(d.select("nav.contents a").eachAttr("href")).containsExactly("#added", "#removed", "#changed");
        // port 2 lost compressnet on TCP and UDP: one line for both
        Element compressnet = d.select("#removed li").stream()
                .filter(li -> li.select(".service").text().equals("compressnet")).findFirst().orElseThrow();
        assertThat(compressnet.select("a.port").attr("href")).isEqualTo("/ports/2");
        assertThat(compressnet.select(".record").text()).isEqualTo("Port 2 TCP, UDP compressnet");
        Element skytale = d.select("#changed li").stream()
                .filter(li -> li.select(".service").text().equals("skytale")).findFirst().orElseThrow();
        assertThat(skytale.select("a.port").attr("href")).isEqualTo("/ports/4319");
        assertThat(skytale.select("ul.fields li").eachText()).startsWith("The service fox-skytale was renamed skytale.",
                "The description of skytale changed from “Fox SkyTale encrypted communication” to “Sentyron SkyTale "
                        + "encrypted communication”.");
        assertThat(d.select("nav.nearby a").eachText()).containsExactly("Previous release: August 1, 2024",
                "All releases");
        assertThat(d.select("nav.crumbs a").eachAttr("href")).containsExactly("/registry/changes/",
                "/registry/changes/2025-12-15");
        // every record of the release is on the page
        int records = 0;
        for (Element h3 : d.select("h3")) {
            records += Integer.parseInt(h3.text().replaceAll(".*\\((\\d+)\\)$", "$1"));
        }
        assertThat(records).isEqualTo(70 + 23 + 47);
    }

    @Test
    void anOlderRelease_linksToTheReleasesAroundIt() {
        Document d = page("/registry/changes/2018-12-18");
        assertThat(d.select("h1").text()).isEqualTo("What changed in the registry on December 18, 2018");
        // the oldest release, of 2017-03-10, has no page: the comparison starts there
        assertThat(d.select("nav.nearby a").eachAttr("href")).containsExactly("/registry/changes/2020-12-29",
                "/registry/changes/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/registry/changes/2017-03-10", "/registry/changes/2025-12-14",
        "/registry/changes/2025-13-01", "/registry/changes/20251215", "/registry/changes/latest",
        "/es/registry/changes/2000-01-01"})
    void aDayWithoutAReleasePage_isA404_withTheSitesErrorPage(String path) {
        HttpResponse<byte[]> r = h.get(path);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document d = Jsoup.parse(Harness.text(r));
        String day = path.substring(path.lastIndexOf('/') + 1);
        if (path.startsWith("/es/")) {
            assertThat(d.select("html").attr("lang")).isEqualTo("es");
            assertThat(d.select("p.lead").text()).isEqualTo("Portolan no conoce ninguna edición del registro del "
                    + day + "; la lista de ediciones muestra las que compara.");
        } else {
            assertThat(d.select("h1").text()).isEqualTo("404: Not found");
            assertThat(d.select("p.lead").text()).isEqualTo("Portolan knows no release of the registry dated " + day
                    + "; the list of releases shows those it compares.");
        }
    }

    @Test
    void theListWithoutItsSlash_redirects_andHeadAnswersWithoutABody() {
        HttpResponse<byte[]> bare = h.get("/registry/changes");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/registry/changes/");
        assertThat(h.get("/fr/registry/changes").headers().firstValue("Location")).hasValue("/fr/registry/changes/");
        HttpResponse<byte[]> head = h.head("/registry/changes/2024-08-01");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        String etag = h.get("/registry/changes/2024-08-01").headers().firstValue("ETag").orElseThrow();
        assertThat(h.get("/registry/changes/2024-08-01", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(h.method("POST", "/registry/changes/").statusCode()).isEqualTo(405);
    }

    @Test
    void everyLanguage_hasThePages_underItsPrefix_inItsWords() {
        Document es = page("/es/registry/changes/2025-12-15");
        assertThat(es.select("html").attr("lang")).isEqualTo("es");
        assertThat(es.select("h1").text()).isEqualTo("Qué cambió en el registro el 15 de diciembre de 2025");
        assertThat(es.select("h2").eachText()).containsExactly("Entradas añadidas (70)", "Entradas eliminadas (23)",
                "Entradas modificadas (47)");
        assertThat(es.select("#removed a.port").first().attr("href")).isEqualTo("/es/ports/2");
        Document ar = page("/ar/registry/changes/");
        assertThat(ar.select("html").attr("dir")).isEqualTo("rtl");
        assertThat(ar.select("ol.releases a").first().attr("href")).isEqualTo("/ar/registry/changes/2025-12-15");
        for (String code : List.of("de", "pt", "fr", "ru", "zh", "ja", "hi", "bn", "id", "vi", "fa", "ps")) {
            Document d = page("/" + code + "/registry/changes/2025-12-15");
            assertThat(d.select("h1").text()).as(code).isNotBlank().doesNotContain("What changed", "registry");
            assertThat(d.select("details.languages a[hreflang=en]").attr("href"))
                    .isEqualTo("/registry/changes/2025-12-15");
        }
    }

    @Test
    void theFeed_isValidAtom_oneEntryARelease_linkingItsPage() throws Exception {
        HttpResponse<byte[]> r = h.get("/registry/changes.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        org.w3c.dom.Document feed = parse(r.body());
        org.w3c.dom.Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
        // RFC 4287, 4.1.1: a feed has exactly one id, title and updated, and an author when its entries have none
        assertThat(children(root, "id")).containsExactly(h.server.url() + "/registry/changes/");
        assertThat(children(root, "title")).containsExactly("What changed in the registry, release by release");
        assertThat(children(root, "updated")).containsExactly("2025-12-15T00:00:00Z");
        assertThat(children(root, "author")).hasSize(1);
        List<String> links = new ArrayList<>();
        NodeList ls = root.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < ls.getLength(); i++) {
            org.w3c.dom.Element l = (org.w3c.dom.Element) ls.item(i);
            if (l.getParentNode() == root) {
                links.add(l.getAttribute("rel") + " " + l.getAttribute("href"));
            }
        }
        assertThat(links).containsExactly("self " + h.server.url() + "/registry/changes.atom",
                "alternate " + h.server.url() + "/registry/changes/");
        NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
        assertThat(entries.getLength()).isEqualTo(5);
        org.w3c.dom.Element newest = (org.w3c.dom.Element) entries.item(0);
        assertThat(children(newest, "id")).containsExactly(h.server.url() + "/registry/changes/2025-12-15");
        assertThat(children(newest, "title")).containsExactly("What changed in the registry on December 15, 2025");
        assertThat(children(newest, "updated")).containsExactly("2025-12-15T00:00:00Z");
        assertThat(children(newest, "summary")).containsExactly("Compared with its release of August 1, 2024, the "
                + "registry’s release of December 15, 2025 adds 70 records, removes 23 and changes 47.");
        org.w3c.dom.Element link = (org.w3c.dom.Element) newest.getElementsByTagNameNS(ATOM, "link").item(0);
        assertThat(link.getAttribute("href")).isEqualTo(h.server.url() + "/registry/changes/2025-12-15");
        assertThat(h.get(link.getAttribute("href").substring(h.server.url().length())).statusCode()).isEqualTo(200);
        // in Arabic, under its prefix, linking the Arabic pages
        org.w3c.dom.Document ar = parse(h.get("/ar/registry/changes.atom").body());
        assertThat(ar.getDocumentElement().getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("ar");
        assertThat(children(ar.getDocumentElement(), "id")).containsExactly(h.server.url() + "/ar/registry/changes/");
    }

    @Test
    void theFeed_escapesWhatXmlReserves() {
        assertThat(ChangeFeed.escape("a < b & \"c\" > 'd'")).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
    }

    @Test
    void theSitemaps_listThePages_inEveryLanguage() {
        String en = Harness.text(h.get("/sitemaps/en-pages.xml"));
        assertThat(en).contains("<loc>" + h.server.url() + "/registry/changes/</loc>",
                "<loc>" + h.server.url() + "/registry/changes/2025-12-15</loc>",
                "<loc>" + h.server.url() + "/registry/changes/2018-12-18</loc>")
                .doesNotContain("/registry/changes/2017-03-10");
        assertThat(Harness.text(h.get("/sitemaps/ja-pages.xml"))).contains("/ja/registry/changes/2024-08-01</loc>");
    }

    @Test
    void theHomePage_andThePortPages_linkTheList() {
        assertThat(page("/").select("a[href=/registry/changes/]").text())
                .isEqualTo("What changed in the registry, release by release");
        assertThat(page("/de/ports/2").select("#history a[href=/de/registry/changes/]")).hasSize(1);
    }

    @Test
    void thePortPage_tellsItsTimeline_andItsJsonGivesItAsData() throws Exception {
        Document d = page("/ports/2");
        assertThat(d.select("#history p").eachText()).anySatisfy(p -> assertThat(p).contains(
                "Port 2 lost compressnet between the registry’s releases of August 1, 2024 and December 15, 2025, "
                        + "and the registry reserved the port instead."));
        JsonNode p = JSON.readTree(h.get("/api/v1/ports/2").body());
        JsonNode t = p.path("timeline");
        assertThat(t.path("releases")).hasSize(6);
        assertThat(t.path("releases").get(0).asText()).isEqualTo("2017-03-10");
        assertThat(t.path("since").path("after").asText()).isEqualTo("2024-08-01");
        assertThat(t.path("since").path("by").asText()).isEqualTo("2025-12-15");
        JsonNode compressnet = null;
        for (JsonNode r : t.path("records")) {
            if (r.path("service").asText().equals("compressnet") && r.path("transport").asText().equals("tcp")) {
                compressnet = r;
            }
        }
        assertThat(compressnet).isNotNull();
        assertThat(compressnet.path("ports").asText()).isEqualTo("2");
        assertThat(compressnet.path("current").asBoolean()).isFalse();
        assertThat(compressnet.path("events").toString()).isEqualTo("[{\"kind\":\"added\",\"after\":null,"
                + "\"by\":\"2017-03-10\"},{\"kind\":\"removed\",\"after\":\"2024-08-01\",\"by\":\"2025-12-15\"}]");
        // a change carries its fields, before and after
        JsonNode http = null;
        for (JsonNode r : JSON.readTree(h.get("/api/v1/ports/80").body()).path("timeline").path("records")) {
            if (r.path("service").asText().equals("http") && r.path("transport").asText().equals("tcp")) {
                http = r;
            }
        }
        assertThat(http.path("current").asBoolean()).isTrue();
        JsonNode changed = http.path("events").get(1);
        assertThat(changed.path("kind").asText()).isEqualTo("changed");
        assertThat(changed.path("fields").toString()).isEqualTo("[{\"field\":\"assignees\",\"before\":[],"
                + "\"after\":[\"IESG\"]},{\"field\":\"contacts\",\"before\":[],\"after\":[\"IETF Chair\"]},"
                + "{\"field\":\"modified\",\"before\":null,\"after\":\"2021-10-01\"},{\"field\":\"references\","
                + "\"before\":[],\"after\":[\"RFC9110\"]}]");
        // the sentences are in the history section, with their keys
        assertThat(p.path("sections").findValuesAsText("key")).contains("timeline.first", "timeline.removed");
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new ByteArrayInputStream(xml));
    }

    /** The texts of an element's children of one Atom name. */
    private static List<String> children(org.w3c.dom.Element parent, String name) {
        List<String> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e.getTextContent());
            }
        }
        return out;
    }
}
