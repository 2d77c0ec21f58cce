package dev.portolan.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The search against a table of what people type and the ports they want
 * ({@code search/queries.tsv}: query, language, the port that must come first or {@code none},
 * the ports that must all be in the first three, and why). Precision at 1 is the share of queries
 * whose first result is the expected one; precision at 3 the share whose first three results hold
 * every expected port (and, for {@code none}, that nothing is found). The figures and every miss
 * are printed; the test fails below the floor the search has reached, so a change that makes it
 * worse is caught.
 */
class SearchQualityTest {
    /** The floors: what the search reached on the embedded data when the table was written, a little less. */
    static final double MIN_P1 = 0.90;
    static final double MIN_P3 = 0.96;

    record Row(String query, String lang, String top1, List<Integer> top3, String why) {}

    record Score(int n, int p1, int p3, List<String> misses) {
        double precision1() {
            return p1 / (double) n;
        }

        double precision3() {
            return p3 / (double) n;
        }

        String report(String data) {
            return String.format(Locale.ROOT, "search quality on %s: %d queries, precision at 1 %.3f, at 3 %.3f%n%s", data,
                    n, precision1(), precision3(), String.join("\n", misses));
        }
    }

    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = SearchQualityTest.class.getResourceAsStream("/search/queries.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("query\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<Integer> top3 = f[3].isEmpty() ? List.of()
                        : Arrays.stream(f[3].split(",")).map(s -> Integer.parseInt(s.strip())).toList();
                rows.add(new Row(f[0], f[1], f[2], top3, f[4]));
            }
        }
        return rows;
    }

    static Score score(PortSearch search, List<Row> rows) {
        int p1 = 0;
        int p3 = 0;
        List<String> misses = new ArrayList<>();
        for (Row r : rows) {
            List<Integer> got;
            try {
                got = search.search(SearchQuery.parse(r.query()), r.lang(), 5).hits().stream().map(SearchHit::port)
                        .toList();
            } catch (SearchQueryException e) {
                misses.add("  " + r.query() + " [" + r.lang() + "]: refused: " + e.getMessage());
                continue;
            }
            boolean first;
            boolean three;
            if (r.top1().equals("none")) {
                first = got.isEmpty();
                three = first;
            } else {
                first = !got.isEmpty() && got.get(0) == Integer.parseInt(r.top1());
                three = got.subList(0, Math.min(3, got.size())).containsAll(r.top3());
            }
            p1 += first ? 1 : 0;
            p3 += three ? 1 : 0;
            if (!first || !three) {
                misses.add("  " + r.query() + " [" + r.lang() + "]: wanted " + r.top1() + " " + r.top3() + ", got " + got
                        + " (" + r.why() + ")");
            }
        }
        return new Score(rows.size(), p1, p3, misses);
    }

    @Test
    void theTableHasTheQueriesTheSearchMustAnswer() throws IOException {
        List<Row> rows = table();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rows).extracting(Row::lang).contains("en", "es", "de", "ru", "zh", "ja", "ar");
        assertThat(rows).filteredOn(r -> r.top1().equals("none")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(rows).allSatisfy(r -> assertThat(r.top1().equals("none") || r.top3().contains(
                Integer.parseInt(r.top1()))).as(r.query()).isTrue());
    }

    @Test
    void onTheEmbeddedData_theSearchFindsWhatPeopleWant() throws IOException {
        Score s = score(PortSearch.over(Registry.of(Baseline.load())), table());
        System.out.println(s.report("the embedded baseline"));
        assertThat(s.precision1()).as(s.report("the embedded baseline")).isGreaterThanOrEqualTo(MIN_P1);
        assertThat(s.precision3()).as(s.report("the embedded baseline")).isGreaterThanOrEqualTo(MIN_P3);
    }

    @Test
    void queriesThatMustFindNothing_findNothing() throws IOException, SearchQueryException {
        PortSearch search = PortSearch.over(Registry.of(Baseline.load()));
        for (Row r : table()) {
            if (r.top1().equals("none")) {
                assertThat(search.search(SearchQuery.parse(r.query()), r.lang(), 5).hits()).as(r.query()).isEmpty();
            }
        }
    }

    @Test
    void onTheFullRegistry_theSearchFindsWhatPeopleWant() throws IOException {
        PortSearch search = PortSearch.of(new PortSummaries(Registry.of(SharedRegistryData.xml()), Knowledge.embedded()));
        Score s = score(search, table());
        System.out.println(s.report("the full IANA registry"));
        assertThat(s.precision1()).as(s.report("the full IANA registry")).isGreaterThanOrEqualTo(MIN_P1 - 0.03);
        assertThat(s.precision3()).as(s.report("the full IANA registry")).isGreaterThanOrEqualTo(MIN_P3 - 0.03);
    }
}
