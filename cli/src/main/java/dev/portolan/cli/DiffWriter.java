package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.RegistryDiff;
import dev.portolan.core.history.RegistryDiff.Change;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a diff of two releases ({@code portolan diff}): a text in the run's language, or the
 * JSON and CSV of docs/json.md and docs/cli.md.
 */
final class DiffWriter {
    private final PrintWriter out;
    private final PrintWriter err;
    private final CliText text;

    DiffWriter(PrintWriter out, PrintWriter err, CliText text) {
        this.out = out;
        this.err = err;
        this.text = text;
    }

    void write(OutputFormat format, DiffCommand.Side from, DiffCommand.Side to, RegistryDiff diff) {
        boolean backwards = from.release() != null && to.release() != null && from.release().isAfter(to.release());
        String note = backwards ? text.say("diff.backwards", "from", name(from), "to", name(to)) : null;
        switch (format) {
            case table -> table(from, to, diff, note);
            case json -> json(from, to, diff, backwards);
            case csv -> csv(diff);
        }
        if (note != null && format != OutputFormat.table) {
            err.println(note);
            err.flush();
        }
        out.flush();
    }

    /** How the text names a side: {@code the release of 2024-08-01}, or the file and its date. */
    private String name(DiffCommand.Side side) {
        if (side.file() == null) {
            return text.say("diff.release", "date", String.valueOf(side.release()));
        }
        return side.release() == null ? text.say("diff.fileUndated", "file", side.file().toString())
                : text.say("diff.file", "file", side.file().toString(), "date", side.release().toString());
    }

    // ---- table ---------------------------------------------------------------------------------

    private void table(DiffCommand.Side from, DiffCommand.Side to, RegistryDiff diff, @org.jspecify.annotations.Nullable String note) {
        RegistryDiff.Counts counts = diff.counts();
        String summary = diff.isEmpty() ? text.say("diff.same") : text.say("diff.counts", "added", counts.added(),
                "removed", counts.removed(), "changed", counts.changed());
        out.println(text.say("diff.heading", "from", name(from), "to", name(to), "counts", summary));
        Map<Field, Integer> fields = diff.fieldCounts();
        if (!fields.isEmpty()) {
            List<String> items = new ArrayList<>();
            fields.forEach((f, n) -> items.add(text.say("diff.fieldCount", "field", f.id(), "count", n)));
            out.println(text.say("diff.fields", "list", text.list(items)));
        }
        if (note != null) {
            out.println(note);
        }
        if (!diff.isEmpty()) {
            out.println();
        }
        String none = text.say("history.none");
        for (Change c : diff.changes()) {
            out.println(text.say("diff." + c.kind().id(), "record", RecordFields.line(c.record())));
            for (String line : RecordFields.fieldLines(c, none)) {
                out.println("    " + line);
            }
        }
    }

    // ---- JSON: the contract of docs/json.md ----------------------------------------------------

    private void json(DiffCommand.Side from, DiffCommand.Side to, RegistryDiff diff, boolean backwards) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(out))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            side(g, "from", from);
            side(g, "to", to);
            g.writeBooleanField("backwards", backwards);
            RegistryDiff.Counts counts = diff.counts();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("added", counts.added());
            g.writeNumberField("removed", counts.removed());
            g.writeNumberField("changed", counts.changed());
            g.writeEndObject();
            g.writeObjectFieldStart("fields");
            for (Map.Entry<Field, Integer> f : diff.fieldCounts().entrySet()) {
                g.writeNumberField(f.getKey().id(), f.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("changes");
            for (Change c : diff.changes()) {
                g.writeStartObject();
                g.writeStringField("kind", c.kind().id());
                RecordFields.jsonFields(g, c);
                RecordFields.json(g, "before", c.before());
                RecordFields.json(g, "after", c.after());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void side(JsonGenerator g, String name, DiffCommand.Side side) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("release", side.release() == null ? null : side.release().toString());
        g.writeStringField("file", side.file() == null ? null : side.file().toString());
        g.writeEndObject();
    }

    // ---- CSV -----------------------------------------------------------------------------------

    private void csv(RegistryDiff diff) {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NonClosingWriter(out))) {
            w.writeRecord("kind", "ports", "transport", "service", "field", "before", "after");
            for (Change c : diff.changes()) {
                CanonicalRecord r = c.record();
                String[] start = {c.kind().id(), RecordFields.value(Field.PORTS, r), RecordFields.value(Field.TRANSPORT, r),
                    RecordFields.value(Field.SERVICE, r)};
                for (String[] rest : TimelineWriter.fieldRows(c)) {
                    w.writeRecord(TimelineWriter.concat(start, rest));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
