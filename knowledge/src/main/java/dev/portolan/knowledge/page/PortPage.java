package dev.portolan.knowledge.page;

import dev.portolan.knowledge.Citation;
import dev.portolan.core.history.PortTimeline;
import dev.portolan.knowledge.PortSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Everything Portolan says about one port, in no language yet.
 *
 * @param port the port
 * @param range {@code system}, {@code user} or {@code dynamic}
 * @param title the page title
 * @param subtitle the line under the title, chosen by rules
 * @param summary one or two sentences for search engines and link previews
 * @param breadcrumbs the path from the site's root to this page
 * @param sections the sections, in page order; sections without content are left out
 * @param faq questions and answers, from facts
 * @param related other ports worth reading, with why
 * @param previous the previous port, if any
 * @param next the next port, if any
 * @param footnotes the sources, numbered in the order a reader meets their markers (see {@link Markers})
 * @param data which registry data answered (kind of source, label, dates)
 * @param known what is on the port, as data: the names, programs, notes and citations the
 *     sentences were made from, for renderers that also give them structured (the JSON API)
 * @param timeline the port's records across the registry's releases, as data (the History
 *     section tells it); null when the page was composed without the registry's history, or
 *     over data that is not its newest release
 */
public record PortPage(int port, String range, Text title, Text subtitle, Text summary, List<Crumb> breadcrumbs,
        List<Section> sections, List<Faq> faq, List<Related> related, OptionalInt previous, OptionalInt next,
        List<Footnote> footnotes, Text data, PortSummary known, @Nullable PortTimeline timeline) {

    public PortPage {
        breadcrumbs = List.copyOf(breadcrumbs);
        sections = List.copyOf(sections);
        faq = List.copyOf(faq);
        related = List.copyOf(related);
        footnotes = List.copyOf(footnotes);
    }

    /** A page without the registry's history. */
    public PortPage(int port, String range, Text title, Text subtitle, Text summary, List<Crumb> breadcrumbs,
            List<Section> sections, List<Faq> faq, List<Related> related, OptionalInt previous, OptionalInt next,
            List<Footnote> footnotes, Text data, PortSummary known) {
        this(port, range, title, subtitle, summary, breadcrumbs, sections, faq, related, previous, next, footnotes, data,
                known, null);
    }

    /** A step of the breadcrumb trail: its label and its site path ({@code /ports}). */
    public record Crumb(Text label, String path) {}

    /** A question and its answer. */
    public record Faq(Text question, Text answer) {}

    /** A port worth reading next, and why ({@code related.tls}, {@code related.sameService}). */
    public record Related(int port, Text reason) {}

    /**
     * A numbered footnote: one source, or the sources of a {@link SourceGroup} with its label.
     *
     * @param number the number its markers show
     * @param label what the footnote is about when it lists a group, or null for a single source
     * @param sources the sources, at least one
     */
    public record Footnote(int number, @Nullable Text label, List<Citation> sources) {
        public Footnote {
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("footnote " + number + " lists no source");
            }
        }

        /** A footnote of one source. */
        public Footnote(int number, Citation source) {
            this(number, null, List.of(source));
        }
    }

    /** Where the page's footnote markers stand and which numbers they show. */
    public Markers markers() {
        return Markers.of(footnoteNumbers());
    }

    /** The footnote numbers of citation ids. */
    public Map<String, Integer> footnoteNumbers() {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Footnote f : footnotes) {
            for (dev.portolan.knowledge.Citation c : f.sources()) {
                numbers.put(c.id(), f.number());
            }
        }
        return numbers;
    }

    /** The section with this id, if the page has it. */
    public java.util.Optional<Section> section(Section.Id id) {
        for (Section s : sections) {
            if (s.id() == id) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The texts of the page's body in reading order: the sentences of paragraphs and the items of
     * lists, section by section, then the questions and answers, then the related ports' reasons.
     */
    public List<Text> bodyTexts() {
        return bodyTexts(sections, faq, related);
    }

    /** {@link #bodyTexts()} of a page still being put together. */
    static List<Text> bodyTexts(List<Section> sections, List<Faq> faq, List<Related> related) {
        List<Text> out = new java.util.ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    out.addAll(p.sentences());
                } else if (b instanceof Block.Points p) {
                    out.addAll(p.items());
                }
            }
        }
        for (Faq q : faq) {
            out.add(q.question());
            out.add(q.answer());
        }
        for (Related r : related) {
            out.add(r.reason());
        }
        return out;
    }
}
