package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortEntry;
import dev.portolan.core.PortQuery;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code portolan lookup ARG...}: what the registry says about ports, ranges and service names. */
@Command(name = "lookup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show what the registry says about ports, ranges or service names.",
            "A bare 'portolan 443' means 'portolan lookup 443'."},
        footer = {"", "Examples:", "  portolan lookup 443", "  portolan 53/udp", "  portolan lookup 8000-8010",
            "  portolan lookup ssh --format json"})
final class LookupCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "ARG",
            description = "A port (443), port/transport (53/udp), range (8000-8010) or service name (ssh).")
    List<String> args = new ArrayList<>();

    @Option(names = {"-t", "--transport"}, paramLabel = "T", description = "Only this transport: tcp, udp, sctp or dccp.")
    @Nullable String transport;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    private final Console console;

    LookupCommand(Console console) {
        this.console = console;
    }

    /** The embedded knowledge over the active registry, for what the table says under the records. */
    static EntryWriter.Known known(Registry registry) {
        dev.portolan.knowledge.Knowledge knowledge = dev.portolan.knowledge.Knowledge.embedded();
        return new EntryWriter.Known(new dev.portolan.knowledge.PortSummaries(registry, knowledge),
                KnownLines.english(knowledge));
    }

    @Override
    public Integer call() throws InvalidQueryException {
        Transport only = CommonOptions.transport(transport);
        List<PortQuery> queries = new ArrayList<>();
        for (String a : args) {
            queries.add(PortQuery.parse(a));
        }
        Registry registry = ActiveRegistry.load(console);
        List<PortEntry> rows = new ArrayList<>();
        for (PortQuery q : queries) {
            rows.addAll(registry.lookup(q, only));
        }
        // a class rather than a lambda: linking one costs a start (bench/README.md)
        new EntryWriter(registry.snapshot(), console.out(), new java.util.function.Supplier<>() {
            @Override
            public EntryWriter.Known get() {
                return known(registry);
            }
        }).write(rows, format);
        return ExitCode.OK;
    }
}
