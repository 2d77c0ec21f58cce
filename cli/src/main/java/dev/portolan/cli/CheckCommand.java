package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortEntry;
import dev.portolan.core.PortQuery;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.Platform;
import dev.portolan.inspect.PortSettings;
import dev.portolan.inspect.SocketScan;
import dev.portolan.inspect.SocketState;
import dev.portolan.knowledge.suggest.PortSuggester;
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

/**
 * {@code portolan check PORT}: whether a port is free here, who may bind it, whether the system may
 * hand it out by itself, and how to check by hand.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Say whether a port is free on this machine; if so, whether an unprivileged user may bind it",
            "and whether it lies in this machine's ephemeral range; and the commands that check it by hand."},
        footer = {"", "Exit codes: 0 free, 1 taken (or a failure), 2 bad input.",
            "", "Examples:", "  portolan check 8080", "  portolan check 53/udp", "  portolan check 443 --format json"})
final class CheckCommand implements Callable<Integer> {
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

    CheckCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.csv) {
            throw new InvalidQueryException("check --format csv is not offered: give table or json");
        }
        PortArgument arg = PortArgument.parse(port, "check");
        if (arg.port() == 0) {
            throw new InvalidQueryException("port 0 cannot be checked: binding port 0 asks the system for any free "
                    + "port of its ephemeral range");
        }
        List<Transport> only = transports.selected(arg.transport());
        // every socket: a connection holds its local port too (one in TIME-WAIT leaves it free)
        SocketScan scan = inspection.sockets().scan(true);
        Registry registry = ActiveRegistry.load(console);
        List<PortEntry> entries = new ArrayList<>();
        boolean free = true;
        for (Transport t : only) {
            entries.addAll(registry.lookup(new PortQuery.Port(arg.port(), t), t));
            free &= scan.holding(arg.port(), t).isEmpty();
        }
        // A port inside one of Windows' exclusion ranges cannot be bound by any program.
        free &= scan.settings().exclusion(arg.port()).isEmpty() || !only.contains(Transport.TCP);
        if (format == OutputFormat.json) {
            json(registry, arg.port(), only, entries, scan, free);
        } else {
            table(registry, arg.port(), only, entries, scan);
        }
        return free ? ExitCode.OK : ExitCode.TAKEN;
    }

    private void table(Registry registry, int port, List<Transport> only, List<PortEntry> entries, SocketScan scan) {
        PrintWriter out = console.out();
        PortSettings settings = scan.settings();
        List<LocalSocket> concerned = new ArrayList<>();
        ContainerOwners containers = inspection.containers();
        for (Transport t : only) {
            List<LocalSocket> holders = scan.at(port, t);
            concerned.addAll(holders);
            if (scan.holding(port, t).isEmpty()) {
                out.println(port + "/" + t.id() + ": free");
            }
            for (LocalSocket s : holders) {
                if (s.state() == SocketState.TIME_WAIT) {
                    out.println("  a closed connection" + WhoCommand.peer(s) + " keeps it in TIME-WAIT on " + s.address()
                            + ": a server that sets SO_REUSEADDR can bind it now, others once TIME-WAIT ends");
                } else if (s.isListener()) {
                    out.println(port + "/" + t.id() + ": taken on " + s.address() + " by " + WhoCommand.describe(s));
                } else {
                    out.println(port + "/" + t.id() + ": taken on " + s.address() + " by " + WhoCommand.describe(s)
                            + " (" + s.state().id() + " connection" + WhoCommand.peer(s) + ")");
                }
                for (dev.portolan.inspect.SocketOwner o : s.owners()) {
                    inspection.sockets().systemdUnit(o.pid()).ifPresent(u -> out.println("  pid " + o.pid()
                            + " runs in the systemd service " + u + " (systemctl stop " + u + " frees the port)"));
                }
                containers.describe(s).ifPresent(d -> out.println("  " + d));
            }
        }
        out.println("binding: " + bindSentence(port, settings, scan.platform()));
        settings.exclusion(port).ifPresent(r -> out.println("excluded: " + port + " lies in the port exclusion range " + r
                + " of this system: no program may bind it on TCP, whatever its rights (netsh int ipv4 show "
                + "excludedportrange protocol=tcp lists the ranges; Windows components reserve them)"));
        PortRange first = settings.ephemeral(only.get(0));
        boolean sameRange = only.size() == 1 || settings.ephemeral(only.get(1)).equals(first);
        for (Transport t : only) {
            out.println("ephemeral: " + ephemeralSentence(port, t, settings, sameRange ? only : List.of(t), scan.platform()));
            if (sameRange) {
                break;
            }
        }
        EntryWriter.Known known = LookupCommand.known(registry);
        for (String cause : otherCauses(port, known.summaries().knowledge())) {
            out.println(cause);
        }
        out.println("registry:");
        for (PortEntry e : entries) {
            var a = e.assignment();
            out.println("  " + port + "/" + e.transport().id() + "  " + (a.service() == null ? "-" : a.service()) + "  "
                    + a.status().id() + "  " + a.description().strip().replace('\n', ' '));
        }
        known.lines().print(out, known.summaries().of(port), only);
        out.println();
        out.println("check by hand (" + scan.platform().displayName() + "):");
        for (String c : commands(port, only, scan.platform())) {
            out.println("  " + c);
        }
        List<String> notes = new ArrayList<>(scan.notes(concerned));
        notes.addAll(containers.notes());
        Notes.table(out, scan, notes);
        out.flush();
    }

    static List<String> commands(int port, List<Transport> only, Platform platform) {
        List<String> out = new ArrayList<>();
        for (Transport t : only) {
            out.addAll(platform.handCheckCommands(port, t));
        }
        return out;
    }

    /**
     * What else may stand in the way of a service on the port, whatever this machine holds: a
     * Kubernetes node's NodePort range, and the ports browsers refuse to connect to.
     */
    static List<String> otherCauses(int port, dev.portolan.knowledge.Knowledge knowledge) {
        List<String> out = new ArrayList<>();
        if (PortSuggester.NODE_PORTS.contains(port)) {
            out.add("kubernetes: " + port + " lies in Kubernetes' default NodePort range " + PortSuggester.NODE_PORTS
                    + ": on a cluster node, kube-proxy may hold it for a Service of type NodePort");
        }
        if (knowledge.browsersRefuse(port)) {
            out.add("browsers: browsers refuse to connect to port " + port + " (a bad port of the Fetch standard): "
                    + "a web page or development server here cannot be opened in a browser");
        }
        return out;
    }

    static String bindSentence(int port, PortSettings settings, Platform platform) {
        int below = settings.privilegedBelow();
        return switch (settings.bindPermission(port)) {
            case ANY_USER -> below == 0 ? "any user may bind port " + port + " here (this system has no privileged ports)"
                    : "any user may bind port " + port + " here (ports below " + below + " are privileged)";
            case ANY_USER_ON_WILDCARD -> "any user may bind port " + port + " on all interfaces (0.0.0.0 or ::), "
                    + "but only root on a single address (ports below " + below + " are privileged, with this exception)";
            case PRIVILEGED -> platform == Platform.LINUX
                    ? "only root, or a program with the capability CAP_NET_BIND_SERVICE, may bind port " + port
                        + " here (ports below " + below + " are privileged: sysctl net.ipv4.ip_unprivileged_port_start)"
                    : "only root may bind port " + port + " here (ports below " + below + " are privileged)";
        };
    }

    static String ephemeralSentence(int port, Transport t, PortSettings settings, List<Transport> covered,
            Platform platform) {
        PortRange range = settings.ephemeral(t);
        String what = Transports.names(covered);
        if (!range.contains(port)) {
            return port + " lies outside this machine's ephemeral range " + range + " (" + what + ")";
        }
        if (settings.isReserved(port)) {
            return port + " lies inside this machine's ephemeral range " + range + " (" + what + ") but is reserved: "
                    + "the system does not hand it out by itself";
        }
        return port + " lies inside this machine's ephemeral range " + range + " (" + what + "): the system may give it "
                + "to an outgoing connection or to a program that binds port 0, so a service may find it taken"
                + (platform == Platform.LINUX ? " (reserve it with sysctl net.ipv4.ip_local_reserved_ports)" : "");
    }

    private void json(Registry registry, int port, List<Transport> only, List<PortEntry> entries, SocketScan scan,
            boolean free) {
        SocketWriter sockets = new SocketWriter(LookupCommand.known(registry).summaries());
        EntryWriter rows = new EntryWriter(registry.snapshot(), console.out());
        PortSettings settings = scan.settings();
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(console.out()))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("port", port);
            g.writeBooleanField("free", free);
            g.writeArrayFieldStart("transports");
            for (Transport t : only) {
                List<LocalSocket> holders = scan.at(port, t);
                g.writeStartObject();
                g.writeStringField("transport", t.id());
                g.writeBooleanField("free", holders.isEmpty());
                g.writeBooleanField("ephemeral", settings.ephemeral(t).contains(port));
                g.writeStringField("ephemeralRange", settings.ephemeral(t).toString());
                g.writeBooleanField("reserved", settings.isReserved(port));
                g.writeArrayFieldStart("sockets");
                for (LocalSocket s : holders) {
                    sockets.json(g, s);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("bind", settings.bindPermission(port).id());
            g.writeBooleanField("nodePortRange", PortSuggester.NODE_PORTS.contains(port));
            g.writeBooleanField("excluded", settings.exclusion(port).isPresent());
            g.writeBooleanField("browsersRefuse", LookupCommand.known(registry).summaries().knowledge().browsersRefuse(port));
            g.writeNumberField("privilegedBelow", settings.privilegedBelow());
            g.writeStringField("platform", scan.platform().displayName());
            g.writeArrayFieldStart("commands");
            for (String c : commands(port, only, scan.platform())) {
                g.writeString(c);
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
            List<LocalSocket> concerned = new ArrayList<>();
            only.forEach(t -> concerned.addAll(scan.at(port, t)));
            for (String l : scan.notes(concerned)) {
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
