package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Where footnote markers stand: one cluster after a sentence, ascending and each number once; a
 * run of sentences on the same sources cites them once, at its end; sources numbered in the order
 * a reader meets their markers.
 */
class MarkersTest {
    private static final Markers ABC = Markers.of(Map.of("a", 1, "b", 2, "c", 3));
    private static final Messages ENGLISH = Messages.of(ULocale.ENGLISH);
    private static final PortPages PAGES = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded());
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    private static Text citing(String... ids) {
        return Text.of("check.privileges").citing(ids);
    }

    @Test
    void aCluster_isAscending_andNamesEachSourceOnce() {
        assertThat(ABC.cluster(List.of("c", "a", "c", "b"))).containsExactly(1, 2, 3);
        assertThat(ABC.after(citing("b", "a", "b"))).containsExactly(1, 2);
        assertThat(ABC.cluster(List.of("not-on-this-page"))).isEmpty();
    }

    @Test
    void aParagraphWhoseSentencesShareTheirSources_citesThemOnceAtItsEnd() {
        assertThat(ABC.paragraph(List.of(citing("a", "b"), citing("b", "a"), citing("a", "b", "a"))))
                .containsExactly(List.of(), List.of(), List.of(1, 2));
    }

    @Test
    void aRunOnTheSameSources_sharesOneCluster_andOtherSentencesKeepTheirOwn() {
        assertThat(ABC.paragraph(List.of(citing("a"), citing("b"), citing("b"), citing("c", "a"), citing("a"))))
                .containsExactly(List.of(1), List.of(), List.of(2), List.of(1, 3), List.of(1));
    }

    @Test
    void aSentenceWithoutSources_endsARun() {
        assertThat(ABC.paragraph(List.of(citing("a"), citing(), citing("a"))))
                .containsExactly(List.of(1), List.of(), List.of(1));
    }

    @Test
    void numbering_followsTheOrderOfFirstUse_andLeavesUncitedSourcesOut() {
        Markers m = Markers.numbering(List.of(citing("c", "a"), citing(), citing("b", "a", "c")));
        assertThat(m.numbers()).containsExactly(Map.entry("c", 1), Map.entry("a", 2), Map.entry("b", 3));
        assertThat(m.after(citing("b", "a", "c"))).containsExactly(1, 2, 3);
    }

    // The renderers through their public doors: these fail where markers were placed per citation.

    /** Page 22 with one paragraph and one list, its sources numbered a=1, b=2, c=3. */
    private static PortPage crafted(List<Text> paragraph, List<Text> items) {
        PortPage p = PAGES.page(22);
        List<Section> sections = List.of(new Section(Section.Id.OVERVIEW,
                List.of(new Block.Paragraph(paragraph), new Block.Points(items))));
        List<PortPage.Footnote> notes = List.of(note(1, "a"), note(2, "b"), note(3, "c"));
        return new PortPage(p.port(), p.range(), p.title(), p.subtitle(), p.summary(), p.breadcrumbs(), sections,
                List.of(), List.of(), p.previous(), p.next(), notes, p.data(), p.known());
    }

    private static PortPage.Footnote note(int number, String id) {
        return new PortPage.Footnote(number, new Citation(id, "Source " + id, "Publisher", "https://example.org/" + id,
                false));
    }

    @Test
    void plainText_showsOneAscendingClusterAfterASentence() {
        String s = ENGLISH.format(citing());
        String text = new PlainTextPage(ENGLISH, 100_000).render(crafted(List.of(citing("c", "a", "c")),
                List.of(citing("b", "c", "b"))));
        assertThat(text).contains(s + "[1][3]\n", "- " + s + "[2][3]\n").doesNotContain("[3][1]", "[3][2]");
    }

    @Test
    void plainText_citesAParagraphOnOneSetOfSourcesOnce_atItsEnd() {
        String s = ENGLISH.format(citing());
        String text = new PlainTextPage(ENGLISH, 100_000).render(crafted(
                List.of(citing("a", "b"), citing("b", "a"), citing("c")), List.of()));
        assertThat(text).contains(s + " " + s + "[1][2] " + s + "[3]\n");
    }

    @Test
    void pageFootnotes_areNumberedInTheOrderOfTheirMarkers_andEveryOneIsMarked() {
        PlainTextPage plain = new PlainTextPage(ENGLISH, 100_000);
        for (int port : List.of(22, 53, 443, 3389, 25565)) {
            PortPage page = PAGES.page(port);
            String body = plain.render(page).split("\nSources\n")[0];
            Set<Integer> firstSeen = new LinkedHashSet<>();
            Matcher m = MARKER.matcher(body);
            while (m.find()) {
                firstSeen.add(Integer.parseInt(m.group(1)));
            }
            assertThat(firstSeen).as("port %d: footnote numbers in the order their markers appear", port)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, page.footnotes().size()).boxed().toList());
        }
    }
}
