package dev.portolan.knowledge.text;

import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.Markers;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.Section;
import dev.portolan.knowledge.page.Text;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link PortPage} as plain text for a terminal: headings, wrapped paragraphs with
 * footnote markers such as {@code [3][8]} where {@link Markers} places them, commands indented as
 * they are to be typed, registry records one field a line, and the numbered sources at the end. A
 * label and what follows it are joined by the language's own pattern ({@code text.labelled}:
 * “Assignee: IESG”, “Attributaire : IESG”, “割り当て先：IESG”).
 */
public final class PlainTextPage {
    private static final char WORD_JOINER = '\u2060';

    /** Line break iterators by the file of their compiled rules, guarded by the class. */
    private static final java.util.Map<String, BreakIterator> RULES = new java.util.HashMap<>();

    private final Messages messages;
    private final int width;

    /**
     * @param messages the language
     * @param width the column to wrap prose at (commands are never wrapped); at least 20
     */
    public PlainTextPage(Messages messages, int width) {
        if (width < 20) {
            throw new IllegalArgumentException("width must be at least 20 columns, not " + width);
        }
        this.messages = messages;
        this.width = width;
    }

    /** The page as text, ending with a line break. */
    public String render(PortPage page) {
        Markers markers = page.markers();
        StringBuilder out = new StringBuilder();
        String title = messages.format(page.title());
        out.append(title).append('\n').append("=".repeat(Math.min(width, columns(title)))).append('\n');
        wrap(out, messages.format(page.subtitle()), "");
        for (Section s : page.sections()) {
            out.append('\n');
            if (s.id() != Section.Id.LEAD) {
                heading(out, messages.format("section." + s.id().id() + ".heading", "port",
                        Integer.toString(page.port())));
            }
            for (Block b : s.blocks()) {
                block(out, b, markers, Integer.toString(page.port()));
            }
        }
        if (!page.faq().isEmpty()) {
            out.append('\n');
            heading(out, messages.format("section.faq.heading"));
            for (PortPage.Faq q : page.faq()) {
                wrap(out, sentence(q.question(), markers.after(q.question())), "");
                wrap(out, sentence(q.answer(), markers.after(q.answer())), "  ");
            }
        }
        if (!page.related().isEmpty()) {
            out.append('\n');
            heading(out, messages.format("section.related.heading"));
            for (PortPage.Related r : page.related()) {
                wrap(out, "- " + sentence(r.reason(), markers.after(r.reason())), "  ");
            }
        }
        out.append('\n');
        heading(out, messages.format("section.footnotes.heading"));
        for (PortPage.Footnote f : page.footnotes()) {
            if (f.label() == null) {
                wrap(out, "[" + f.number() + "] " + source(f.sources().get(0)), "    ");
            } else {
                wrap(out, "[" + f.number() + "] " + messages.format(f.label()) + ":", "    ");
                for (dev.portolan.knowledge.Citation c : f.sources()) {
                    wrap(out, "    - " + source(c), "      ");
                }
            }
        }
        wrap(out, messages.format("data.source", "data", page.data()), "");
        return out.toString();
    }

    private String source(dev.portolan.knowledge.Citation c) {
        return c.title() + ". " + c.publisher()
                + (c.secondary() ? " (" + messages.format("footnote.secondary") + ")" : "") + ". " + c.url();
    }

    private void heading(StringBuilder out, String text) {
        out.append(text).append('\n').append("-".repeat(Math.min(width, columns(text)))).append('\n');
    }

