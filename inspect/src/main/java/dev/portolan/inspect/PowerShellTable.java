package dev.portolan.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code Get-NetTCPConnection} and {@code Get-NetUDPEndpoint} as PowerShell prints them by
 * default, in a table: a header, a rule of dashes under each column's name, then one row per
 * object (the TCP view, shortened):
 *
 * <pre>
 * LocalAddress                        LocalPort RemoteAddress                       RemotePort State       AppliedSetting OwningProcess
 * ------------                        --------- -------------                       ---------- -----       -------------- -------------
 * ::                                  135       ::                                  0          Listen                     1012
 * 192.168.1.20                        49811     140.82.112.25                       443        Established Internet       7712
 * </pre>
 *
 * <p>A column is found by its dashes: a value is under them whether it is aligned left (it starts
 * where they start) or right (it ends where they end), and no value is under two columns' dashes.
 * A column's name is the header's text over its dashes; a name cut short ({@code RemoteAdd...})
 * stands for the one property it can begin. A table with State, RemoteAddress, RemotePort or
 * AppliedSetting lists TCP connections, one without lists UDP endpoints (Get-NetUDPEndpoint shows
 * LocalAddress and LocalPort only, so a UDP endpoint's process is not known). Several tables may
 * follow one another, each from its header.
 *
 * <p>A narrow console leaves out the columns that do not fit, last first: a table without
 * OwningProcess gives sockets without a process, one without State gives none (the state is not
 * known). It also cuts long values short with {@code ...} or {@code …}: such a row is unread (see
 * {@link PowerShellObject}). {@code Format-Table -Wrap} continues a long value on the next line,
 * under its column: such a line continues the row above.
 */
final class PowerShellTable {
    /** A rule of dashes under a header. */
    private static final Pattern RULE = Pattern.compile("[ \t]*-+( +-+)*[ \t\r]*");

    /** A column: its name, and where its dashes start and end (exclusive). */
    private record Column(String name, int from, int to) {}

    /** A table's columns and the line of its rule. */
    private record Section(List<Column> columns, boolean tcp, int rule) {}

    private PowerShellTable() {}

    /** Whether {@code lines[at]} is the header of a table of sockets, with its rule of dashes under it. */
    static boolean isHeader(String[] lines, int at) {
        return at + 1 < lines.length && section(lines[at], lines[at + 1], at + 2) != null;
    }

    static void read(String[] lines, String source, CaptureLedger out) {
        Section section = null;
        Row row = null; // the row read last, which the next line may continue
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int no = i + 1;
            Section next = line.isBlank() || i + 1 == lines.length ? null : section(line, lines[i + 1], no + 1);
            boolean prompt = PowerShellObject.isPrompt(line);
            String[] cells = line.isBlank() || next != null || prompt || section == null ? null
                    : cells(line, section.columns());
            if (row != null && (cells == null || !continues(cells, section))) {
                read(row, section, source, out);
                row = null;
            }
            if (line.isBlank()) {
                continue;
            }
            if (next != null) {
                section = next;
                out.heading(no);
                out.heading(no + 1);
                i++;
            } else if (prompt) {
                out.unread(no, line, "a PowerShell prompt, not a socket");
            } else if (section == null) {
                out.unread(no, line, "comes before the table's header, LocalAddress LocalPort ... over a rule of dashes");
            } else if (cells == null) {
                out.unread(no, line, "does not line up with the columns of the rule of dashes on line " + section.rule());
            } else if (row != null) {
                row.add(cells, no);
            } else {
                row = new Row(section.columns().size(), no, line);
                row.add(cells, no);
            }
        }
        if (row != null) {
            read(row, section, source, out);
        }
    }

    /** Whether a line's cells continue the row above: a value wrapped onto it, and no LocalPort of its own. */
    private static boolean continues(String[] cells, Section section) {
        return cells[index(section.columns(), "LocalPort")].isEmpty();
    }

    /** Reads a row as a socket, or an unread line. */
    private static void read(Row row, Section section, String source, CaptureLedger out) {
        Map<String, PowerShellObject.Property> properties = new LinkedHashMap<>();
        for (int c = 0; c < section.columns().size(); c++) {
            String name = section.columns().get(c).name();
            String text = row.cells[c].toString();
            if (PowerShellObject.NAMES.contains(name) && !text.isEmpty()) {
                properties.put(name, new PowerShellObject.Property(text, row.first));
            }
        }
        try {
            out.socket(PowerShellObject.read(properties, section.tcp(), source, row.first), row.lines);
        } catch (InspectException e) {
            if (row.lines.size() == 1) {
                out.unread(row.first, row.text, e);
            } else {
                out.unread(row.first, row.text, "the row of lines " + row.first + "-" + row.lines.get(row.lines.size() - 1)
                        + " " + out.reason(e), row.lines.subList(1, row.lines.size()));
            }
        }
    }

    /** One row of a table, over one line or, wrapped, several. */
    private static final class Row {
        final StringBuilder[] cells;
        final int first;
        final String text;
        final List<Integer> lines = new ArrayList<>(1);

        Row(int columns, int first, String text) {
            this.cells = new StringBuilder[columns];
            for (int c = 0; c < columns; c++) {
                cells[c] = new StringBuilder();
            }
            this.first = first;
            this.text = text;
        }

        /** The cells of a line of the row: a wrapped value goes on where it broke. */
        void add(String[] more, int line) {
            for (int c = 0; c < cells.length; c++) {
                cells[c].append(more[c]);
            }
            lines.add(line);
        }
    }

    /** The table whose header and rule these are, or null when they are not those of a table of sockets. */
    private static @Nullable Section section(String header, String rule, int ruleLine) {
        if (!RULE.matcher(rule).matches()) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        int i = 0;
        while (i < rule.length()) {
            if (rule.charAt(i) != '-') {
                i++;
                continue;
            }
            int from = i;
            while (i < rule.length() && rule.charAt(i) == '-') {
                i++;
            }
            String label = header.substring(Math.min(from, header.length()), Math.min(i, header.length())).strip();
            columns.add(new Column(name(label), from, i));
        }
        if (index(columns, "LocalAddress") < 0 || index(columns, "LocalPort") < 0) {
            return null;
        }
        boolean tcp = columns.stream().anyMatch(c -> PowerShellObject.TCP_ONLY.contains(c.name()));
        return new Section(List.copyOf(columns), tcp, ruleLine);
    }

    /** The property a column's label names: itself, or the one property a label cut short can begin. */
    private static String name(String label) {
        if (!PowerShellObject.isCut(label)) {
            return label;
        }
        String start = label.endsWith("...") ? label.substring(0, label.length() - 3) : label.substring(0, label.length() - 1);
        List<String> can = PowerShellObject.NAMES.stream().filter(n -> n.startsWith(start)).toList();
        return can.size() == 1 && !start.isEmpty() ? can.get(0) : label;
    }

    private static int index(List<Column> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The text under each column on a line, or null when a word lies under no column's dashes, under
     * two, or beside another under a column that is read (the values read have no spaces). A word
     * beside the dashes of a column that is not read (a name with a space) belongs to it.
     */
    private static String @Nullable [] cells(String line, List<Column> columns) {
        String[] cells = new String[columns.size()];
        Arrays.fill(cells, "");
        int i = 0;
        int last = -1; // the column of the word before
        while (i < line.length()) {
            if (blank(line.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            while (i < line.length() && !blank(line.charAt(i))) {
                i++;
            }
            int under = -1;
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                if (from < col.to() && col.from() < i) {
                    if (under >= 0) {
                        return null;
                    }
                    under = c;
                }
            }
            if (under < 0) {
                if (last < 0 || PowerShellObject.NAMES.contains(columns.get(last).name())) {
                    return null;
                }
                under = last;
            }
            if (!cells[under].isEmpty() && PowerShellObject.NAMES.contains(columns.get(under).name())) {
                return null;
            }
            cells[under] = cells[under].isEmpty() ? line.substring(from, i) : cells[under] + " " + line.substring(from, i);
            last = under;
        }
        return cells;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
