package dev.portolan.cli;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.search.PortSearch;
import dev.portolan.knowledge.search.SearchIndexFile;
import dev.portolan.knowledge.search.SearchQuery;
import dev.portolan.knowledge.search.SearchResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code portolan search WORDS...}: the search of the web site, from the command line (see
 * {@link PortSearch}): ports, ranges and lists, or names and words, one result per port.
 */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find ports: by number (443, 443/udp, 8000-8100, 22,80,443) or by what people call",
            "them (ssh, rdp, kafka, minecraft, remote desktop); forgives a typo (postgers finds postgresql)."},
        footer = {"", "Results rank by how they match: a port number, a registry service name, the name people",
            "use, a program's name, a word of a name, a word of a description, then a typo; among",
            "equals, the ports people use most. Descriptions are searched in English and, with --lang,",
            "in that language too.", "",
            "Examples:", "  portolan search rdp", "  portolan search 8000-8010", "  portolan search kafka -n 5",
            "  portolan search escritorio remoto --lang es", "  portolan search dns --transport udp --format json"})
final class SearchCommand implements Callable<Integer> {
    /** The most rows --limit accepts. */
    static final int MAX_LIMIT = 10_000;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "Ports or words to find.")
    List<String> words = new ArrayList<>();

    @Option(names = {"-t", "--transport"}, paramLabel = "T", description = "Only this transport: tcp, udp, sctp or dccp.")
    @Nullable String transport;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "table (default), json or csv.")
    OutputFormat format = OutputFormat.table;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "At most N ports (default 20; 0 for all).")
    int limit = 20;

    @Option(names = {"-l", "--lang"}, paramLabel = "LANG",
            description = "Also search the descriptions in this language: a code such as es, de or ja (default:"
                    + " from the environment, else English only).")
    @Nullable String lang;

    private final Console console;

    SearchCommand(Console console) {
        this.console = console;
    }

    /**
     * The code of the language whose descriptions are searched beside English: the one asked for
     * (refused with the list when the pages are not written in it), else the first of LC_ALL,
     * LC_MESSAGES and LANG that is set, when the pages are written in it, else English: {@link
     * CliText#choose}, without loading ICU.
     */
    static String language(@Nullable String asked, java.util.Map<String, String> env) throws InvalidQueryException {
        return CliText.choose(asked, env).code();
    }

    @Override
    public Integer call() throws InvalidQueryException {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("--limit " + limit + " is out of range: give 0 (all) to " + MAX_LIMIT);
        }
        Transport only = CommonOptions.transport(transport);
        String language = language(lang, console.env());
        SearchQuery query = SearchQuery.parse(String.join(" ", words));
        if (only != null) {
            if (!query.transports().isEmpty() && !query.transports().contains(only)) {
                throw new InvalidQueryException("the query names " + query.transports().iterator().next().id()
                        + " but --transport is " + only.id() + ": give one of them");
            }
            query = new SearchQuery(query.text(), query.ports(), Set.of(only), query.words());
        }
        ActiveRegistry.Active active = ActiveRegistry.active(console);
        Registry registry = active.registry();
        SearchIndexFile index = active.searchIndex();
        PortSearch search = index == null ? PortSearch.over(registry) : PortSearch.over(registry, index);
        SearchResults results = search.search(query, language, limit == 0 ? MAX_LIMIT : limit);
        new SearchWriter(console.out(), registry.snapshot().info()).write(results, format);
        return ExitCode.OK;
    }
}
