package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Transport;
import dev.portolan.inspect.CapturedOutput;
import dev.portolan.inspect.InspectException;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.SocketScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan listening}: what listens on this machine, and which process holds it. */
@Command(name = "listening", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the TCP sockets that listen and the UDP sockets that are bound on this machine,",
            "with the process that holds each and the service its port is registered for."},
        footer = {"", "Without root, the processes of other users may be hidden; the output says so.",
            "", "Examples:", "  portolan listening", "  portolan listening --tcp --format json"})
final class ListeningCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    TransportOptions transports = new TransportOptions();

    @Mixin
    LanguageOption language = new LanguageOption();

    @Option(names = {"-e", "--established"}, description = "Also list connections, in every state (established, closing, time-wait...).")
    boolean established;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Explain output captured elsewhere instead of this machine's sockets: ss, netstat (Linux or "
                    + "Windows), lsof -i, /proc/net/tcp, tcp6, udp or udp6, or PowerShell's Get-NetTCPConnection or "
                    + "Get-NetUDPEndpoint (table, Format-List or CSV), from FILE or - for standard input.")
    String from;

    private final Console console;
    private final LocalInspection inspection;

    ListeningCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        CliText text = language.text(console);
        List<Transport> only = transports.selected(null, text);
        List<LocalSocket> found;
        List<String> notes;
        String source;
        if (from != null) {
            // What someone captured: every socket it holds, whatever its state; unread lines said.
            String name = from.equals("-") ? text.say("listening.standardInput") : from;
            CapturedOutput.Reading r;
            try {
                r = CapturedOutput.read(captured(from), name);
            } catch (InspectException e) {
                throw new InvalidQueryException(e.getMessage());
            }
            found = r.sockets();
            notes = new ArrayList<>();
            if (!r.unread().isEmpty()) {
                notes.add(text.say("listening.unread", "count", r.unread().size()));
                for (CapturedOutput.Unread u : r.unread().subList(0, Math.min(20, r.unread().size()))) {
                    notes.add("  " + text.say("listening.unreadLine", "line", Integer.toString(u.line()), "text",
                            SocketWriter.shown(u.text().strip()), "why", u.why()));
                }
                if (r.unread().size() > 20) {
                    notes.add("  " + text.say("listening.unreadMore", "count", Integer.toString(r.unread().size() - 20)));
                }
            }
            source = text.say("listening.readAs", "name", name, "format", r.format());
        } else {
            SocketScan scan = inspection.sockets().scan(established);
            found = scan.sockets();
            notes = Notes.said(text, scan.notes());
            source = scan.source();
        }
        List<LocalSocket> sockets = new ArrayList<>();
        for (LocalSocket s : found) {
            if (only.contains(s.transport())) {
                sockets.add(s);
            }
        }
        SocketWriter writer = new SocketWriter(LookupCommand.known(ActiveRegistry.load(console)).summaries());
        var out = console.out();
        switch (format) {
            case table -> {
                if (sockets.isEmpty()) {
                    out.println(from == null ? text.say("listening.nothing") : text.say("listening.noSocketIn", "source", source));
                } else {
                    writer.table(out, text, sockets, from != null);
                }
                Notes.table(out, text, source, notes);
            }
            case json -> {
                json(writer, sockets);
                Notes.stderr(console, text, notes);
            }
            case csv -> {
                writer.csv(out, sockets);
                Notes.stderr(console, text, notes);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private void json(SocketWriter writer, List<LocalSocket> sockets) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(console.out()))) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (LocalSocket s : sockets) {
                writer.json(g, s);
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a capture, at most {@link CapturedOutput#MOST_BYTES} and one more to tell it is larger. */
    private static byte[] captured(String from) throws InvalidQueryException {
        try (java.io.InputStream in = from.equals("-") ? System.in : java.nio.file.Files.newInputStream(
                java.nio.file.Path.of(from))) {
            return in.readNBytes(CapturedOutput.MOST_BYTES + 1);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidQueryException(from + " does not exist");
        } catch (java.io.IOException e) {
            throw new InvalidQueryException(from + " could not be read: " + e.getMessage());
        }
    }
}
