package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.portolan.core.Assignment;
import dev.portolan.core.Person;
import dev.portolan.core.PortEntry;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Reference;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.Transport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Writes answer rows as a table, JSON or CSV. */
final class EntryWriter {
    /** Answers up to this many rows get a details block under the table. */
    private static final int DETAIL_ROWS = 12;
    /** Answers about up to this many ports also say what the knowledge knows of each; explain has the rest. */
    private static final int KNOWN_PORTS = 3;

    private final RegistrySnapshot snapshot;
    private final PrintWriter out;
    private final java.util.function.@org.jspecify.annotations.Nullable Supplier<Known> known;

    /** What the knowledge says of ports, for the table's details: the summaries and their printer. */
    record Known(dev.portolan.knowledge.PortSummaries summaries, KnownLines lines) {}

    EntryWriter(RegistrySnapshot snapshot, PrintWriter out) {
        this(snapshot, out, null);
    }

    /**
     * A writer whose table, when it lists few enough rows to give details, also says what the
     * knowledge knows of each port ({@code known} is asked only then: loading it takes time).
     */
    EntryWriter(RegistrySnapshot snapshot, PrintWriter out,
            java.util.function.@org.jspecify.annotations.Nullable Supplier<Known> known) {
        this.snapshot = snapshot;
        this.out = out;
        this.known = known;
    }

    void write(List<PortEntry> rows, OutputFormat format) {
        switch (format) {
            case table -> table(rows);
            case json -> json(rows);
            case csv -> csv(rows);
        }
        out.flush();
    }

    // ---- JSON: the stable contract (see docs/json.md) -------------------------------------------

