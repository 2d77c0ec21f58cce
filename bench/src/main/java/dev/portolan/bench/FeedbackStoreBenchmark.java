package dev.portolan.bench;

import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackCounts;
import dev.portolan.store.FeedbackStore;
import dev.portolan.store.PageFeedback;
import dev.portolan.store.Reaction;
import dev.portolan.store.Vote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link FeedbackStore} on a real SQLite file (WAL, {@code synchronous=FULL}):
 *
 * <ul>
 *   <li>{@code record}: one vote recorded and on disk. Bound by the disk's sync; run it with more
 *       threads ({@code -t 4}) to see votes that arrive together share one commit.
 *   <li>{@code counts}: the totals of one random port, what every page request asks.
 *   <li>{@code leastHelpful}: the 20 least helpful pages, what {@code portolan feedback} asks.
 *   <li>{@code mixed}: one thread recording while another reads counts, to show reads do not wait
 *       for writes.
 * </ul>
 *
 * <p>Each trial starts from a database of 20,000 votes over 2,000 ports in a new temporary
 * directory (system property {@code portolan.bench.dir} picks the file system, default {@code
 * java.io.tmpdir}). Figures depend on the disk's sync latency above all. Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar FeedbackStoreBenchmark -f 1 -wi 3 -i 5
 *java -jar bench/target/benchmarks.jar 'FeedbackStoreBenchmark.record' -f 1 -wi 3 -i 5 -t 4</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeedbackStoreBenchmark {
    /** Ports with votes at the start; random ports are drawn from these. */
    static final int PORTS = 2_000;
    /** Votes in the database at the start. */
    static final int VOTES = 20_000;

    private static final String[] LANGS = {"en", "de", "fr", "zh-Hant", "es-419"};

    // Set in setUp, before any benchmark method runs.
    private Path dir;
    private FeedbackStore store;

    /** Per-thread random source. */
    @State(Scope.Thread)
    public static class Dice {
        final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId() * 7919L);

        Vote vote() {
            return new Vote(random.nextInt(PORTS), LANGS[random.nextInt(LANGS.length)],
                    Reaction.values()[random.nextInt(3)]);
        }

        int port() {
            return random.nextInt(PORTS);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path base = Path.of(System.getProperty("portolan.bench.dir", System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory(base, "portolan-feedback-bench");
        store = FeedbackStore.open(dir.resolve("portolan.db"));
        // Many threads at once, so that group commit fills the database in seconds, not minutes.
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(thread);
                    for (int i = thread; i < VOTES; i += 32) {
                        store.record(new Vote(i % PORTS, LANGS[i % LANGS.length],
                                Reaction.values()[random.nextInt(3)]));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One vote, on disk when it returns. */
    @Benchmark
    public void record(Dice dice) throws StoreException {
        store.record(dice.vote());
    }

    /** The totals of one page. */
    @Benchmark
    public FeedbackCounts counts(Dice dice) throws StoreException {
        return store.counts(dice.port());
    }

    /** The 20 least helpful pages. */
    @Benchmark
    public List<PageFeedback> leastHelpful() throws StoreException {
        return store.leastHelpful(20);
    }

    /** Recording, in the same trial as {@link #mixedCounts}. */
    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public void mixedRecord(Dice dice) throws StoreException {
        store.record(dice.vote());
    }

    /** Reading while {@link #mixedRecord} writes. */
    @Benchmark
    @Group("mixed")
    @GroupThreads(1)
    public FeedbackCounts mixedCounts(Dice dice) throws StoreException {
        return store.counts(dice.port());
    }
}