    private void block(StringBuilder out, Block b, Markers markers, String port) {
        if (b instanceof Block.Paragraph p) {
            StringBuilder para = new StringBuilder();
            List<List<Integer>> clusters = markers.paragraph(p.sentences());
            for (int i = 0; i < p.sentences().size(); i++) {
                if (para.length() > 0) {
                    para.append(' ');
                }
                para.append(sentence(p.sentences().get(i), clusters.get(i)));
            }
            wrap(out, para.toString(), "");
        } else if (b instanceof Block.Points points) {
            for (Text t : points.items()) {
                wrap(out, "- " + sentence(t, markers.after(t)), "  ");
            }
        } else if (b instanceof Block.Commands commands) {
            List<Block.Command> all = commands.commands();
            int i = 0;
            while (i < all.size()) {
                // One label for the commands of a platform and purpose, with the sources of all of them.
                String platform = all.get(i).platform();
                String purpose = all.get(i).purpose();
                List<String> cites = new ArrayList<>();
                int end = i;
                while (end < all.size() && all.get(end).platform().equals(platform)
                        && all.get(end).purpose().equals(purpose)) {
                    cites.addAll(all.get(end++).cites());
                }
                String name = messages.format("command.platform." + platform);
                if (!purpose.isEmpty()) {
                    name = messages.format("command.withPurpose", "label", name, "purpose",
                            messages.format("command.purpose." + purpose, "port", port));
                }
                String label = name + marks(markers.cluster(cites), "");
                out.append(labelled(label, "")).append('\n');
                for (Block.Command c : all.subList(i, end)) {
                    out.append("    ").append(c.line()).append('\n');
                }
                i = end;
            }
        } else if (b instanceof Block.Systems systems) {
            for (Block.SystemRow r : systems.rows()) {
                List<String> listen = new ArrayList<>();
                for (Text x : r.listen()) {
                    listen.add(messages.format(x));
                }
                List<String> ephemeral = new ArrayList<>();
                for (Text x : r.ephemeral()) {
                    ephemeral.add(messages.format(x));
                }
                String none = messages.format("systems.unknown");
                wrap(out, "- " + r.system() + marks(markers.cluster(r.cites()), ""), "  ");
                wrap(out, "  " + labelled(messages.format("systems.listen"), listen.isEmpty() ? none
                        : String.join(" ", listen)), "    ");
                wrap(out, "  " + labelled(messages.format("systems.ephemeralRange"), ephemeral.isEmpty() ? none
                        : String.join("; ", ephemeral)), "    ");
            }
        } else if (b instanceof Block.Assignments table) {
            for (Block.AssignmentRow r : table.rows()) {
                String name = r.service().isEmpty() ? messages.format("status." + r.status()) : r.service();
                if (!r.transport().isEmpty()) {
                    // the record's "tcp, udp" is one value, also after a status in a right-to-left language
                    name += " (" + (messages.rightToLeft() ? BidiIsolation.value(r.transport()) : r.transport()) + ")";
                }
                wrap(out, "- " + (r.description().isEmpty() ? name : labelled(name, r.description())), "  ");
                if (!r.assignees().isEmpty()) {
                    wrap(out, "  " + labelled(messages.format("assignments.assignee"), r.assignees()), "    ");
                }
                List<String> refs = new ArrayList<>();
                for (Block.Link link : r.references()) {
                    refs.add(link.url().isEmpty() || link.url().equals(link.label()) ? link.label()
                            : link.label() + " <" + link.url() + ">");
                }
                if (!refs.isEmpty()) {
                    wrap(out, "  " + labelled(messages.format("assignments.references"), refs), "    ");
                }
            }
        }
    }

    /** A label and its value (a string, or a list joined by the language's list pattern) in the language. */
    private String labelled(String label, Object value) {
        return messages.format("text.labelled", "label", label, "value", value);
    }

    /** A sentence and the cluster of markers after it. */
    private String sentence(Text t, List<Integer> cluster) {
        String text = messages.format(t);
        // A word joiner keeps the markers on the line of the word they follow.
        return cluster.isEmpty() ? text : text + WORD_JOINER + marks(cluster, String.valueOf(WORD_JOINER));
    }

