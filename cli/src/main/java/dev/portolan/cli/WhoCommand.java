package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortEntry;
import dev.portolan.core.PortQuery;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan who PORT}: which process holds a port here, and what the registry says it is for. */
@Command(name = "who", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show which process holds a port on this machine, and what the registry says the port is for."},
        footer = {"", "Examples:", "  portolan who 22", "  portolan who 53/udp", "  portolan who 8080 --format json"})
final class WhoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    TransportOptions transports = new TransportOptions();

    @Parameters(paramLabel = "PORT", description = "A port (8080) or port/transport (53/udp).")
    String port = "";

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default) or json.")
    OutputFormat format = OutputFormat.table;

    private final Console console;
    private final LocalInspection inspection;

    WhoCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.csv) {
            throw new InvalidQueryException("who --format csv is not offered: give table or json");
        }
        PortArgument arg = PortArgument.parse(port, "who");
        List<Transport> only = transports.selected(arg.transport());
        // every socket: a port is held by connections too (an ephemeral port, a TIME-WAIT)
        SocketScan scan = inspection.sockets().scan(true);
        List<LocalSocket> holders = new ArrayList<>();
        for (Transport t : only) {
            holders.addAll(scan.at(arg.port(), t));
        }
        Registry registry = ActiveRegistry.load(console);
        List<PortEntry> entries = new ArrayList<>();
        for (Transport t : only) {
            entries.addAll(registry.lookup(new PortQuery.Port(arg.port(), t), t));
        }
        if (format == OutputFormat.json) {
            json(registry, arg.port(), holders, entries, scan);
        } else {
            table(registry, arg.port(), only, holders, entries, scan);
        }
        return ExitCode.OK;
    }

    private void table(Registry registry, int port, List<Transport> only, List<LocalSocket> holders,
            List<PortEntry> entries, SocketScan scan) {
        PrintWriter out = console.out();
        ContainerOwners containers = inspection.containers();
        if (holders.isEmpty()) {
            out.println("nothing holds port " + port + " here (" + Transports.names(only) + ")");
            // An engine may publish a port through the firewall alone, with no process listening.
            for (Transport t : only) {
                containers.publishing(port, t).ifPresent(f -> out.println("  but container "
                        + f.container().describe() + " publishes " + port + "/" + t.id() + " through the firewall"));
            }
        }
        for (LocalSocket s : holders) {
            out.println(s.endpoint() + "/" + s.transport().id() + " " + s.state().id() + peer(s) + ": " + describe(s));
            for (SocketOwner o : s.owners()) {
                if (o.commandLine() != null) {
                    out.println("  pid " + o.pid() + ": " + SocketWriter.shown(o.commandLine()));
                }
                inspection.sockets().systemdUnit(o.pid()).ifPresent(u -> out.println("  pid " + o.pid()
                        + " runs in the systemd service " + u + " (systemctl status " + u + ")"));
            }
            containers.describe(s).ifPresent(d -> out.println("  " + d));
        }
        out.println();
        out.println("registry:");
        for (PortEntry e : entries) {
            var a = e.assignment();
            out.println("  " + port + "/" + e.transport().id() + "  " + (a.service() == null ? "-" : a.service()) + "  "
                    + a.status().id() + "  " + a.description().strip().replace('\n', ' '));
        }
        EntryWriter.Known known = LookupCommand.known(registry);
        known.lines().print(out, known.summaries().of(port), only);
        List<String> notes = new java.util.ArrayList<>(scan.notes(holders));
        notes.addAll(containers.notes());
        Notes.table(out, scan, notes);
        out.flush();
    }

    /** {@code  to 10.0.0.7:443} for a connection, nothing for a listener. */
    static String peer(LocalSocket s) {
        return s.remoteEndpoint().map(e -> " to " + e).orElse("");
    }

    /** {@code sshd (pid 812, root)}, several owners separated by commas, or the hidden case. */
    static String describe(LocalSocket s) {
        if (s.state() == dev.portolan.inspect.SocketState.TIME_WAIT) {
            return "no process: the kernel keeps the closed connection's port in TIME-WAIT until it ends by itself";
        }
        if (s.owners().isEmpty()) {
            return "a process this user cannot see" + (s.user() == null ? "" : " (socket owned by " + s.user() + ")");
        }
        StringBuilder b = new StringBuilder();
        for (SocketOwner o : s.owners()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            String user = o.user() != null ? o.user() : s.user();
            b.append(o.name() == null ? "process" : SocketWriter.shown(o.name())).append(" (pid ").append(o.pid())
                    .append(user == null ? "" : ", " + user).append(')');
        }
        return b.toString();
    }

    private void json(Registry registry, int port, List<LocalSocket> holders, List<PortEntry> entries, SocketScan scan) {
        SocketWriter sockets = new SocketWriter(LookupCommand.known(registry).summaries());
        EntryWriter rows = new EntryWriter(registry.snapshot(), console.out());
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(console.out()))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("port", port);
            g.writeArrayFieldStart("sockets");
            for (LocalSocket s : holders) {
                sockets.json(g, s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("registry");
            for (PortEntry e : entries) {
                rows.jsonEntry(g, e);
            }
            g.writeEndArray();
            EntryWriter.Known known = LookupCommand.known(registry);
            dev.portolan.web.KnownJson.write(g, dev.portolan.knowledge.text.Messages.of(com.ibm.icu.util.ULocale.ENGLISH)
                    .sentences(), known.summaries().of(port), java.util.Map.of(), known.summaries().knowledge());
            g.writeArrayFieldStart("limitations");
            for (String l : scan.notes(holders)) {
                g.writeString(l);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console.out().flush();
    }
}
