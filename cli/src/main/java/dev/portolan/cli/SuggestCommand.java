package dev.portolan.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.inspect.PortSettings;
import dev.portolan.inspect.SocketScan;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.suggest.PortSuggester;
import dev.portolan.knowledge.suggest.PortSuggester.Suggestion;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan suggest}: ports for a new service that nothing here, in the registry or in the knowledge stands in the way of. */
@Command(name = "suggest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Suggest ports for a new service: unassigned, used by no known program, outside every "
                + "default ephemeral range, Kubernetes' NodePort range and the ports browsers refuse, and free here now."},
        footer = {"", "Examples:", "  portolan suggest", "  portolan suggest -n 1 --tcp", "  portolan suggest --format json"})
final class SuggestCommand implements Callable<Integer> {
    /** The most ports one call suggests. */
    static final int MOST = 100;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    TransportOptions transports = new TransportOptions();

    @Mixin
    LanguageOption language = new LanguageOption();

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "How many ports (1-" + MOST + ", default 5).")
    int count = 5;

    @Option(names = "--seed", paramLabel = "S", description = "Draw the same ports again (the draw is random otherwise).")
    Long seed;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default) or json.")
    OutputFormat format = OutputFormat.table;

    private final Console console;
    private final LocalInspection inspection;

    SuggestCommand(Console console, LocalInspection inspection) {
        this.console = console;
        this.inspection = inspection;
    }

    @Override
    public Integer call() throws Exception {
        CliText text = language.text(console);
        if (format == OutputFormat.csv) {
            throw text.refusal("error.noCsv", "command", "suggest");
        }
        if (count < 1 || count > MOST) {
            throw text.refusal("suggest.count", "most", Integer.toString(MOST), "count", Integer.toString(count));
        }
        List<Transport> only = transports.selected(null, text);
        Registry registry = ActiveRegistry.load(console);
        dev.portolan.knowledge.PortSummaries summaries = LookupCommand.known(registry).summaries();
        PortSuggester suggester = PortSuggester.of(summaries);
        Knowledge knowledge = summaries.knowledge();
        // Free here: no socket of any state on the port, and this machine does not hand it out
        // itself (its own ephemeral range may differ from the systems' defaults).
        SocketScan scan = inspection.sockets().scan(true);
        PortSettings settings = scan.settings();
        List<Suggestion> found = suggester.suggest(count, port -> only.stream().allMatch(t -> scan.at(port, t).isEmpty()
                && !settings.isEphemeral(port, t)), seed == null ? new Random() : new Random(seed));
        if (format == OutputFormat.json) {
            json(text, found, suggester, knowledge, only);
        } else {
            table(text, found, suggester, knowledge, only);
        }
        return found.isEmpty() ? ExitCode.FAILURE : ExitCode.OK;
    }

    private void table(CliText text, List<Suggestion> found, PortSuggester suggester, Knowledge knowledge,
            List<Transport> only) {
        PrintWriter out = console.out();
        if (found.isEmpty()) {
            out.println(text.say("suggest.none", "transports", text.transports(only)));
        } else {
            StringBuilder ports = new StringBuilder();
            for (Suggestion s : found) {
                ports.append(ports.length() == 0 ? "" : "  ").append(s.port());
            }
            out.println(ports);
            out.println();
            out.println(text.say("suggest.eachIs", "transports", text.transports(only)));
            for (String r : reasons(text, knowledge)) {
                out.println("  - " + r);
            }
            out.println();
            int candidates = suggester.candidates().size();
            out.println(text.say("suggest.candidates", "count", candidates, "shown", Integer.toString(candidates)));
        }
        out.flush();
    }

    /**
     * Why every suggested port is a good choice, one sentence a rule of {@link PortSuggester}, in
     * the run's language.
     */
    static List<String> reasons(CliText text, Knowledge knowledge) {
        Set<String> systems = new LinkedHashSet<>();
        knowledge.ephemeralRanges().forEach(r -> systems.add(r.system()));
        return List.of(text.say("suggest.unassigned"),
                text.say("suggest.unknown", "programs", knowledge.programs().size(), "range",
                        Integer.toString(PortSummary.SPECIFIC_RANGE)),
                text.say("suggest.notEphemeral", "systems", text.list(List.copyOf(systems))),
                text.say("suggest.notNodePort", "range", PortSuggester.NODE_PORTS.toString()),
                text.say("suggest.freeHere"));
    }

    private void json(CliText text, List<Suggestion> found, PortSuggester suggester, Knowledge knowledge,
            List<Transport> only) {
        try (JsonGenerator g = new JsonFactory().createGenerator(new NonClosingWriter(console.out()))) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("transports");
            for (Transport t : only) {
                g.writeString(t.id());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ports");
            for (Suggestion s : found) {
                g.writeNumber(s.port());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reasons");
            for (String r : reasons(text, knowledge)) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeNumberField("candidates", suggester.candidates().size());
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        console.out().flush();
    }
}
