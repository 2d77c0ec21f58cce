package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages read the way a reader reads them, over the 300 ports people look up most (those the
 * curated knowledge says most of) and 2,000 others drawn at random: each page opens with a lead of
 * one to three sentences, under 60 words in English, that says what runs on the port; no sentence
 * is said twice; no more than three footnote markers stand after a sentence; the history is told in
 * date order, the registry's releases among its dates. The popular pages are read in all 15
 * languages.
 */
class PageQualityTest {
    static final int POPULAR = 300;
    static final int SAMPLE = 2_000;
    static final int MOST_LEAD_WORDS = 59;

    static Knowledge knowledge;
    static PortPages pages;
    static List<Integer> popular;
    static List<Integer> sample;

    @BeforeAll
    static void load() {
        knowledge = Knowledge.embedded();
        pages = new PortPages(Registry.of(Baseline.load()), knowledge, EmbeddedHistory.load());
        popular = popular(knowledge);
        Set<Integer> others = new TreeSet<>();
        Random random = new Random(15);
        while (others.size() < SAMPLE) {
            int port = random.nextInt(PortRange.MAX_PORT + 1);
            if (!popular.contains(port)) {
                others.add(port);
            }
        }
        sample = List.copyOf(others);
    }

    /**
     * The ports the knowledge says most of: a name people use or a protocol note first, then the
     * number of programs, then security notes; the first 300.
     */
    static List<Integer> popular(Knowledge k) {
        Map<Integer, Integer> score = new TreeMap<>();
        k.commonNames().forEach(n -> n.ports().forEach(p -> score.merge(p, 1_000, Integer::sum)));
        k.protocolNotes().forEach(n -> n.ports().forEach(p -> score.merge(p, 1_000, Integer::sum)));
        k.securityNotes().forEach(n -> n.ports().forEach(p -> score.merge(p, 10, Integer::sum)));
        for (int p : k.portsWithUses()) {
            score.merge(p, 1, Integer::sum);
        }
        return score.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(POPULAR).map(Map.Entry::getKey).toList();
    }

    @Test
    void thePopularPorts_areThreeHundredThatTheKnowledgeSpeaksOf() {
        assertThat(popular).hasSize(POPULAR).contains(22, 53, 80, 443, 3389, 5432, 6379, 25565, 27015, 9200);
    }

    @Test
    void everyPage_opensWithAShortLeadThatSaysWhatRunsThere() {
        Messages en = Messages.of(ULocale.ENGLISH);
        List<String> problems = new ArrayList<>();
        int longest = 0;
        for (int port : all()) {
            PortPage page = pages.page(port);
            Section first = page.sections().get(0);
            if (first.id() != Section.Id.LEAD) {
                problems.add(port + ": no lead");
                continue;
            }
            List<Text> lead = ((Block.Paragraph) first.blocks().get(0)).sentences();
            int words = 0;
            for (Text t : lead) {
                words += en.format(t).split("\\s+").length;
            }
            longest = Math.max(longest, words);
            if (lead.isEmpty() || lead.size() > 3 || words > MOST_LEAD_WORDS) {
                problems.add(port + ": lead of " + lead.size() + " sentences, " + words + " words");
            }
            if (port != 0 && !lead.get(0).key().matches("lead\\.(named|services|programs|unassigned|reserved|dynamic)")) {
                problems.add(port + ": the lead opens with " + lead.get(0).key());
            }
        }
        System.out.printf("leads of %d pages: the longest has %d words%n", all().size(), longest);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPage_saysEachSentenceOnce_andCitesInClustersOfAtMostThree() {
        Messages en = Messages.of(ULocale.ENGLISH);
        List<String> problems = new ArrayList<>();
        for (int port : all()) {
            PortPage page = pages.page(port);
            RepeatedSentences.in(en, page).forEach(s -> problems.add(port + ": says twice: " + s));
            for (List<Integer> cluster : page.markers().inReadingOrder(page)) {
                if (cluster.size() > SourceGroups.MOST_MARKERS) {
                    problems.add(port + ": a run of " + cluster.size() + " markers " + cluster);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void thePopularPages_readWellInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        for (ULocale language : Languages.all()) {
            Messages messages = Messages.of(language);
            for (int port : popular) {
                PortPage page = pages.page(port);
                RepeatedSentences.in(messages, page).forEach(s -> problems.add(language + " " + port + ": says twice: " + s));
                if (page.sections().get(0).id() != Section.Id.LEAD) {
                    problems.add(language + " " + port + ": no lead");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void history_isToldInDateOrder() {
        List<String> problems = new ArrayList<>();
        for (int port : all()) {
            PortPage page = pages.page(port);
            page.section(Section.Id.HISTORY).ifPresent(h -> {
                String last = "";
                for (Text t : PortPage.bodyTexts(List.of(h), List.of(), List.of())) {
                    if (t.args().get("date") instanceof PageDate d) {
                        if (d.toString().compareTo(last) < 0) {
                            problems.add(port + ": " + t.key() + " of " + d + " after " + last);
                        }
                        last = d.toString();
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private static List<Integer> all() {
        Set<Integer> out = new LinkedHashSet<>(popular);
        out.addAll(sample);
        return List.copyOf(out);
    }
}
