package dev.portolan.knowledge.page;

import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPage.Faq;
import dev.portolan.knowledge.page.PortPage.Footnote;
import dev.portolan.knowledge.page.PortPage.Related;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the sources of a page in the order a reader meets their markers, so that the markers
 * read in ascending order wherever the text allows. A source cited only where no marker stands
 * (the title, the subtitle, an argument of a sentence) still gets a footnote, after the others:
 * no source a page rests on goes unlisted.
 */
final class Footnotes {
    private Footnotes() {}

    /** The footnotes of a page: every source its texts cite, numbered in the order of its markers. */
    static List<Footnote> of(Knowledge knowledge, Text title, Text subtitle, List<Section> sections, List<Faq> faq,
            List<Related> related) {
        List<List<String>> clusters = new ArrayList<>(Markers.inReadingOrder(sections, faq, related));
        List<String> unmarked = new ArrayList<>();
        collect(title, unmarked);
        collect(subtitle, unmarked);
        PortPage.bodyTexts(sections, faq, related).forEach(t -> collect(t, unmarked));
        if (sections.stream().flatMap(s -> s.blocks().stream()).anyMatch(b -> b instanceof Block.Assignments)) {
            unmarked.add(PortPages.REGISTRY);
        }
        clusters.add(unmarked);
        List<Footnote> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : number(clusters).entrySet()) {
            String id = e.getKey();
            Citation c = knowledge.citation(id).orElseThrow(() -> new IllegalStateException(
                    "a page cites '" + id + "', which the knowledge does not define"));
            out.add(new Footnote(e.getValue(), c));
        }
        return out;
    }

    /**
     * Numbers from 1 the citations of marker clusters given in reading order: each the first time
     * a cluster names it, in the cluster's order.
     */
    static Map<String, Integer> number(List<List<String>> clusters) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (List<String> cluster : clusters) {
            for (String id : cluster) {
                numbers.putIfAbsent(id, numbers.size() + 1);
            }
        }
        return numbers;
    }

    /** A text's citations and those of the texts nested in its arguments. */
    private static void collect(Text t, List<String> out) {
        out.addAll(t.cites());
        for (Object v : t.args().values()) {
            if (v instanceof Text nested) {
                collect(nested, out);
            } else if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Text nested) {
                        collect(nested, out);
                    }
                }
            }
        }
    }
}