    private void json(List<PortEntry> rows) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(out))) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (PortEntry e : rows) {
                jsonEntry(g, e);
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer row as a JSON object: the contract of docs/json.md. */
    void jsonEntry(JsonGenerator g, PortEntry e) throws IOException {
        Assignment a = e.assignment();
        g.writeStartObject();
        if (e.port() == null) {
            g.writeNullField("port");
        } else {
            g.writeNumberField("port", e.port());
        }
        g.writeStringField("transport", e.transport() == null ? null : e.transport().id());
        g.writeStringField("service", a.service());
        g.writeStringField("description", a.description());
        g.writeStringField("status", a.status().id());
        RangeClass range = e.range();
        g.writeStringField("range", range == null ? null : range.id());
        g.writeArrayFieldStart("references");
        for (Reference r : a.references()) {
            g.writeString(r.label());
        }
        g.writeEndArray();
        g.writeBooleanField("listed", a.origin() == Assignment.Origin.LISTED);
        if (a.ports() != null && !a.ports().isSingle()) {
            g.writeStringField("registeredRange", a.ports().toString());
        }
        stringArray(g, "aliases", a.aliases());
        people(g, "assignees", a.assignees());
        people(g, "contacts", a.contacts());
        g.writeStringField("registered", a.registered() == null ? null : a.registered().toString());
        g.writeStringField("modified", a.modified() == null ? null : a.modified().toString());
        stringArray(g, "notes", a.notes());
        stringArray(g, "unauthorized", a.unauthorized());
        stringArray(g, "serviceCodes", a.serviceCodes());
        g.writeEndObject();
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private void people(JsonGenerator g, String name, List<String> ids) throws IOException {
        g.writeArrayFieldStart(name);
        for (String id : ids) {
            Person p = snapshot.person(id);
            g.writeStartObject();
            g.writeStringField("id", p.id());
            g.writeStringField("name", p.name());
            g.writeBooleanField("organisation", p.organisation());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    // ---- CSV -------------------------------------------------------------------------------------

    private void csv(List<PortEntry> rows) {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NonClosingWriter(out))) {
            w.writeRecord("port", "transport", "service", "description", "status", "range", "references",
                    "assignees", "contacts", "registered", "modified", "notes", "unauthorized");
            for (PortEntry e : rows) {
                Assignment a = e.assignment();
                w.writeRecord(
                        e.port() == null ? "" : e.port().toString(),
                        e.transport() == null ? "" : e.transport().id(),
                        a.service() == null ? "" : a.service(),
                        a.description(),
                        a.status().id(),
                        e.range() == null ? "" : e.range().id(),
                        a.references().stream().map(Reference::label).collect(Collectors.joining(" ")),
                        names(a.assignees()),
                        names(a.contacts()),
                        a.registered() == null ? "" : a.registered().toString(),
                        a.modified() == null ? "" : a.modified().toString(),
                        String.join("\n", a.notes()),
                        String.join("\n", a.unauthorized()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String names(List<String> ids) {
        StringBuilder s = new StringBuilder();
        for (String id : ids) {
            s.append(s.length() == 0 ? "" : "; ").append(snapshot.person(id).name());
        }
        return s.toString();
    }

    private static String labels(List<Reference> references) {
        StringBuilder s = new StringBuilder();
        for (Reference r : references) {
            s.append(s.length() == 0 ? "" : " ").append(r.label());
        }
        return s.toString();
    }

    // ---- table -----------------------------------------------------------------------------------

    /** Consecutive ports with the same entry on the same transport, shown as one line. */
    private record Group(int firstPort, int lastPort, PortEntry entry) {
        String ports() {
            if (entry.port() == null) {
                return "-";
            }
            return firstPort == lastPort ? Integer.toString(firstPort) : firstPort + "-" + lastPort;
        }
    }

    private void table(List<PortEntry> rows) {
        if (rows.isEmpty()) {
            out.println("no matches");
            footer();
            return;
        }
        List<Group> groups = group(rows);
        String[] header = {"PORT", "PROTO", "SERVICE", "STATUS", "RANGE", "DESCRIPTION", "REFERENCES"};
        List<String[]> lines = new ArrayList<>();
        for (Group g : groups) {
            Assignment a = g.entry().assignment();
            RangeClass firstRange = g.entry().port() == null ? null : RangeClass.of(g.firstPort());
            RangeClass lastRange = g.entry().port() == null ? null : RangeClass.of(g.lastPort());
            String range = firstRange == null ? "-"
                    : firstRange == lastRange ? firstRange.id() : firstRange.id() + "-" + lastRange.id();
            lines.add(new String[] {
                g.ports(),
                g.entry().transport() == null ? "-" : g.entry().transport().id(),
                a.service() == null ? "-" : a.service(),
                a.status().id(),
                range,
                oneLine(a.description()),
                labels(a.references())
            });
        }
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (String[] l : lines) {
            for (int i = 0; i < l.length; i++) {
                width[i] = Math.max(width[i], l[i].length());
            }
        }
        printRow(header, width);
        for (String[] l : lines) {
            printRow(l, width);
        }
        if (rows.size() <= DETAIL_ROWS) {
            details(groups);
            known(groups);
        }
        footer();
    }

    private void printRow(String[] cells, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            s.append(cells[i]);
            if (i < cells.length - 1) {
                s.append(" ".repeat(width[i] - cells[i].length() + 2));
            }
        }
        out.println(s.toString().stripTrailing());
    }

    private void details(List<Group> groups) {
        List<String> seen = new ArrayList<>();
        for (Group g : groups) {
            Assignment a = g.entry().assignment();
            List<String> facts = new ArrayList<>();
            if (!a.assignees().isEmpty()) {
                facts.add("assignee: " + names(a.assignees()));
            }
            if (!a.contacts().isEmpty() && !a.contacts().equals(a.assignees())) {
                facts.add("contact: " + names(a.contacts()));
            }
            if (a.registered() != null) {
                facts.add("registered: " + a.registered());
            }
            if (a.modified() != null) {
                facts.add("modified: " + a.modified());
            }
            for (String u : a.unauthorized()) {
                facts.add("unauthorized use reported: " + shorten(withNames(oneLine(u))));
            }
            for (String n : a.notes()) {
                facts.add("note: " + shorten(withNames(oneLine(n))));
            }
            for (Reference r : a.references()) {
                if (r.kind() == Reference.Kind.FOOTNOTE) {
                    String text = snapshot.footnotes().get(r.value());
                    if (text != null) {
                        facts.add("footnote " + r.label() + ": " + oneLine(text));
                    }
                }
            }
            if (facts.isEmpty()) {
                continue;
            }
            String key = (a.service() == null ? "" : a.service()) + "|" + String.join("|", facts);
            String title = g.ports() + (g.entry().transport() == null ? "" : "/" + g.entry().transport().id())
                    + (a.service() == null ? "" : " " + a.service());
            int same = seen.indexOf(key);
            if (same >= 0) {
                continue;
            }
            seen.add(key);
            out.println();
            out.println(title + sameOnOtherTransports(groups, g, key));
            for (String f : facts) {
                out.println("  " + f);
            }
        }
    }

    /** What the knowledge says of each single port of the answer, on the transports the answer shows. */
    private void known(List<Group> groups) {
        if (known == null) {
            return;
        }
        java.util.Map<Integer, java.util.Set<Transport>> ports = new java.util.LinkedHashMap<>();
        for (Group g : groups) {
            if (g.entry().port() != null) {
                for (int p = g.firstPort(); p <= g.lastPort(); p++) {
                    java.util.Set<Transport> ts = ports.get(p); // not computeIfAbsent: a lambda costs a start
                    if (ts == null) {
                        ts = java.util.EnumSet.noneOf(Transport.class);
                        ports.put(p, ts);
                    }
                    if (g.entry().transport() == null) {
                        ts.addAll(List.of(Transport.values()));
                    } else {
                        ts.add(g.entry().transport());
                    }
                }
            }
        }
        if (ports.isEmpty() || ports.size() > KNOWN_PORTS) {
            return;
        }
        Known k = known.get();
        for (java.util.Map.Entry<Integer, java.util.Set<Transport>> e : ports.entrySet()) {
            k.lines().print(out, k.summaries().of(e.getKey()), e.getValue());
        }
    }

    private String sameOnOtherTransports(List<Group> groups, Group g, String key) {
        List<String> others = new ArrayList<>();
        for (Group o : groups) {
            if (o != g && o.entry().transport() != null && o.entry().transport() != g.entry().transport()
                    && Objects.equals(o.entry().assignment().service(), g.entry().assignment().service())
                    && o.firstPort() == g.firstPort()
                    && o.entry().assignment().notes().equals(g.entry().assignment().notes())
                    && o.entry().assignment().assignees().equals(g.entry().assignment().assignees())) {
                others.add(o.entry().transport().id());
            }
        }
        return others.isEmpty() ? "" : " (same for " + String.join(", ", others) + ")";
    }

    private void footer() {
        out.println();
        out.println("source: " + snapshot.info().describe());
    }

    private static List<Group> group(List<PortEntry> rows) {
        List<Group> groups = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (PortEntry e : rows) {
            String key = e.port() == null ? null : groupKey(e);
            boolean merged = false;
            if (e.port() != null) {
                for (int i = groups.size() - 1; i >= 0 && i >= groups.size() - Transport.values().length * 4; i--) {
                    Group g = groups.get(i);
                    if (key != null && key.equals(keys.get(i)) && g.lastPort() + 1 == e.port()) {
                        groups.set(i, new Group(g.firstPort(), e.port(), g.entry()));
                        merged = true;
                        break;
                    }
                }
            }
            if (!merged) {
                int p = e.port() == null ? -1 : e.port();
                groups.add(new Group(p, p, e));
                keys.add(key == null ? "" : key);
            }
        }
        return groups;
    }

    /**
     * What must be equal for two rows on consecutive ports to share a table line: the transport
     * and everything the line shows or the details list, except the port itself. A record that
     * covers a range keeps its range in the key, so two adjacent ranges stay apart.
     */
    private static String groupKey(PortEntry e) {
        Assignment a = e.assignment();
        StringBuilder k = new StringBuilder(64);
        k.append(e.transport()).append('\u0000').append(a.service()).append('\u0000').append(a.description())
                .append('\u0000').append(a.status()).append('\u0000').append(a.origin()).append('\u0000')
                .append(a.ports() != null && !a.ports().isSingle() ? a.ports().toString() : "")
                .append('\u0000').append(a.references()).append('\u0000').append(a.notes()).append('\u0000')
                .append(a.assignees()).append('\u0000').append(a.contacts()).append('\u0000')
                .append(a.unauthorized()).append('\u0000').append(a.registered()).append('\u0000')
                .append(a.modified());
        return k.toString();
    }

    /** Longest note shown in the table's details; JSON and CSV always carry the whole text. */
    private static final int NOTE_LIMIT = 300;

    private static String shorten(String text) {
        if (text.length() <= NOTE_LIMIT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', NOTE_LIMIT);
        return text.substring(0, cut > NOTE_LIMIT / 2 ? cut : NOTE_LIMIT) + " ... (whole note: --format json)";
    }

    /** Notes name people as the registry's CSV does, {@code [Bernie_Volz]}; show their names. */
    private String withNames(String text) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('[', i);
            int close = open < 0 ? -1 : text.indexOf(']', open);
            if (open < 0 || close < 0) {
                out.append(text, i, text.length());
                break;
            }
            String id = text.substring(open + 1, close);
            Person p = snapshot.people().get(id);
            out.append(text, i, open).append(p != null ? p.name() : text.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        if (text.indexOf('\n') < 0) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length());
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                s.append(s.length() == 0 ? "" : " ").append(l);
            }
        }
        return s.toString();
    }
}
