package dev.portolan.cli;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.page.KnownSentences;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Messages;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the curated knowledge says of a port, printed under the registry's records by {@code
 * lookup}, {@code check} and {@code who}: the name people use, what the protocol is, the programs
 * that use the port and its known abuse, in the sentences of the port's page, each with the
 * numbers of its sources, which follow.
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
    private final Messages messages;

    private KnownLines(Knowledge knowledge, Messages messages) {
        this.knowledge = knowledge;
        this.messages = messages;
    }

    /** The lines in English, the language of the command line's tables. */
    static KnownLines english(Knowledge knowledge) {
        return new KnownLines(knowledge, Messages.of(ULocale.ENGLISH));
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
        Map<String, Integer> numbers = new LinkedHashMap<>();
        out.println();
        out.println("known of port " + s.port() + " (portolan explain " + s.port() + " has the whole page):");
        for (Text t : facts) {
            out.println("  " + sentence(t, numbers));
        }
        if (hidden > 0) {
            out.println("  ... and " + hidden + " more " + (hidden == 1 ? "use" : "uses") + " of the port by programs");
        }
        for (Text t : security) {
            out.println("  security: " + sentence(t, numbers));
        }
        out.println("sources:");
        for (Map.Entry<String, Integer> e : numbers.entrySet()) {
            Citation c = knowledge.citation(e.getKey()).orElseThrow();
            out.println("  [" + e.getValue() + "] " + c.title() + ". " + c.publisher()
                    + (c.secondary() ? " (" + messages.format("footnote.secondary") + ")" : "") + ". " + c.url());
        }
    }

    private String sentence(Text t, Map<String, Integer> numbers) {
        StringBuilder s = new StringBuilder(messages.format(t));
        StringBuilder marks = new StringBuilder();
        for (String id : t.cites()) {
            int n = numbers.computeIfAbsent(id, k -> numbers.size() + 1);
            marks.append('[').append(n).append(']');
        }
        if (marks.length() > 0) {
            s.append(' ').append(marks);
        }
        return s.toString();
    }
}
