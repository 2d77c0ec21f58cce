package dev.portolan.bench;

import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.knowledge.search.PortSearch;
import dev.portolan.knowledge.search.SearchQuery;
import dev.portolan.knowledge.search.SearchQueryException;
import dev.portolan.knowledge.search.SearchResults;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one search ({@link PortSearch}, the search of the site, the API and {@code portolan
 * search}), with the default limit of 20 results: one query, read from text, on a search whose
 * indexes are built, as the web site answers it, JIT warm ({@code warmSearch}).
 *
 * <p>Queries: an exact service name ({@code redis}), a short one that starts many others
 * ({@code ntp}), the name people use ({@code rdp}), a program ({@code kafka}), two words of
 * descriptions ({@code network time}, {@code remote desktop}), a typo answered by the near-miss
 * pass ({@code postgers}) and a range ({@code 8000-8100}). The {@code registry} parameter picks the
 * full IANA registry ({@code full}, needs the files, see {@link BenchData}) or the embedded
 * baseline. Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar SearchBenchmark -f 1 -wi 3 -i 5</pre>
 *
 * <p>The cold start of a command is {@link SearchStartBenchmark}'s question.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SearchBenchmark {
    /** The number of results {@code portolan search} prints unless told otherwise. */
    static final int LIMIT = 20;

    @Param({"redis", "ntp", "rdp", "kafka", "network time", "remote desktop", "postgers", "8000-8100"})
    public String query;

    @Param({Registries.FULL, Registries.BASELINE})
    public String registry;

    // Set in setUp, before any benchmark method runs.
    private RegistrySnapshot snapshot;
    private PortSearch warm;
    private SearchQuery parsed;

    @Setup
    public void setUp() throws SearchQueryException {
        snapshot = Registries.load(registry);
        warm = PortSearch.over(Registry.of(snapshot));
        parsed = SearchQuery.parse(query);
        if (warm.search(parsed, "en", LIMIT).hits().isEmpty()) {
            throw new IllegalStateException("search \"" + query + "\" finds nothing in the " + registry
                    + " registry: the benchmark would measure a miss");
        }
    }

    /** One search, the query read from text, on built indexes. */
    @Benchmark
    public SearchResults warmSearch() throws SearchQueryException {
        return warm.search(SearchQuery.parse(query), "en", LIMIT);
    }
}
