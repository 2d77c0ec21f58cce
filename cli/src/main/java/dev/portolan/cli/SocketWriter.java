package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes local sockets as table rows, JSON objects (docs/json.md) or CSV. */
final class SocketWriter {
    private final dev.portolan.knowledge.PortSummaries summaries;

    SocketWriter(dev.portolan.knowledge.PortSummaries summaries) {
        this.summaries = summaries;
    }

    /**
     * The registered service of the socket's port and transport, as the port's summary names it,
     * or null when none is assigned.
     */
    @Nullable String service(LocalSocket s) {
        List<String> services = summaries.services(s.port(), s.transport());
        return services.isEmpty() ? null : services.get(0);
    }

    // ---- JSON -----------------------------------------------------------------------------------

    void json(JsonGenerator g, LocalSocket s) throws IOException {
        g.writeStartObject();
        g.writeStringField("transport", s.transport().id());
        g.writeStringField("family", s.family().id());
        g.writeStringField("address", s.address());
        g.writeNumberField("port", s.port());
        g.writeStringField("state", s.state().id());
        g.writeStringField("remoteAddress", s.remoteAddress());
        if (s.remotePort() == null) {
            g.writeNullField("remotePort");
        } else {
            g.writeNumberField("remotePort", s.remotePort());
        }
        SocketOwner o = s.owner().orElse(null);
        if (o == null) {
            g.writeNullField("pid");
        } else {
            g.writeNumberField("pid", o.pid());
        }
        g.writeStringField("process", o == null ? null : o.name());
        g.writeStringField("command", o == null ? null : o.commandLine());
        g.writeStringField("user", s.user() != null ? s.user() : o == null ? null : o.user());
        g.writeArrayFieldStart("owners");
        for (SocketOwner each : s.owners()) {
            g.writeStartObject();
            g.writeNumberField("pid", each.pid());
            g.writeStringField("process", each.name());
            g.writeStringField("command", each.commandLine());
            g.writeStringField("user", each.user());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("service", service(s));
        g.writeEndObject();
    }

    // ---- CSV ------------------------------------------------------------------------------------

    void csv(PrintWriter out, List<LocalSocket> sockets) {
        try (CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(new NonClosingWriter(out))) {
            w.writeRecord("transport", "family", "address", "port", "state", "remoteAddress", "remotePort", "pid",
                    "process", "user", "command", "service");
            for (LocalSocket s : sockets) {
                SocketOwner o = s.owner().orElse(null);
                String user = s.user() != null ? s.user() : o == null ? null : o.user();
                String service = service(s);
                w.writeRecord(s.transport().id(), s.family().id(), s.address(), Integer.toString(s.port()),
                        s.state().id(), text(s.remoteAddress()),
                        s.remotePort() == null ? "" : s.remotePort().toString(), o == null ? "" : Long.toString(o.pid()),
                        o == null ? "" : text(o.name()), text(user), o == null ? "" : text(o.commandLine()),
                        text(service));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    // ---- table ----------------------------------------------------------------------------------

    /** A table of sockets; the REMOTE column only when some socket has a peer. */
    /**
     * Writes the sockets as a table. {@code captured}: they were read from output captured
     * elsewhere, where a socket without a process is one the capture does not name (shown "-"),
     * not one this user cannot see.
     */
    void table(PrintWriter out, CliText text, List<LocalSocket> sockets, boolean captured) {
        boolean remote = false;
        for (LocalSocket s : sockets) {
            remote |= !s.state().isListener();
        }
        List<String[]> rows = new ArrayList<>();
        String[] columns = remote ? new String[] {"proto", "local", "remote", "state", "pid", "process", "user", "service"}
                : new String[] {"proto", "local", "state", "pid", "process", "user", "service"};
        String[] header = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            header[i] = text.say("column." + columns[i]);
        }
        rows.add(header);
        String kernel = null;
        String hidden = null;
        for (LocalSocket s : sockets) {
            SocketOwner o = s.owner().orElse(null);
            String pid = o == null ? "-" : Long.toString(o.pid()) + (s.owners().size() > 1 ? "+" : "");
            String process;
            if (o != null) {
                process = o.name() == null ? "?" : shown(o.name());
            } else if (s.state() == SocketState.TIME_WAIT) {
                process = kernel != null ? kernel : (kernel = text.say("process.kernel"));
            } else if (captured) {
                process = "-";
            } else {
                process = hidden != null ? hidden : (hidden = text.say("process.hidden"));
            }
            String user = shown(s.user() != null ? s.user() : o != null && o.user() != null ? o.user() : "-");
            String service = service(s);
            String peer = s.remoteAddress() == null ? "-" : endpoint(s.remoteAddress(), s.remotePort());
            rows.add(remote
                    ? new String[] {s.transport().id(), s.endpoint(), peer, s.state().id(), pid, process, user,
                        service == null ? "-" : service}
                    : new String[] {s.transport().id(), s.endpoint(), s.state().id(), pid, process, user,
                        service == null ? "-" : service});
        }
        printTable(out, rows, text.rightToLeft());
    }

    /** Text for a terminal: line breaks and tabs as spaces, other control characters as {@code ?}. */
    static String shown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    private static String endpoint(String address, @Nullable Integer port) {
        String p = port == null ? "*" : port.toString();
        return address.indexOf(':') >= 0 ? "[" + address + "]:" + p : address + ":" + p;
    }

    /** Left-aligned columns two spaces apart; the first row is the header. */
    static void printTable(PrintWriter out, List<String[]> rows) {
        printTable(out, rows, false);
    }

    /**
     * Left-aligned columns two spaces apart, measured in terminal columns ({@link #columns}); the
     * first row is the header. For a right-to-left language every cell begins with a LEFT-TO-RIGHT
     * MARK (U+200E, shown as nothing): a terminal that lays out bidirectional text then keeps the
     * columns in their order, left to right, rather than turning a row of right-to-left headings
     * around.
     */
    static void printTable(PrintWriter out, List<String[]> rows, boolean rightToLeft) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], columns(r[i]));
            }
        }
        for (String[] r : rows) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (rightToLeft) {
                    s.append('\u200E');
                }
                s.append(r[i]);
                if (i < r.length - 1) {
                    s.append(" ".repeat(width[i] - columns(r[i]) + 2));
                }
            }
            out.println(s.toString().stripTrailing());
        }
    }

    /** How many terminal columns a text takes ({@link dev.portolan.knowledge.text.Columns}). */
    static int columns(String text) {
        return dev.portolan.knowledge.text.Columns.of(text);
    }
}
