package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The sitemap index, its parts, and robots.txt. */
class SitemapTest {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start(Harness.settings().withPublicUrl("https://ports.example"));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static List<String> locs(String path) throws Exception {
        HttpResponse<byte[]> r = h.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml;charset=utf-8");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertThat(d.getDocumentElement().getNamespaceURI()).isEqualTo(NS);
        NodeList nodes = d.getElementsByTagNameNS(NS, "loc");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void index_pointsToPartsThatListEveryPortPage() throws Exception {
        List<String> parts = locs("/sitemap.xml");
        // three parts a language, fifteen languages
        assertThat(parts).hasSize(45).startsWith("https://ports.example/sitemaps/en-pages.xml",
                "https://ports.example/sitemaps/en-ports-0.xml", "https://ports.example/sitemaps/en-ports-1.xml",
                "https://ports.example/sitemaps/es-pages.xml").contains("https://ports.example/sitemaps/ps-ports-1.xml");
        for (String lang : List.of("en", "ar")) {
            Set<String> ports = new HashSet<>();
            for (String part : parts) {
                if (part.contains("/" + lang + "-ports-")) {
                    List<String> urls = locs(part.substring("https://ports.example".length()));
                    assertThat(urls.size()).as(part).isBetween(1, 50_000);
                    ports.addAll(urls);
                }
            }
            String prefix = lang.equals("en") ? "https://ports.example" : "https://ports.example/" + lang;
            assertThat(ports).hasSize(65_536).contains(prefix + "/ports/0", prefix + "/ports/65535");
        }
    }

    @Test
    void pagesPart_listsListsRangesServicesAndTheRegistrysReleases() throws Exception {
        assertThat(locs("/sitemaps/fa-pages.xml")).contains("https://ports.example/fa/",
                "https://ports.example/fa/ports/page/2", "https://ports.example/fa/services/http");
        assertThat(h.get("/sitemaps/pages.xml").statusCode()).isEqualTo(404);
        assertThat(h.get("/sitemaps/xx-pages.xml").statusCode()).isEqualTo(404);
        List<String> urls = locs("/sitemaps/en-pages.xml");
        assertThat(urls).contains("https://ports.example/", "https://ports.example/ports",
                "https://ports.example/ports/page/256", "https://ports.example/ranges/dynamic",
                "https://ports.example/services/http");
        assertThat(urls).doesNotHaveDuplicates();
        // the listed service pages exist, and so do the pages of the registry's releases, listed last
        List<String> services = urls.stream().filter(u -> u.contains("/services/")).toList();
        List<String> releases = urls.stream().filter(u -> u.contains("/registry/changes/")).toList();
        assertThat(releases).hasSize(6).startsWith("https://ports.example/registry/changes/");
        assertThat(urls.subList(urls.size() - releases.size(), urls.size())).isEqualTo(releases);
        List<String> checked = new java.util.ArrayList<>(services.subList(services.size() - 5, services.size()));
        checked.addAll(releases);
        for (String u : checked) {
            assertThat(h.get(u.substring("https://ports.example".length())).statusCode()).as(u).isEqualTo(200);
        }
    }

    @Test
    void robots_pointsToTheSitemap() {
        HttpResponse<byte[]> r = h.get("/robots.txt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
        assertThat(Harness.text(r)).startsWith("User-agent: *\nDisallow: /search\nDisallow: /es/search\n")
                .contains("Disallow: /ps/search\nDisallow: /api/\nAllow: /\n\nSitemap: https://ports.example/sitemap.xml\n");
    }

    @Test
    void publicUrl_namesCanonicalLinks() {
        assertThat(Harness.text(h.get("/ports/22"))).contains(
                "<link rel=\"canonical\" href=\"https://ports.example/ports/22\">");
    }
}
