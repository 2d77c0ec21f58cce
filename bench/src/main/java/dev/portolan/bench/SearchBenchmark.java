package dev.portolan.bench;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortEntry;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import java.util.List;
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
 * The cost of {@code portolan search}: {@link Registry#search} with the command's default limit of
 * 20 rows, for an exact name ({@code redis}), a typo ({@code postgers}, answered by the edit
 * distance fallback), two description words ({@code network time}) and a short name that is a
 * prefix of many others ({@code ntp}).
 *
 * <ul>
 *   <li>{@code warmSearch}: a long-lived registry whose search index is already built.
 *   <li>{@code coldSearch}: what the command line does, a fresh {@link Registry#of} on an
 *       already-decoded snapshot, so the search index is built and then asked once.
 * </ul>
 *
 * <p>The JIT is warm in both. The {@code registry} parameter picks the full IANA registry
 * ({@code full}, needs the files, see {@link BenchData}) or the embedded baseline. Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar SearchBenchmark -f 1 -wi 3 -i 5</pre>
 *
 * <p>or for one query only: {@code ... SearchBenchmark -p query=postgers -p registry=full}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SearchBenchmark {
    /** The number of rows {@code portolan search} prints unless told otherwise. */
    static final int LIMIT = 20;

    @Param({"redis", "postgers", "network time", "ntp"})
    public String query;

    @Param({Registries.FULL, Registries.BASELINE})
    public String registry;

    // Set in setUp, before any benchmark method runs.
    private RegistrySnapshot snapshot;
    private Registry warm;

    @Setup
    public void setUp() throws InvalidQueryException {
        snapshot = Registries.load(registry);
        warm = Registry.of(snapshot);
        if (warm.search(query, null, LIMIT).isEmpty()) {
            throw new IllegalStateException("search \"" + query + "\" finds nothing in the " + registry
                    + " registry: the benchmark would measure a miss");
        }
    }

    /** One search on a registry whose search index is built. */
    @Benchmark
    public List<PortEntry> warmSearch() throws InvalidQueryException {
        return warm.search(query, null, LIMIT);
    }

    /** A fresh registry, its search index built, and one search: what the command line does. */
    @Benchmark
    public List<PortEntry> coldSearch() throws InvalidQueryException {
        return Registry.of(snapshot).search(query, null, LIMIT);
    }
}
