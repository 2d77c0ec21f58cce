package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Every port page in English, read the way a reader reads it: each sentence said once; after a
 * sentence at most one cluster of footnote markers, ascending, no number twice; the footnotes
 * numbered in the order their markers appear, and each one marked. All 65,536 pages over the
 * embedded registry; over the full registry (where the shared data is present) every port the
 * curated knowledge says something of and every 97th port. Composing and reading the 65,536 pages
 * takes about 15 seconds.
 *
 * <p>No cluster holds more than three markers: the sources of one system, program or protocol
 * share a footnote.
 */
class EveryPortPageTest {
    /** The most markers after one sentence on any page. */
    static final int LONGEST_CLUSTER = 3;

    private static final Pattern CLUSTER = Pattern.compile("(?:\\[\\d+])+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Messages ENGLISH = Messages.of(ULocale.ENGLISH);
    private static final PlainTextPage PLAIN = new PlainTextPage(ENGLISH, 100_000);
    /** Every this many ports: the full registry's sample, and the pages also rendered as text and read back. */
    private static final int EVERY = 97;

    @Test
    void embeddedRegistry_everyPort() {
        PortPages pages = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded());
        long start = System.nanoTime();
        Reading r = read(pages, IntStream.rangeClosed(PortRange.MIN_PORT, PortRange.MAX_PORT).boxed().toList());
        System.out.printf("every port page, embedded registry: %s (%.1f s)%n", r, (System.nanoTime() - start) / 1e9);
        assertThat(r.problems).isEmpty();
        assertThat(r.pages).isEqualTo(65_536);
        assertThat(r.longest).as("longest cluster (port %d)", r.longestPort).isLessThanOrEqualTo(LONGEST_CLUSTER);
        assertThat(r.overThree).as("pages with a cluster of more than three markers").isZero();
    }

    @Test
    void fullRegistry_curatedPortsAndEvery97th() {
        Knowledge knowledge = Knowledge.embedded();
        PortPages pages = new PortPages(Registry.of(SharedRegistryData.xml()), knowledge);
        Set<Integer> ports = new TreeSet<>(knowledge.portsWithUses());
        knowledge.commonNames().forEach(n -> ports.addAll(n.ports()));
        knowledge.protocolNotes().forEach(n -> ports.addAll(n.ports()));
        knowledge.securityNotes().forEach(n -> ports.addAll(n.ports()));
        knowledge.allMalware().forEach(m -> ports.add(m.port()));
        knowledge.deassignments().forEach(d -> ports.addAll(d.ports()));
        ports.addAll(knowledge.badPorts());
        for (int p = PortRange.MIN_PORT; p <= PortRange.MAX_PORT; p += EVERY) {
            ports.add(p);
        }
        long start = System.nanoTime();
        Reading r = read(pages, List.copyOf(ports));
        System.out.printf("curated and every 97th port page, full registry: %s (%.1f s)%n", r,
                (System.nanoTime() - start) / 1e9);
        assertThat(r.problems).isEmpty();
        assertThat(r.longest).as("longest cluster (port %d)", r.longestPort).isLessThanOrEqualTo(LONGEST_CLUSTER);
    }

    /** What reading some pages found. */
    private static final class Reading {
        int pages;
        int longest;
        int longestPort = -1;
        int overThree;
        long clustersOverThree;
        final List<String> problems = new ArrayList<>();

        void problem(int port, String what) {
            if (problems.size() < 20) {
                problems.add("port " + port + ": " + what);
            }
        }

        @Override
        public String toString() {
            return pages + " pages, longest cluster " + longest + " markers (port " + longestPort + "), "
                    + overThree + " pages with a cluster of more than 3, " + clustersOverThree + " such clusters";
        }
    }

    private static Reading read(PortPages pages, List<Integer> ports) {
        Reading r = new Reading();
        for (int port : ports) {
            PortPage page = pages.page(port);
            r.pages++;
            for (String s : RepeatedSentences.in(ENGLISH, page)) {
                r.problem(port, "says twice: " + s);
            }
            // The clusters every renderer shows, in reading order (one per command, as the site shows them).
            List<List<Integer>> clusters = page.markers().inReadingOrder(page);
            r.clustersOverThree += clusters.stream().filter(c -> c.size() > 3).count();
            int longest = check(r, page, clusters);
            if (longest > r.longest) {
                r.longest = longest;
                r.longestPort = port;
            }
            if (longest > 3) {
                r.overThree++;
            }
            if (port % EVERY == 0) {
                // The text as the command line prints it, markers read back from it.
                check(r, page, rendered(PLAIN.render(page).split("\nSources\n", 2)[0]));
            }
        }
        return r;
    }

    /** Checks the clusters of a page, in reading order; returns the length of the longest. */
    private static int check(Reading r, PortPage page, List<List<Integer>> clusters) {
        int port = page.port();
        Set<Integer> firstSeen = new LinkedHashSet<>();
        int pageLongest = 0;
        for (List<Integer> cluster : clusters) {
            if (cluster.isEmpty() || !cluster.equals(new ArrayList<>(new TreeSet<>(cluster)))) {
                r.problem(port, "cluster empty, not ascending or with a number twice: " + cluster);
            }
            firstSeen.addAll(cluster);
            pageLongest = Math.max(pageLongest, cluster.size());
        }
        List<Integer> expected = IntStream.rangeClosed(1, page.footnotes().size()).boxed().toList();
        if (!new ArrayList<>(firstSeen).equals(expected)) {
            r.problem(port, page.footnotes().size() + " footnotes, first marked in the order " + firstSeen);
        }
        return pageLongest;
    }

    /** The clusters of markers in a text: runs of {@code [n]}. */
    private static List<List<Integer>> rendered(String text) {
        List<List<Integer>> out = new ArrayList<>();
        Matcher m = CLUSTER.matcher(text);
        while (m.find()) {
            List<Integer> cluster = new ArrayList<>();
            Matcher n = NUMBER.matcher(m.group());
            while (n.find()) {
                cluster.add(Integer.parseInt(n.group()));
            }
            out.add(cluster);
        }
        return out;
    }
}
