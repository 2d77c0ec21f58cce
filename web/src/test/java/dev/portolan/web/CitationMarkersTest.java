package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.Section;
import dev.portolan.knowledge.page.Text;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The footnote markers of port pages as the site serves them: one cluster after a sentence, its
 * markers ascending and each once, and every source the page's sentences cite still listed and
 * still pointed to by a marker. Prints, for each page, the clusters and markers a page had when
 * every sentence showed its own sources, and the ones it shows now.
 */
class CitationMarkersTest {
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static Document page(int port) {
        HttpResponse<byte[]> r = h.get("/ports/" + port);
        assertThat(r.statusCode()).isEqualTo(200);
        return Jsoup.parse(Harness.text(r), h.server.url());
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 443, 25565, 3389, 53})
    void everySourceStaysCitedAndMarked_inOneAscendingClusterPerSentence(int port) {
        PortPage model = TestPages.real().page(port);
        Document d = page(port);

        // Before: each sentence, item, command, question and answer showed all its sources.
        int clustersBefore = 0;
        int markersBefore = 0;
        Set<String> citedBefore = new TreeSet<>();
        collect(model.title(), citedBefore);
        collect(model.subtitle(), citedBefore);
        for (Text t : model.bodyTexts()) {
            collect(t, citedBefore);
            Set<String> own = new LinkedHashSet<>(t.cites());
            clustersBefore += own.isEmpty() ? 0 : 1;
            markersBefore += own.size();
        }
        for (Section s : model.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Systems t) {
                    for (Block.SystemRow row : t.rows()) {
                        citedBefore.addAll(row.cites());
                        clustersBefore++;
                        markersBefore += row.cites().size();
                    }
                }
            }
        }
        for (Block.Command c : commands(model)) {
            citedBefore.addAll(c.cites());
            clustersBefore += c.cites().isEmpty() ? 0 : 1;
            markersBefore += new LinkedHashSet<>(c.cites()).size();
        }
        Set<String> urlsBefore = new TreeSet<>();
        for (String id : citedBefore) {
            urlsBefore.add(Knowledge.embedded().citation(id).map(Citation::url).orElseThrow());
        }

        // After: what the page shows.
        List<Element> clusters = d.select("article sup.ref");
        int markersAfter = d.select("article sup.ref a").size();
        // A footnote lists one source, or the sources of a group (a system, a program, a protocol).
        Set<String> urlsListed = new TreeSet<>(d.select("ol.notes > li a[href]").eachAttr("href"));
        Set<String> urlsMarked = new TreeSet<>();
        for (Element a : d.select("article sup.ref a")) {
            urlsMarked.addAll(d.select("ol.notes > li" + a.attr("href") + " a[href]").eachAttr("href"));
        }
        System.out.printf("port %d: %d marker clusters before, %d after; %d markers before, %d after;"
                + " %d sources before, %d listed after, %d of them marked%n", port, clustersBefore, clusters.size(),
                markersBefore, markersAfter, urlsBefore.size(), urlsListed.size(), urlsMarked.size());

        assertThat(urlsListed).as("sources listed").isEqualTo(urlsBefore);
        assertThat(urlsMarked).as("sources a marker points to").isEqualTo(urlsBefore);
        for (Element cluster : clusters) {
            List<Integer> numbers = new ArrayList<>();
            cluster.select("a").forEach(a -> numbers.add(Integer.parseInt(a.attr("href").substring("#note-".length()))));
            assertThat(numbers).as(cluster.outerHtml()).isNotEmpty().isSorted().doesNotHaveDuplicates();
            Node next = cluster.nextSibling();
            assertThat(next instanceof Element e && e.hasClass("ref")).as("a second cluster after " + cluster.outerHtml())
                    .isFalse();
        }
        assertThat(clusters.size()).isLessThan(clustersBefore);
    }


    private static List<Block.Command> commands(PortPage page) {
        List<Block.Command> out = new ArrayList<>();
        for (Section s : page.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Commands c) {
                    out.addAll(c.commands());
                }
            }
        }
        return out;
    }

    /** The citations of a text and of the texts nested in its arguments. */
    private static void collect(Text t, Set<String> out) {
        out.addAll(t.cites());
        for (Object v : t.args().values()) {
            if (v instanceof Text nested) {
                collect(nested, out);
            } else if (v instanceof List<?> list) {
                list.stream().filter(Text.class::isInstance).forEach(o -> collect((Text) o, out));
            }
        }
    }
}
