package dev.portolan.knowledge.page;

import dev.portolan.knowledge.page.PortPage.Faq;
import dev.portolan.knowledge.page.PortPage.Related;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the footnote markers of a page stand and which numbers they show. Every renderer that
 * places markers (HTML, JSON, plain text, the command line's answers) asks this class, so that all
 * of them cite alike.
 *
 * <ul>
 *   <li>After a sentence stands at most one cluster of markers: the numbers of the footnotes it
 *       cites, ascending, each once ({@code [3][8]}, never {@code [8][3][8]}).
 *   <li>Consecutive sentences of a paragraph that rest on the same sources are cited once, after
 *       the last of them: a paragraph whose sentences all share their sources cites them at its
 *       end. Items of a list, questions, answers and commands each stand alone.
 *   <li>The title and the subtitle carry no markers: they restate what the sections say and cite.
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Markers {
    private final Map<String, Integer> numbers;

    private Markers(Map<String, Integer> numbers) {
        this.numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /** The markers of a page whose sources have these numbers. */
    static Markers of(Map<String, Integer> numbers) {
        return new Markers(numbers);
    }

    /** Each citation its own footnote key. */
    private static final java.util.function.Function<String, String> SAME = new java.util.function.Function<>() {
        @Override
        public String apply(String id) {
            return id;
        }
    };

    /**
     * The markers of texts that each stand alone (the lines of a list), their sources numbered in
     * the order a reader meets them; sources that no text cites get no number.
     */
    public static Markers numbering(List<Text> lines) {
        // loops and a class rather than lambdas: the command line numbers its lines too, and each
        // lambda costs its start to link (bench/README.md)
        List<List<String>> clusters = new ArrayList<>(lines.size());
        for (Text t : lines) {
            clusters.add(t.cites());
        }
        return new Markers(Footnotes.number(clusters, SAME));
    }

    /** The numbered citation ids, in the order of their numbers. */
    public Map<String, Integer> numbers() {
        return numbers;
    }

    /** The cluster after a text that stands alone: its footnote numbers, ascending, each once. */
    public List<Integer> after(Text text) {
        return cluster(text.cites());
    }

    /** The cluster that names these citations: their footnote numbers, ascending, each once. */
    public List<Integer> cluster(List<String> cites) {
        Set<Integer> out = new TreeSet<>();
        for (String id : cites) {
            Integer n = numbers.get(id);
            if (n != null) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The cluster after each sentence of a paragraph, in order: empty after a sentence whose
     * sources the next sentence shares, so that a run of sentences on the same sources cites them
     * once, at its end.
     */
    public List<List<Integer>> paragraph(List<Text> sentences) {
        List<List<Integer>> out = new ArrayList<>(sentences.size());
        for (List<String> ids : placed(sentences, new Numbered())) {
            out.add(cluster(ids));
        }
        return out;
    }

    /**
     * The marker clusters of a page's body in reading order (see {@link #inReadingOrder(List,
     * List, List, java.util.function.Function)}), as footnote numbers.
     */
    public List<List<Integer>> inReadingOrder(PortPage page) {
        List<List<Integer>> out = new ArrayList<>();
        for (List<String> ids : inReadingOrder(page.sections(), page.faq(), page.related(), new Numbered())) {
            out.add(cluster(ids));
        }
        return out;
    }

    /** A citation's footnote, as its number. */
    private final class Numbered implements java.util.function.Function<String, String> {
        @Override
        public String apply(String id) {
            return String.valueOf(numbers.get(id));
        }
    }

    /**
     * The citations that the markers after each sentence of a paragraph name: the sentence's own,
     * each once, or none when the next sentence rests on the same footnotes ({@code key} gives a
     * citation's footnote).
     */
    static List<List<String>> placed(List<Text> sentences, java.util.function.Function<String, String> key) {
        List<List<String>> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Set<String> own = new LinkedHashSet<>(sentences.get(i).cites());
            boolean sharedWithNext = i + 1 < sentences.size()
                    && keys(own, key).equals(keys(sentences.get(i + 1).cites(), key));
            out.add(sharedWithNext ? List.of() : List.copyOf(own));
        }
        return out;
    }

    private static Set<String> keys(java.util.Collection<String> ids, java.util.function.Function<String, String> key) {
        Set<String> out = new java.util.HashSet<>();
        for (String id : ids) {
            out.add(key.apply(id));
        }
        return out;
    }

    /**
     * The citations each marker cluster of a page's body names, in reading order: the sections,
     * then the questions and answers, then the related ports. Empty clusters are left out.
     */
    static List<List<String>> inReadingOrder(List<Section> sections, List<Faq> faq, List<Related> related,
            java.util.function.Function<String, String> key) {
        List<List<String>> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    out.addAll(placed(p.sentences(), key));
                } else if (b instanceof Block.Points p) {
                    for (Text t : p.items()) {
                        out.add(t.cites());
                    }
                } else if (b instanceof Block.Commands c) {
                    for (Block.Command cmd : c.commands()) {
                        out.add(cmd.cites());
                    }
                } else if (b instanceof Block.Systems t) {
                    for (Block.SystemRow row : t.rows()) {
                        out.add(row.cites());
                    }
                }
            }
        }
        for (Faq q : faq) {
            out.add(q.question().cites());
            out.add(q.answer().cites());
        }
        for (Related r : related) {
            out.add(r.reason().cites());
        }
        List<List<String>> clusters = new ArrayList<>(out.size());
        for (List<String> cluster : out) {
            if (!cluster.isEmpty()) {
                clusters.add(cluster);
            }
        }
        return clusters;
    }
}
