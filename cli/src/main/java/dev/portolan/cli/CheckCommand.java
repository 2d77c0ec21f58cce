package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
final class CheckCommand implements Callable<Integer>, FastPath.OnePortOptions {
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

    CheckCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        CliText text = language.text(console);
        if (format == OutputFormat.csv) {
            throw text.refusal("error.noCsv", "command", "check");
        }
        PortArgument arg = PortArgument.parse(port, "check", text);
        if (arg.port() == 0) {
            throw text.refusal("check.portZero");
        }
        List<Transport> only = transports.selected(arg.transport(), text);
        // every socket: a connection holds its local port too (one in TIME-WAIT leaves it free)
        SocketScan scan = inspection.sockets().scanPort(arg.port());
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
            json(text, registry, arg.port(), only, entries, scan, free);
        } else {
            table(text, registry, arg.port(), only, entries, scan);
        }
        return free ? ExitCode.OK : ExitCode.TAKEN;
    }

    private void table(CliText text, Registry registry, int port, List<Transport> only, List<PortEntry> entries,
            SocketScan scan) {
        PrintWriter out = console.out();
        PortSettings settings = scan.settings();
        List<LocalSocket> concerned = new ArrayList<>();
        ContainerOwners containers = inspection.containers(text);
        String shownPort = Integer.toString(port);
        for (Transport t : only) {
            List<LocalSocket> holders = scan.at(port, t);
            concerned.addAll(holders);
            if (scan.holding(port, t).isEmpty()) {
                out.println(text.say("check.free", "port", shownPort, "transport", t.id()));
            }
            for (LocalSocket s : holders) {
                String hasPeer = s.remoteEndpoint().isPresent() ? "yes" : "no";
                String peer = s.remoteEndpoint().orElse("");
                if (s.state() == SocketState.TIME_WAIT) {
                    out.println("  " + text.say("check.timeWait", "hasPeer", hasPeer, "peer", peer, "address", s.address()));
                } else if (s.isListener()) {
                    out.println(text.say("check.takenListening", "port", shownPort, "transport", t.id(), "address",
                            s.address(), "holder", WhoCommand.describe(text, s)));
                } else {
                    out.println(text.say("check.takenConnection", "port", shownPort, "transport", t.id(), "address",
                            s.address(), "holder", WhoCommand.describe(text, s), "state", s.state().id(), "hasPeer", hasPeer,
                            "peer", peer));
                }
                for (dev.portolan.inspect.SocketOwner o : s.owners()) {
                    java.util.Optional<String> unit = inspection.sockets().systemdUnit(o.pid());
                    if (unit.isPresent()) {
                        out.println("  " + text.say("systemd.stopFrees", "pid", Long.toString(o.pid()), "unit",
                                unit.get()));
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
        }
        EntryWriter.Known known = LookupCommand.known(registry);
        dev.portolan.knowledge.Knowledge knowledge = known.summaries().knowledge();
        out.println(text.say("check.binding", "text", bindSentence(text, port, settings, scan.platform())));
        BindCauses.print(out, text, BindCauses.privilegeSources(knowledge, scan.platform()));
        java.util.Optional<PortRange> excluded = settings.exclusion(port);
        if (excluded.isPresent()) {
            out.println(text.say("check.excluded", "port", shownPort, "range", excluded.get().toString()));
        }
        PortRange first = settings.ephemeral(only.get(0));
        boolean sameRange = only.size() == 1 || settings.ephemeral(only.get(1)).equals(first);
        for (Transport t : only) {
            out.println(text.say("check.ephemeral", "text", ephemeralSentence(text, port, t, settings,
                    sameRange ? only : List.of(t), scan.platform())));
            if (sameRange) {
                break;
            }
        }
        BindCauses.print(out, text, BindCauses.ephemeralSources(knowledge, scan.platform()));
        for (BindCauses.Cause cause : BindCauses.of(text, port, knowledge)) {
            out.println(cause.sentence());
            BindCauses.print(out, text, cause.sources());
        }
        out.println(text.say("heading.registry"));
        WhoCommand.registryLines(out, port, entries);
        KnownLines.in(known.summaries().knowledge(), text).print(out, known.summaries().of(port), only);
        out.println();
        out.println(text.say("check.byHand", "platform", scan.platform().displayName()));
        for (String c : commands(port, only, scan.platform())) {
            out.println("  " + c);
        }
        List<String> notes = new ArrayList<>(Notes.said(text, scan.notes(concerned)));
        notes.addAll(containers.notes());
        Notes.table(out, text, scan, notes);
        out.flush();
    }

    static List<String> commands(int port, List<Transport> only, Platform platform) {
        List<String> out = new ArrayList<>();
        for (Transport t : only) {
            out.addAll(platform.handCheckCommands(port, t));
        }
        return out;
    }

    private static void writeSources(JsonGenerator g, String field, List<dev.portolan.knowledge.Citation> sources)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (dev.portolan.knowledge.Citation c : sources) {
            g.writeStartObject();
            g.writeStringField("title", c.title());
            g.writeStringField("publisher", c.publisher());
            g.writeStringField("url", c.url());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static String bindSentence(CliText text, int port, PortSettings settings, Platform platform) {
        String p = Integer.toString(port);
        String below = Integer.toString(settings.privilegedBelow());
        return switch (settings.bindPermission(port)) {
            case ANY_USER -> settings.privilegedBelow() == 0 ? text.say("bind.anyUserNoPrivileged", "port", p)
                    : text.say("bind.anyUser", "port", p, "below", below);
            case ANY_USER_ON_WILDCARD -> text.say("bind.anyUserOnWildcard", "port", p, "below", below);
            case PRIVILEGED -> text.say(platform == Platform.LINUX ? "bind.privilegedLinux" : "bind.privileged",
                    "port", p, "below", below);
        };
    }

    static String ephemeralSentence(CliText text, int port, Transport t, PortSettings settings, List<Transport> covered,
            Platform platform) {
        PortRange range = settings.ephemeral(t);
        Object[] args = {"port", Integer.toString(port), "range", range.toString(), "transports", text.transports(covered),
            "linux", platform == Platform.LINUX ? "yes" : "no"};
        if (!range.contains(port)) {
            return text.say("ephemeral.outside", args);
        }
        if (settings.isReserved(port)) {
            return text.say("ephemeral.reserved", args);
        }
        return text.say("ephemeral.inside", args);
    }

    private void json(CliText text, Registry registry, int port, List<Transport> only, List<PortEntry> entries,
            SocketScan scan, boolean free) {
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
            dev.portolan.knowledge.Knowledge knowledge = LookupCommand.known(registry).summaries().knowledge();
            g.writeBooleanField("browsersRefuse", knowledge.browsersRefuse(port));
            writeSources(g, "bindSources", BindCauses.privilegeSources(knowledge, scan.platform()));
            writeSources(g, "ephemeralSources", BindCauses.ephemeralSources(knowledge, scan.platform()));
            g.writeArrayFieldStart("causes");
            for (BindCauses.Cause cause : BindCauses.of(text, port, knowledge)) {
                g.writeStartObject();
                g.writeStringField("id", cause.id());
                g.writeStringField("text", cause.sentence());
                writeSources(g, "sources", cause.sources());
                g.writeEndObject();
            }
            g.writeEndArray();
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
            dev.portolan.web.KnownJson.write(g, text.pages().sentences(), known.summaries().of(port), java.util.Map.of(),
                    known.summaries().knowledge());
            g.writeArrayFieldStart("limitations");
            List<LocalSocket> concerned = new ArrayList<>();
            for (Transport t : only) {
                concerned.addAll(scan.at(port, t));
            }
            for (String l : Notes.said(text, scan.notes(concerned))) {
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
