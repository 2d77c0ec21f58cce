package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackCounts;
import dev.portolan.store.FeedbackDatabase;
import dev.portolan.store.FeedbackStore;
import dev.portolan.store.PageFeedback;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan feedback}: the port pages readers found least helpful. */
@Command(name = "feedback", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"List the port pages readers found least helpful, worst first.",
            "Ranked by the lower bound of the 95%% Wilson interval of each page's share of 'not helpful' votes; "
                + "pages without such a vote are not listed."},
        footer = {"", "Examples:", "  portolan feedback", "  portolan feedback --limit 5 --format json"})
final class FeedbackCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    DatabaseOption database = new DatabaseOption();

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N pages (default 20; 0 for all).")
    int limit = 20;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    private final Console console;

    FeedbackCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InvalidQueryException, StoreException {
        if (limit < 0 || limit > FeedbackStore.MAX_LIMIT) {
            throw new InvalidQueryException("--limit " + limit + " is out of range: give 0 (all) to "
                    + FeedbackStore.MAX_LIMIT);
        }
        FeedbackDatabase db = database.resolve(console.env());
        List<PageFeedback> pages = List.of();
        // Listing never creates an SQLite file: no file means no votes yet.
        boolean none = db instanceof FeedbackDatabase.Sqlite sqlite && !Files.exists(sqlite.file());
        if (!none) {
            try (FeedbackStore store = FeedbackStore.open(db)) {
                pages = store.leastHelpful(limit == 0 ? FeedbackStore.MAX_LIMIT : limit);
            }
        }
        switch (format) {
            case table -> table(pages, db.describe() + (none ? " (none yet)" : ""));
            case json -> json(pages);
            case csv -> csv(pages);
        }
        console.out().flush();
        return ExitCode.OK;
    }

    private void table(List<PageFeedback> pages, String database) {
        PrintWriter out = console.out();
        if (pages.isEmpty()) {
            out.println("no page has a 'not helpful' vote yet");
        } else {
            String[] header = {"PORT", "UNHELPFUL", "NEUTRAL", "HELPFUL", "TOTAL"};
            List<String[]> rows = new ArrayList<>();
            for (PageFeedback p : pages) {
                FeedbackCounts c = p.counts();
                rows.add(new String[] {Integer.toString(p.port()), Reports.count(c.unhelpful()),
                    Reports.count(c.neutral()), Reports.count(c.helpful()), Reports.count(c.total())});
            }
            int[] width = new int[header.length];
            for (int i = 0; i < header.length; i++) {
                width[i] = header[i].length();
                for (String[] r : rows) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            printRow(out, header, width);
            for (String[] r : rows) {
                printRow(out, r, width);
            }
        }
        out.println();
        out.println("database: " + database);
    }

    /** The port left-aligned, the counts right-aligned. */
    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder s = new StringBuilder();
        s.append(cells[0]).append(" ".repeat(width[0] - cells[0].length()));
        for (int i = 1; i < cells.length; i++) {
            s.append("  ").append(" ".repeat(width[i] - cells[i].length())).append(cells[i]);
        }
        out.println(s);
    }

    private void json(List<PageFeedback> pages) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(console.out()))) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (PageFeedback p : pages) {
                FeedbackCounts c = p.counts();
                g.writeStartObject();
                g.writeNumberField("port", p.port());
                g.writeNumberField("unhelpful", c.unhelpful());
                g.writeNumberField("neutral", c.neutral());
                g.writeNumberField("helpful", c.helpful());
                g.writeNumberField("total", c.total());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void csv(List<PageFeedback> pages) {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(new NonClosingWriter(console.out()))) {
            w.writeRecord("port", "unhelpful", "neutral", "helpful", "total");
            for (PageFeedback p : pages) {
                FeedbackCounts c = p.counts();
                w.writeRecord(Integer.toString(p.port()), Long.toString(c.unhelpful()), Long.toString(c.neutral()),
                        Long.toString(c.helpful()), Long.toString(c.total()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
