package dev.portolan.bench;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.web.Gzip;
import dev.portolan.web.PageRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How long the gzip form of one port's files takes (its English HTML page and its API JSON, as
 * the static export writes them), with each engine at the levels worth choosing, and how small
 * it is: the counters {@code in} and {@code out} are the bytes compressed and the bytes they
 * became over the run, so {@code out / in} is the size ratio.
 *
 * <pre>java -jar bench/target/benchmarks.jar GzipBenchmark -f 1 -wi 3 -i 5</pre>
 *
 * <p>The libdeflate rows need the native library (built when the machine has a C compiler and
 * libdeflate's header); without it they fail at setup and the zlib rows still run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GzipBenchmark {
    private static final int PAGES = 64;

    @Param({"LIBDEFLATE", "ZLIB"})
    public Gzip.Engine engine;

    @Param({"1", "6", "9"})
    public int level;

    private Gzip gzip;
    private byte[][] files;
    private int cursor;

    @Setup
    public void setUp() {
        Registry registry = Registry.of(Registries.load(Registries.FULL));
        PortPages pages = new PortPages(registry, Knowledge.embedded());
        PageRenderer site = new PageRenderer(new dev.portolan.knowledge.PortSummaries(registry,
                dev.portolan.knowledge.Knowledge.embedded()), ULocale.ENGLISH, "https://ports.example");
        SplittableRandom random = new SplittableRandom(42);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < PAGES / 2; i++) {
            out.addAll(site.htmlAndJson(pages.page(random.nextInt(65_536))));
        }
        files = out.toArray(byte[][]::new);
        gzip = Gzip.at(level, engine);
    }

    /** Bytes in and out of the compressor; JMH adds them up over the measured iterations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Sizes {
        public long in;
        public long out;

        @Setup(Level.Iteration)
        public void clear() {
            in = 0;
            out = 0;
        }
    }

    @Benchmark
    public byte[] compress(Sizes sizes) {
        byte[] file = files[cursor++ & (PAGES - 1)];
        byte[] gz = gzip.compress(file);
        sizes.in += file.length;
        sizes.out += gz.length;
        return gz;
    }
}
