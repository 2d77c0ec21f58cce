package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.Transport;
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

    @Option(names = {"-e", "--established"}, description = "Also list connections, in every state (established, closing, time-wait...).")
    boolean established;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    private final Console console;
    private final LocalInspection inspection;

    ListeningCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        List<Transport> only = transports.selected(null);
        SocketScan scan = inspection.sockets().scan(established);
        List<LocalSocket> sockets = new ArrayList<>();
        for (LocalSocket s : scan.sockets()) {
            if (only.contains(s.transport())) {
                sockets.add(s);
            }
        }
        SocketWriter writer = new SocketWriter(LookupCommand.known(ActiveRegistry.load(console)).summaries());
        var out = console.out();
        switch (format) {
            case table -> {
                if (sockets.isEmpty()) {
                    out.println("nothing listens here");
                } else {
                    writer.table(out, sockets);
                }
                Notes.table(out, scan);
            }
            case json -> {
                json(writer, sockets);
                Notes.stderr(console, scan);
            }
            case csv -> {
                writer.csv(out, sockets);
                Notes.stderr(console, scan);
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
}
