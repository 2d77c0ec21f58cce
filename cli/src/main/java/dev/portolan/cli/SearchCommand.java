package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortEntry;
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

/** {@code portolan search WORDS...}: ranked, typo-tolerant search over names and descriptions. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search service names and descriptions; tolerates a typo (postgers finds postgresql).",
        footer = {"", "Examples:", "  portolan search redis", "  portolan search network time --transport udp"})
final class SearchCommand implements Callable<Integer> {
    /** The most rows --limit accepts. */
    static final int MAX_LIMIT = 10_000;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Words to find.")
    List<String> words = new ArrayList<>();

    @Option(names = {"-t", "--transport"}, paramLabel = "T", description = "Only this transport: tcp, udp, sctp or dccp.")
    @Nullable String transport;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N rows (default 20; 0 for all).")
    int limit = 20;

    private final Console console;

    SearchCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InvalidQueryException {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("--limit " + limit + " is out of range: give 0 (all) to " + MAX_LIMIT);
        }
        Transport only = CommonOptions.transport(transport);
        Registry registry = ActiveRegistry.load(console);
        List<PortEntry> rows = registry.search(String.join(" ", words), only, limit);
        new EntryWriter(registry.snapshot(), console.out()).write(rows, format);
        return ExitCode.OK;
    }
}
