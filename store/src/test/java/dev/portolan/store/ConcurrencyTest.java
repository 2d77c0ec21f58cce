package dev.portolan.store;

import static dev.portolan.store.FeedbackStoreTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads record at once while others read; nothing is lost and reads never go backwards. */
class ConcurrencyTest {
    private static final int WRITERS = 16;
    private static final int VOTES_PER_WRITER = 150;
    private static final int PORTS = 5;

    @TempDir
    Path dir;

    @Test
    void concurrentVotes_areAllCounted() throws Exception {
        Path db = dir.resolve("portolan.db");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try (FeedbackStore store = FeedbackStore.open(db)) {
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < VOTES_PER_WRITER; i++) {
                        Reaction r = Reaction.values()[(writer + i) % 3];
                        store.record(new Vote(8000 + i % PORTS, writer % 2 == 0 ? "en" : "de-CH", r));
                    }
                    return null;
                }));
            }
            // Readers during the writes: a port's total only grows, and reading never fails.
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    long reads = 0;
                    long last = 0;
                    while (writing.get()) {
                        long now = store.counts(8000).total();
                        assertThat(now).isGreaterThanOrEqualTo(last);
                        last = now;
                        store.leastHelpful(3);
                        reads++;
                    }
                    return reads;
                }));
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<Long> f : readers) {
                assertThat(f.get(1, TimeUnit.MINUTES)).isPositive();
            }

            long expectedPerReaction = (long) WRITERS * VOTES_PER_WRITER / 3;
            long unhelpful = 0;
            long neutral = 0;
            long helpful = 0;
            long total = 0;
            for (int p = 0; p < PORTS; p++) {
                FeedbackCounts c = store.counts(8000 + p);
                assertThat(c.total()).isEqualTo((long) WRITERS * VOTES_PER_WRITER / PORTS);
                unhelpful += c.unhelpful();
                neutral += c.neutral();
                helpful += c.helpful();
                total += c.total();
            }
            assertThat(total).isEqualTo((long) WRITERS * VOTES_PER_WRITER);
            assertThat(new long[] {unhelpful, neutral, helpful})
                    .containsExactly(expectedPerReaction, expectedPerReaction, expectedPerReaction);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(db, "SELECT count(*) FROM feedback_vote")).containsExactly(
                Integer.toString(WRITERS * VOTES_PER_WRITER));
    }
}
