package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.portolan.core.history.CanonicalRecord;
import dev.portolan.core.history.CanonicalRecord.Field;
import dev.portolan.core.history.PortTimeline;
import dev.portolan.core.history.PortTimeline.Between;
import dev.portolan.core.history.PortTimeline.Event;
import dev.portolan.core.history.PortTimeline.RecordHistory;
import dev.portolan.core.history.RegistryDiff.Change;
import dev.portolan.core.history.RegistryDiff.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Writes the history of a port ({@code portolan history}): a text in the run's language, or the
 * JSON and CSV of docs/json.md and docs/cli.md.
 */
final class TimelineWriter {
    private final PrintWriter out;
    private final CliText text;

    TimelineWriter(PrintWriter out, CliText text) {
        this.out = out;
        this.text = text;
    }

    /**
     * @param arg the port asked for, and its transport if one was
     * @param records the record histories to show: the timeline's, or those of the transport asked for
     * @param imported how many of the history's releases were imported into the home
     */
    void write(OutputFormat format, PortArgument arg, PortTimeline timeline, List<RecordHistory> records, int imported,
            Path home) {
        switch (format) {
            case table -> table(arg, timeline, records, imported, home);
            case json -> json(arg, timeline, records);
            case csv -> csv(records);
        }
        out.flush();
    }

    /** Since when the records shown have been as they are: the latest of their last events. */
    static Between since(PortTimeline timeline, List<RecordHistory> records) {
        Between latest = new Between(null, timeline.releases().get(0));
        for (RecordHistory r : records) {
            Between b = r.since();
            if (b.by().isAfter(latest.by())) {
                latest = b;
            }
        }
        return latest;
    }

    /** The record as the newest release that has it shows it. */
    static CanonicalRecord lastKnown(RecordHistory r) {
        Change last = r.events().get(r.events().size() - 1).change();
        return last.after() != null ? last.after() : Objects.requireNonNull(last.before());
    }

    // ---- table ---------------------------------------------------------------------------------

    private void table(PortArgument arg, PortTimeline timeline, List<RecordHistory> records, int imported, Path home) {
        String port = shown(arg);
        List<LocalDate> releases = timeline.releases();
        out.println(text.say("history.heading", "port", port, "count", releases.size(), "first",
                releases.get(0).toString(), "last", releases.get(releases.size() - 1).toString()));
        out.println();
        if (records.isEmpty()) {
            out.println(text.say("history.nothing", "port", port));
        }
        String none = text.say("history.none");
        String portNumber = Integer.toString(arg.port());
        for (RecordHistory r : records) {
            out.println(RecordFields.line(lastKnown(r)));
            for (int i = 0; i < r.events().size(); i++) {
                Event e = r.events().get(i);
                Change c = e.change();
                Between when = e.when();
                String after = when.after() == null ? "" : when.after().toString();
                String by = when.by().toString();
                boolean leaves = c.after() != null && !c.after().covers(arg.port());
                if (c.kind() == Kind.ADDED) {
                    out.println("  " + text.say("history.appeared", "first", when.inOrBeforeFirstRelease() ? "yes" : "no",
                            "after", after, "by", by));
                } else if (c.kind() == Kind.REMOVED) {
                    out.println("  " + text.say("history.removed", "after", after, "by", by));
                } else {
                    String key = i == 0 ? "history.cameOnto" : leaves ? "history.leftPort" : "history.changed";
                    out.println("  " + text.say(key, "port", portNumber, "after", after, "by", by));
                    for (String line : RecordFields.fieldLines(c, none)) {
                        out.println("    " + line);
                    }
                }
            }
        }
        if (!records.isEmpty()) {
            out.println();
            Between since = since(timeline, records);
            if (since.inOrBeforeFirstRelease()) {
                out.println(text.say("history.unchanged", "port", port, "count", releases.size(), "by",
                        since.by().toString()));
            } else {
                out.println(text.say("history.since", "port", port, "after", Objects.requireNonNull(since.after()).toString(),
                        "by", since.by().toString()));
            }
        }
        out.println(text.say("history.source", "imported", imported, "home", home.toString()));
    }

    private static String shown(PortArgument arg) {
        return arg.transport() == null ? Integer.toString(arg.port()) : arg.port() + "/" + arg.transport().id();
    }

    // ---- JSON: the contract of docs/json.md ----------------------------------------------------

    private void json(PortArgument arg, PortTimeline timeline, List<RecordHistory> records) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(out))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("port", arg.port());
            g.writeStringField("transport", arg.transport() == null ? null : arg.transport().id());
            g.writeArrayFieldStart("releases");
            for (LocalDate d : timeline.releases()) {
                g.writeString(d.toString());
            }
            g.writeEndArray();
            RecordFields.json(g, "since", since(timeline, records));
            g.writeArrayFieldStart("records");
            for (RecordHistory r : records) {
                g.writeStartObject();
                RecordFields.json(g, "record", lastKnown(r));
                g.writeBooleanField("current", r.current(arg.port()).isPresent());
                RecordFields.json(g, "appeared", r.appeared().when());
                RecordFields.json(g, "removed", r.removed(arg.port()).orElse(null));
                g.writeArrayFieldStart("events");
                for (Event e : r.events()) {
                    g.writeStartObject();
                    g.writeStringField("kind", e.change().kind().id());
                    RecordFields.json(g, "when", e.when());
                    RecordFields.jsonFields(g, e.change());
                    RecordFields.json(g, "before", e.change().before());
                    RecordFields.json(g, "after", e.change().after());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- CSV -----------------------------------------------------------------------------------

    private void csv(List<RecordHistory> records) {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NonClosingWriter(out))) {
            w.writeRecord("ports", "transport", "service", "event", "after_release", "by_release", "field", "before",
                    "after");
            for (RecordHistory r : records) {
                for (Event e : r.events()) {
                    Change c = e.change();
                    String after = e.when().after() == null ? "" : e.when().after().toString();
                    String by = e.when().by().toString();
                    CanonicalRecord record = c.record();
                    String[] start = {RecordFields.value(Field.PORTS, record), RecordFields.value(Field.TRANSPORT, record),
                        RecordFields.value(Field.SERVICE, record), c.kind().id(), after, by};
                    for (String[] rest : fieldRows(c)) {
                        w.writeRecord(concat(start, rest));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The field, before and after columns of a change: one row per field of a change; one row for
     * an addition or a removal, with the record's description after or before it.
     */
    static String[][] fieldRows(Change c) {
        return switch (c.kind()) {
            case ADDED -> new String[][] {{"", "", Objects.requireNonNull(c.after()).description()}};
            case REMOVED -> new String[][] {{"", Objects.requireNonNull(c.before()).description(), ""}};
            case CHANGED -> c.fields().stream().map(f -> new String[] {f.id(), RecordFields.value(f, c.before()),
                RecordFields.value(f, c.after())}).toArray(String[][]::new);
        };
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
