package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
final class WhoCommand implements Callable<Integer>, FastPath.OnePortOptions {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    TransportOptions transports = new TransportOptions();

    @Mixin
    LanguageOption language = new LanguageOption();

    @Parameters(paramLabel = "PORT", description = "A port (8080) or port/transport (53/udp).")
    String port = "";

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default) or json.")
    OutputFormat format = OutputFormat.table;

    @Override
    public TransportOptions transports() {
        return transports;
    }

    @Override
    public LanguageOption language() {
        return language;
    }

    @Override
    public OutputFormat format() {
        return format;
    }

    @Override
    public void format(OutputFormat format) {
        this.format = format;
    }

    @Override
    public void port(String port) {
        this.port = port;
    }

    private final Console console;
    private final LocalInspection inspection;

    WhoCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        CliText text = language.text(console);
        if (format == OutputFormat.csv) {
            throw text.refusal("error.noCsv", "command", "who");
        }
        PortArgument arg = PortArgument.parse(port, "who", text);
        List<Transport> only = transports.selected(arg.transport(), text);
        // every socket: a port is held by connections too (an ephemeral port, a TIME-WAIT)
        SocketScan scan = inspection.sockets().scanPort(arg.port());
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
            json(text, registry, arg.port(), holders, entries, scan);
        } else {
            table(text, registry, arg.port(), only, holders, entries, scan);
        }
        return ExitCode.OK;
    }

    private void table(CliText text, Registry registry, int port, List<Transport> only, List<LocalSocket> holders,
            List<PortEntry> entries, SocketScan scan) {
        PrintWriter out = console.out();
        ContainerOwners containers = inspection.containers(text);
        String shownPort = Integer.toString(port);
        if (holders.isEmpty()) {
            out.println(text.say("who.nothing", "port", shownPort, "transports", text.transports(only)));
            // An engine may publish a port through the firewall alone, with no process listening.
            for (Transport t : only) {
                var firewall = containers.publishing(port, t);
                if (firewall.isPresent()) {
                    out.println("  " + text.say("container.throughFirewall", "container",
                            containers.name(firewall.get().container()), "port", shownPort, "transport", t.id()));
                }
            }
        }
        for (LocalSocket s : holders) {
            out.println(line(text, s));
            for (SocketOwner o : s.owners()) {
                String pid = Long.toString(o.pid());
                if (o.commandLine() != null) {
                    out.println("  " + text.say("socket.commandLine", "pid", pid, "command",
                            SocketWriter.shown(o.commandLine())));
                }
                java.util.Optional<String> unit = inspection.sockets().systemdUnit(o.pid());
                if (unit.isPresent()) {
                    out.println("  " + text.say("systemd.status", "pid", pid, "unit", unit.get()));
                }
            }
            java.util.Optional<String> container = containers.describe(s);
            if (container.isPresent()) {
                out.println("  " + container.get());
            }
            if (ContainerOwners.heldByKubeProxy(s)) {
                out.println("  " + text.say("who.kubeProxy", "port", Integer.toString(s.port())));
            }
        }
        out.println();
        out.println(text.say("heading.registry"));
        registryLines(out, port, entries);
        EntryWriter.Known known = LookupCommand.known(registry);
        KnownLines.in(known.summaries().knowledge(), text).print(out, known.summaries().of(port), only);
        List<String> notes = new java.util.ArrayList<>(Notes.said(text, scan.notes(holders)));
        notes.addAll(containers.notes());
        Notes.table(out, text, scan, notes);
        out.flush();
    }

    /** The registry's records of the port, one a line: data, in the registry's own words. */
    static void registryLines(PrintWriter out, int port, List<PortEntry> entries) {
        for (PortEntry e : entries) {
            var a = e.assignment();
            out.println("  " + port + "/" + e.transport().id() + "  " + (a.service() == null ? "-" : a.service()) + "  "
                    + a.status().id() + "  " + a.description().strip().replace('\n', ' '));
        }
    }

    /** {@code 0.0.0.0:22/tcp listen: sshd (pid 812, root)}, with the peer of a connection. */
    static String line(CliText text, LocalSocket s) {
        return text.say("socket.line", "endpoint", s.endpoint(), "transport", s.transport().id(), "state", s.state().id(),
                "hasPeer", s.remoteEndpoint().isPresent() ? "yes" : "no", "peer", s.remoteEndpoint().orElse(""),
                "holder", describe(text, s));
    }

    /** {@code sshd (pid 812, root)}, several owners separated by commas, or the hidden case. */
    static String describe(CliText text, LocalSocket s) {
        if (s.state() == dev.portolan.inspect.SocketState.TIME_WAIT) {
            return text.say("socket.timeWait");
        }
        if (s.owners().isEmpty()) {
            return text.say("socket.hidden", "hasUser", s.user() == null ? "no" : "yes", "user",
                    s.user() == null ? "" : s.user());
        }
        String all = null;
        for (SocketOwner o : s.owners()) {
            String user = o.user() != null ? o.user() : s.user();
            String one = text.say("socket.owner", "name", o.name() == null ? text.say("socket.unnamed")
                    : SocketWriter.shown(o.name()), "pid", Long.toString(o.pid()), "hasUser", user == null ? "no" : "yes",
                    "user", user == null ? "" : user);
            all = all == null ? one : text.say("socket.owners", "owners", all, "owner", one);
        }
        return all;
    }

    private void json(CliText text, Registry registry, int port, List<LocalSocket> holders, List<PortEntry> entries,
            SocketScan scan) {
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
            dev.portolan.web.KnownJson.write(g, text.pages().sentences(), known.summaries().of(port), java.util.Map.of(),
                    known.summaries().knowledge());
            g.writeArrayFieldStart("limitations");
            for (String l : Notes.said(text, scan.notes(holders))) {
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
