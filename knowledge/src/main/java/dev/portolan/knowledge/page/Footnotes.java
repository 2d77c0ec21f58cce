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
import java.util.Set;
import java.util.function.Function;

/**
 * Numbers the sources of a page in the order a reader meets their markers, so that the markers
 * read in ascending order wherever the text allows. The sources of one {@link SourceGroup} share
 * a footnote (a citation in several groups goes to the first of them). A source cited only where
 * no marker stands (the title, the subtitle, an argument of a sentence) still gets a footnote,
 * after the others: no source a page rests on goes unlisted.
 */
final class Footnotes {
    private Footnotes() {}

    /** The footnotes of a page: every source its texts cite, numbered in the order of its markers. */
    static List<Footnote> of(Knowledge knowledge, List<SourceGroup> groups, List<Text> unmarkedTexts,
            List<Section> sections, List<Faq> faq, List<Related> related) {
        Map<String, SourceGroup> groupOf = new LinkedHashMap<>();
        for (SourceGroup g : groups) {
            for (String id : g.cites()) {
                groupOf.putIfAbsent(id, g);
            }
        }
        Function<String, String> key = new GroupKey(groupOf);
        List<List<String>> clusters = new ArrayList<>(Markers.inReadingOrder(sections, faq, related, key));
        List<String> unmarked = new ArrayList<>();
        for (Text t : unmarkedTexts) {
            collect(t, unmarked);
        }
        for (Text t : PortPage.bodyTexts(sections, faq, related)) {
            collect(t, unmarked);
        }
        if (hasAssignments(sections)) {
            unmarked.add(PortPages.REGISTRY);
        }
        clusters.add(unmarked);
        // Every cited id under its footnote's key, in the order the page first cites it.
        Map<String, Set<String>> members = new LinkedHashMap<>();
        for (List<String> cluster : clusters) {
            for (String id : cluster) {
                Buckets.set(members, key.apply(id)).add(id);
            }
        }
        List<Footnote> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : number(clusters, key).entrySet()) {
            String k = e.getKey();
            SourceGroup g = k.startsWith("group:") ? groupOf.get(members.get(k).iterator().next()) : null;
            List<String> ids = new ArrayList<>(members.get(k));
            if (g != null) {
                ids.sort(new InGroupOrder(g.cites()));
            }
            List<Citation> sources = new ArrayList<>(ids.size());
            for (String id : ids) {
                java.util.Optional<Citation> c = knowledge.citation(id);
                if (c.isEmpty()) {
                    throw new IllegalStateException("a page cites '" + id + "', which the knowledge does not define");
                }
                sources.add(c.get());
            }
            out.add(new Footnote(e.getValue(), g == null ? null : g.label(), sources));
        }
        return out;
    }

    private static boolean hasAssignments(List<Section> sections) {
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Assignments) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A citation's footnote key: its group's ({@code group:<id>}) or its own id. */
    private static final class GroupKey implements Function<String, String> {
        private final Map<String, SourceGroup> groupOf;

        GroupKey(Map<String, SourceGroup> groupOf) {
            this.groupOf = groupOf;
        }

        @Override
        public String apply(String id) {
            SourceGroup g = groupOf.get(id);
            return g != null ? "group:" + g.id() : id;
        }
    }

    /** Citations in the order their group lists them. */
    private static final class InGroupOrder implements java.util.Comparator<String> {
        private final List<String> order;

        InGroupOrder(List<String> order) {
            this.order = order;
        }

        @Override
        public int compare(String a, String b) {
            return Integer.compare(order.indexOf(a), order.indexOf(b));
        }
    }

    /**
     * Numbers from 1 the footnote keys of marker clusters given in reading order: each the first
     * time a cluster names one of its citations.
     */
    static Map<String, Integer> number(List<List<String>> clusters, Function<String, String> key) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (List<String> cluster : clusters) {
            for (String id : cluster) {
                numbers.putIfAbsent(key.apply(id), numbers.size() + 1);
            }
        }
        return numbers;
    }

    /** A text's citations and those of the texts nested in its arguments. */
    static void collect(Text t, List<String> out) {
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