    /** A cluster of markers, {@code between} each two (a word joiner keeps wrapped prose from breaking it). */
    private static String marks(List<Integer> cluster, String between) {
        StringBuilder s = new StringBuilder();
        for (int n : cluster) {
            if (s.length() > 0) {
                s.append(between);
            }
            s.append('[').append(n).append(']');
        }
        return s.toString();
    }

    /**
     * Starts loading ICU's line-breaking rules for a language (by its code) and the characters'
     * widths ({@link Columns}) on a background thread, for a short-lived program that will render
     * a page after other work: their first use costs a command line tens of milliseconds.
     */
    public static void prepareInBackground(String code) {
        // an anonymous class, not a lambda: see bench/README.md on what linking lambdas costs a start
        Messages.inBackground("portolan-wrapping", new Runnable() {
            @Override
            public void run() {
                LocaleData data = LocaleData.of(code);
                (data == null ? BreakIterator.getLineInstance(Languages.find(code).orElse(Languages.root()))
                        : rules(data.lineBreakRules())).setText("a b");
                Columns.table();
            }
        });
    }

    /**
     * Wraps at the line-break opportunities of the language (spaces in English, between characters
     * in Chinese or Japanese); a piece longer than the width stays whole on its own line. Width is
     * counted in terminal columns (see {@link #columns}).
     */
    private void wrap(StringBuilder out, String text, String indent) {
        BreakIterator breaks = lineBreaks(messages);
        breaks.setText(text);
        int col = 0;
        // Isolates open where a line breaks are closed at its end and opened again on the next
        // line: a terminal lays out each line on its own.
        StringBuilder open = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = text.substring(start, end).replace(String.valueOf(WORD_JOINER), "");
            String trimmed = piece.stripTrailing();
            int length = columns(trimmed);
            if (col > indent.length() && col + length > width) {
                trimTrailingSpaces(out);
                out.append(String.valueOf(BidiIsolation.PDI).repeat(open.length()));
                out.append('\n').append(indent).append(open);
                col = indent.length();
            }
            out.append(piece);
            col += columns(piece);
            for (int i = 0; i < piece.length(); i++) {
                char c = piece.charAt(i);
                if (c == BidiIsolation.LRI || c == BidiIsolation.RLI || c == BidiIsolation.FSI) {
                    open.append(c);
                } else if (c == BidiIsolation.PDI && open.length() > 0) {
                    open.setLength(open.length() - 1);
                }
            }
        }
        trimTrailingSpaces(out);
        out.append('\n');
    }

    /**
     * ICU's line break iterator for a language: made from the compiled rules its {@link
     * LocaleData} names, else by ICU's factory. The factory reads ICU's resource bundles for the
     * rules' name, which cost a command line some 50 ms of CPU time (half of it linking the string
     * concatenations ICU is compiled with); the iterator is the same (tests compare their breaks).
     */
    static BreakIterator lineBreaks(Messages messages) {
        LocaleData data = messages.data();
        return data == null ? BreakIterator.getLineInstance(messages.locale())
                : rules(data.lineBreakRules()).clone();
    }

    /** The iterator of a compiled rules file, made once; callers clone it. */
    private static synchronized BreakIterator rules(String file) {
        BreakIterator made = RULES.get(file);
        if (made == null) {
            byte[] compiled;
            try {
                compiled = dev.portolan.core.EmbeddedFiles.read(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
            if (compiled == null) {
                throw new IllegalStateException("ICU's line-breaking rules " + file + " are not on the class path");
            }
            try {
                made = com.ibm.icu.text.RuleBasedBreakIterator.getInstanceFromCompiledRules(
                        new java.io.ByteArrayInputStream(compiled));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("ICU's line-breaking rules " + file + " do not read: " + e.getMessage(), e);
            }
            RULES.put(file, made);
        }
        return made;
    }

    /** The columns a text takes in a terminal ({@link Columns}). */
    static int columns(String text) {
        return Columns.of(text);
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        int last = out.length();
        while (last > 0 && out.charAt(last - 1) == ' ') {
            last--;
        }
        out.setLength(last);
    }
}
