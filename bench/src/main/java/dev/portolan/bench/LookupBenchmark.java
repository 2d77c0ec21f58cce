package dev.portolan.bench;

import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortEntry;
import dev.portolan.core.PortQuery;
import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import java.util.List;
import java.util.SplittableRandom;
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
 * The cost of {@link Registry#lookup} for a single port, in two situations:
 *
 * <ul>
 *   <li>{@code warmLookupRandomPort}: a long-lived registry whose port index is built (the
 *       {@code PortIndex} builds it after its first 64 questions), asked about uniformly random
 *       ports 0-65535 (pre-parsed). This is what a server or a batch of lookups pays per port.
 *   <li>{@code coldLookup443} and {@code coldLookupRandomPort}: what the command line does, a fresh
 *       {@link Registry#of} on an already-decoded snapshot, the argument parsed, and one lookup,
 *       which answers by scanning the records because the index is not built yet.
 * </ul>
 *
 * <p>The JIT is warm in both; a real command line start runs cold code, which {@code
 * bench/startup.sh} measures end to end. The {@code registry} parameter picks the full IANA
 * registry ({@code full}, needs the files, see {@link BenchData}) or the embedded baseline.
 * Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar LookupBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class LookupBenchmark {
    private static final int QUERIES = 4096; // a power of two: the cursor wraps with a mask

    @Param({Registries.FULL, Registries.BASELINE})
    public String registry;

    // Set in setUp, before any benchmark method runs.
    private RegistrySnapshot snapshot;
    private Registry warm;
    private PortQuery[] randomQueries;
    private String[] randomArguments;

    /** Per-thread position in the random ports, so consecutive calls ask about different ports. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            return next++ & (QUERIES - 1);
        }
    }

    @Setup
    public void setUp() throws InvalidQueryException {
        snapshot = Registries.load(registry);
        SplittableRandom random = new SplittableRandom(443);
        randomQueries = new PortQuery[QUERIES];
        randomArguments = new String[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            randomArguments[i] = Integer.toString(random.nextInt(65_536));
            randomQueries[i] = PortQuery.parse(randomArguments[i]);
        }
        warm = Registry.of(snapshot);
        // Well past the 64 scanned questions after which the port index is built.
        for (int i = 0; i < 256; i++) {
            warm.lookup(randomQueries[i], null);
        }
    }

    /** One lookup of a random port on a registry whose port index is built. */
    @Benchmark
    public List<PortEntry> warmLookupRandomPort(Cursor cursor) throws InvalidQueryException {
        return warm.lookup(randomQueries[cursor.advance()], null);
    }

    /** What {@code portolan 443} computes: a fresh registry, the argument parsed, one lookup. */
    @Benchmark
    public List<PortEntry> coldLookup443() throws InvalidQueryException {
        return Registry.of(snapshot).lookup(PortQuery.parse("443"), null);
    }

    /** The same for a random port (most are unassigned, so the scan finds nothing). */
    @Benchmark
    public List<PortEntry> coldLookupRandomPort(Cursor cursor) throws InvalidQueryException {
        return Registry.of(snapshot).lookup(PortQuery.parse(randomArguments[cursor.advance()]), null);
    }
}
