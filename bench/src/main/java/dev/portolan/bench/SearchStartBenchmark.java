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
 * What a search costs before it can answer: {@link PortSearch#over} on a registry made anew. Over
 * the embedded baseline it reads the build's compiled index; over the full registry it reads the
 * compiled index of the knowledge and indexes the registry's 14,496 records, what a command
 * answering from an imported registry does first.
 *
 * <ul>
 *   <li>{@code build}: the search made ready;
 *   <li>{@code buildAndSearch}: made ready, and one query ({@code remote desktop}).
 * </ul>
 *
 * <p>With the JIT warm (the default) the figures are the steady cost; the command line's case, a
 * fresh JVM with cold code, is a single shot per fork with its flags:
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SearchStartBenchmark -f 1 -wi 3 -i 5
 * java -jar bench/target/benchmarks.jar SearchStartBenchmark -bm ss -tu ms -f 10 -wi 0 -i 1 \
 *     -jvmArgsAppend "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
 * </pre>
 *
 * <p>The registry's records are decoded in the set-up, which the single shot does not count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SearchStartBenchmark {
    @Param({Registries.FULL, Registries.BASELINE})
    public String registry;

    // Set in setUp, before any benchmark method runs.
    private RegistrySnapshot snapshot;

    @Setup
    public void setUp() {
        snapshot = Registries.load(registry);
    }

    /** The search over a registry made anew. */
    @Benchmark
    public PortSearch build() {
        return PortSearch.over(Registry.of(snapshot));
    }

    /** The search made anew and asked once. */
    @Benchmark
    public SearchResults buildAndSearch() throws SearchQueryException {
        return PortSearch.over(Registry.of(snapshot)).search(SearchQuery.parse("remote desktop"), "en",
                SearchBenchmark.LIMIT);
    }
}
