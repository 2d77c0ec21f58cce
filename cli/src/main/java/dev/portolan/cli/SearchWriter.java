package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.search.SearchHit;
import dev.portolan.knowledge.search.SearchLabel;
import dev.portolan.knowledge.search.SearchResults;
import dev.portolan.web.SearchJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what {@code search} found, one row per port: as a table (the port, its transports, the
 * name people use for it, what matched, and who uses it or the registry's description), as CSV,
 * or as the JSON array of results ({@link SearchJson}).
 *
 * <pre>
 * PORT  PROTO    NAME                 MATCH                 USE
 * 3389  tcp,udp  RDP (ms-wbt-server)  name people use: RDP  used by xrdp, FreeRDP server, Remote Desktop Services and 2 more
 * </pre>
 */
final class SearchWriter {
    private final PrintWriter out;
    private final SnapshotInfo source;

    SearchWriter(PrintWriter out, SnapshotInfo source) {
        this.out = out;
        this.source = source;
    }

    void write(SearchResults r, OutputFormat format) {
        switch (format) {
            case table -> table(r);
            case csv -> csv(r);
            case json -> json(r);
        }
        out.flush();
    }

    private void table(SearchResults r) {
        if (r.hits().isEmpty()) {
            out.println("no port matches \"" + CommonOptions.printable(r.query().text()) + "\"");
            if (!r.suggestions().isEmpty()) {
                out.println("did you mean: " + String.join(", ", r.suggestions()) + "?");
            }
            out.println("search takes a port (443), a port and transport (443/udp), a range (8000-8100), ports"
                    + " (22, 80, 443), or names and words (rdp, kafka, remote desktop); see portolan search --help");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"PORT", "PROTO", "NAME", "MATCH", "USE"});
            for (SearchHit h : r.hits()) {
                rows.add(new String[] {Integer.toString(h.port()), transports(h), name(h.label()), match(h),
                    use(h.label())});
            }
            SocketWriter.printTable(out, rows);
            if (r.more()) {
                out.println("(more ports match; --limit N shows more)");
            }
        }
        out.println();
        out.println("source: " + source.describe());
    }

    private void csv(SearchResults r) {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NonClosingWriter(out))) {
            w.writeRecord("port", "transports", "match_tier", "match_text", "names", "registered", "programs",
                    "more_programs", "description");
            for (SearchHit h : r.hits()) {
                SearchLabel l = h.label();
                w.writeRecord(Integer.toString(h.port()), transports(h).replace(',', ' '), SearchJson.tier(h),
                        h.matched(), String.join("; ", l.names()), String.join(" ", l.registered()),
                        String.join("; ", l.programs()), Integer.toString(l.morePrograms()), l.description());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void json(SearchResults r) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(out))) {
            g.useDefaultPrettyPrinter();
            SearchJson.writeHits(g, r.hits());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static String transports(SearchHit h) {
        List<String> ids = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (h.transports().contains(t)) {
                ids.add(t.id());
            }
        }
        return ids.isEmpty() ? "-" : String.join(",", ids);
    }

    /** The name people use, with the registry's services beside it where they differ. */
    static String name(SearchLabel l) {
        String names = String.join(", ", l.names());
        List<String> others = l.unnamedServices();
        if (names.isEmpty()) {
            return others.isEmpty() ? "-" : String.join(", ", others);
        }
        return others.isEmpty() ? names : names + " (" + String.join(", ", others) + ")";
    }

    static String match(SearchHit h) {
        return switch (h.tier()) {
            case PORT -> "port number";
            case SERVICE -> "service name: " + h.matched();
            case COMMON -> "name people use: " + h.matched();
            case PROGRAM -> "program: " + h.matched();
            case NAME -> "in the name " + h.matched();
            case DESCRIPTION -> "in its description";
            case TYPO -> "spelled like " + h.matched();
        };
    }

    static String use(SearchLabel l) {
        if (!l.programs().isEmpty()) {
            return "used by " + String.join(", ", l.programs())
                    + (l.morePrograms() > 0 ? " and " + l.morePrograms() + " more" : "");
        }
        return l.description().isEmpty() ? "-" : l.description();
    }
}
