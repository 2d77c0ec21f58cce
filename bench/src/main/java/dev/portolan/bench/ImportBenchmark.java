package dev.portolan.bench;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.nio.file.Path;
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
 * How long {@code portolan import} and {@code portolan update} spend turning the full IANA
 * registry (about 14,500 records, 3.8 MB of XML) into a snapshot: reading the XML, reading the
 * gzip-compressed CSV, and encoding the snapshot into the binary form the command line loads.
 *
 * <p>Single-shot: each iteration is one whole import, as the command does once; the warm-up
 * iterations let the JIT compile the readers, so the figures are the steady-state cost (a real
 * import runs in a fresh JVM and is slower; a fork count with no warm-up shows that).
 *
 * <p>Needs the full registry files (see {@link BenchData}). Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar ImportBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class ImportBenchmark {
    // Set in setUp, before any benchmark method runs.
    private Path xml;
    private Path csv;
    private RegistrySnapshot snapshot;

    @Setup
    public void setUp() throws RegistryFormatException {
        xml = BenchData.file(BenchData.XML);
        csv = BenchData.file(BenchData.CSV_GZ);
        snapshot = RegistryFileReader.read(xml);
    }

    /** Reads and validates the full XML registry. */
    @Benchmark
    public RegistrySnapshot readXml() throws RegistryFormatException {
        return RegistryFileReader.read(xml);
    }

    /** Reads the full registry from the gzip-compressed CSV (decompression included). */
    @Benchmark
    public RegistrySnapshot readCsvGz() throws RegistryFormatException {
        return RegistryFileReader.read(csv);
    }

    /** Encodes the full registry into the binary snapshot the command line loads at start. */
    @Benchmark
    public byte[] encodeSnapshot() {
        return SnapshotCodec.encode(snapshot);
    }
}
