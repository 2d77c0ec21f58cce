package dev.portolan.bench;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.HistoryException;
import dev.portolan.core.history.PortTimeline;
import dev.portolan.core.history.RegistryDiff;
import dev.portolan.core.history.RegistryHistory;
import dev.portolan.core.iana.RegistryFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * What the registry's history costs: the diff of two full releases (2024-08-01 and 2025-12-15,
 * about 14,500 records each, both put in canonical form and matched: {@code diffTwoReleases}),
 * building the change log of the six releases of 2017 to 2025 from their files, reading included
 * ({@code importSixReleases}, single shot: one import per iteration, as a command does it once),
 * reading a stored change log back ({@code decodeChangeLog}), and the timeline of one port from it
 * ({@code timelineOfOnePort}, what a port page would pay).
 *
 * <p>Needs the current registry and the five history releases of {@code shared/data/iana} (see
 * {@link BenchData}). Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar RegistryHistoryBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class RegistryHistoryBenchmark {
    /** The five earlier releases, by their {@code updated} dates. */
    private static final List<String> HISTORY = List.of("20170310", "20181218", "20201229", "20230104", "20240801");
    private static final int[] PORTS = {2, 22, 80, 443, 3283, 4319, 6000, 8080, 49_151, 60_327};

    // Set in setUp, before any benchmark method runs.
    private List<Path> files;
    private RegistrySnapshot august2024;
    private RegistrySnapshot december2025;
    private byte[] encoded;
    private ChangeLog log;
    private int next;

    @Setup
    public void setUp() throws RegistryFormatException, HistoryException {
        files = new ArrayList<>();
        for (String date : HISTORY) {
            files.add(BenchData.file("history/service-names-port-numbers-" + date + ".xml.gz"));
        }
        files.add(BenchData.file(BenchData.XML));
        august2024 = RegistryFileReader.read(files.get(4));
        december2025 = RegistryFileReader.read(files.get(5));
        log = RegistryHistory.importReleases(files);
        encoded = log.encode();
    }

    /** The diff of the releases of 2024-08-01 and 2025-12-15, from their snapshots. */
    @Benchmark
    public RegistryDiff diffTwoReleases() {
        return RegistryHistory.diff(august2024, december2025);
    }

    /** Reads the six release files and builds their change log. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public ChangeLog importSixReleases() throws HistoryException {
        return RegistryHistory.importReleases(files);
    }

    /** Reads the six releases' change log from its binary form (271 kB). */
    @Benchmark
    public ChangeLog decodeChangeLog() throws HistoryException {
        return RegistryHistory.decode(encoded);
    }

    /** The timeline of one port, from ten ports in turn, over the six releases. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PortTimeline timelineOfOnePort() {
        next = (next + 1) % PORTS.length;
        return log.timeline(PORTS[next]);
    }
}
