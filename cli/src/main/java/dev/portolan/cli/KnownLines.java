package dev.portolan.cli;

import dev.portolan.core.Transport;
import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.page.KnownSentences;
import dev.portolan.knowledge.page.Markers;
import dev.portolan.knowledge.page.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the curated knowledge says of a port, printed under the registry's records by {@code
 * lookup}, {@code check} and {@code who}: the name people use, what the protocol is, the programs
 * that use the port and its known abuse, in the sentences of the port's page, each with the
 * numbers of its sources, which follow: one cluster of markers a line, ascending, placed and
 * numbered as on the page (see {@link Markers}).
 *
 * <pre>
 * known (portolan explain 3000 has the whole page):
 *   Grafana uses TCP port 3000 for its web interface. [1]
 *   Ruby on Rails uses TCP port 3000 for its development server. [2]
 * sources:
 *   [1] Grafana configuration: the http_port setting defaults to 3000. https://grafana.com/docs/...
 * </pre>
 */
final class KnownLines {
    /** Program sentences shown at most; the page has them all. */
    static final int PROGRAMS_SHOWN = 8;

    private final Knowledge knowledge;
    private final CliText text;

    private KnownLines(Knowledge knowledge, CliText text) {
        this.knowledge = knowledge;
        this.text = text;
    }

    /** The lines in English, the language of {@code lookup}'s tables. */
    static KnownLines english(Knowledge knowledge) {
        return new KnownLines(knowledge, CliText.english());
    }

    /** The lines in a run's language: the page's sentences in it, and the command line's. */
    static KnownLines in(Knowledge knowledge, CliText text) {
        return new KnownLines(knowledge, text);
    }

    /**
     * Prints what is known of the port on {@code transports}, preceded by an empty line; nothing
     * when the knowledge has nothing to say of it.
     */
    void print(PrintWriter out, PortSummary s, Collection<Transport> transports) {
        List<Text> facts = new ArrayList<>(KnownSentences.names(s));
        facts.addAll(KnownSentences.protocols(s));
        List<Text> programs = KnownSentences.programs(s, transports);
        facts.addAll(programs.subList(0, Math.min(PROGRAMS_SHOWN, programs.size())));
        int hidden = programs.size() - Math.min(PROGRAMS_SHOWN, programs.size());
        List<Text> security = KnownSentences.security(s, transports);
        if (facts.isEmpty() && security.isEmpty()) {
            return;
        }
        List<Text> lines = new ArrayList<>(facts);
        lines.addAll(security);
        Markers markers = Markers.numbering(lines);
        out.println();
        out.println(text.say("known.heading", "port", Integer.toString(s.port())));
        for (Text t : facts) {
            out.println("  " + sentence(t, markers));
        }
        if (hidden > 0) {
            out.println("  " + text.say("known.more", "count", hidden));
        }
        for (Text t : security) {
            out.println("  " + text.say("known.security", "text", sentence(t, markers)));
        }
        out.println(text.say("known.sources"));
        for (Map.Entry<String, Integer> e : markers.numbers().entrySet()) {
            Citation c = knowledge.citation(e.getKey()).orElseThrow();
            out.println("  [" + e.getValue() + "] " + c.title() + ". " + c.publisher()
                    + (c.secondary() ? " (" + text.pages().format("footnote.secondary") + ")" : "") + ". " + c.url());
        }
    }

    private String sentence(Text t, Markers markers) {
        StringBuilder s = new StringBuilder(text.pages().format(t));
        List<Integer> cluster = markers.after(t);
        if (!cluster.isEmpty()) {
            s.append(' ');
            for (Integer n : cluster) {
                s.append('[').append(n).append(']');
            }
        }
        return s.toString();
    }
}
