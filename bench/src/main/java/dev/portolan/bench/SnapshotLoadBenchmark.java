package dev.portolan.bench;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every command pays before it can answer: turning the stored binary snapshot into a
 * {@link RegistrySnapshot}. Measures {@link SnapshotCodec#decode} of the full registry (what a
 * command does after {@code portolan update}) and {@link Baseline#load()} (the embedded baseline
 * a fresh install answers from, read from the class path and decoded).
 *
 * <p>Average time with a warm JIT; the first decode in a fresh JVM, which is what the command line
 * really pays, is part of what {@code bench/startup.sh} measures.
 *
 * <p>{@code decodeFull} needs the full registry (see {@link BenchData}); {@code baselineLoad}
 * does not. Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar SnapshotLoadBenchmark -f 1 -wi 3 -i 5</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class SnapshotLoadBenchmark {
    /** The full registry encoded, as {@code portolan update} stores it. */
    @State(Scope.Benchmark)
    public static class FullSnapshot {
        byte[] bytes;

        @Setup
        public void setUp() {
            bytes = SnapshotCodec.encode(BenchData.fullRegistry());
        }
    }

    /** Decodes the full registry's binary snapshot. */
    @Benchmark
    public RegistrySnapshot decodeFull(FullSnapshot full) throws SnapshotCodec.CorruptSnapshotException {
        return SnapshotCodec.decode(full.bytes);
    }

    /** Reads the embedded baseline from the class path and decodes it. */
    @Benchmark
    public RegistrySnapshot baselineLoad() {
        return Baseline.load();
    }
}
