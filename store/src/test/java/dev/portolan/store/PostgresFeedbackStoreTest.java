package dev.portolan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.StoreException;
import dev.portolan.store.testsupport.TestPostgres;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store on a real server ({@link TestPostgres}): the same answers as the SQLite
 * store, exact totals from several stores (as from several servers) at once, and clear refusals.
 */
class PostgresFeedbackStoreTest {
    private TestPostgres pg;

    @BeforeEach
    void schema() throws Exception {
        pg = TestPostgres.freshSchema();
    }

    @AfterEach
    void drop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void votes_areCountedPerPortAndStampedInUtc() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:30.123456Z"), ZoneOffset.ofHours(5));
        try (FeedbackStore store = PostgresFeedbackStore.open(pg.database(), clock)) {
            store.record(new Vote(443, "en", Reaction.UNHELPFUL));
            store.record(new Vote(443, "zh-Hant", Reaction.HELPFUL));
            store.record(new Vote(0, "fr", Reaction.NEUTRAL));

            assertThat(store.counts(443)).isEqualTo(new FeedbackCounts(1, 0, 1));
            assertThat(store.counts(0)).isEqualTo(new FeedbackCounts(0, 1, 0));
            assertThat(store.counts(80)).isEqualTo(FeedbackCounts.NONE);
            assertThat(store.describe()).startsWith("feedback database postgresql://").doesNotContain("password");
        }
        assertThat(pg.rows("SELECT port, lang, reaction, voted_at FROM feedback_vote ORDER BY id")).containsExactly(
                "443|en|unhelpful|2026-11-23T10:15:30.123Z", "443|zh|helpful|2026-11-23T10:15:30.123Z",
                "0|fr|neutral|2026-11-23T10:15:30.123Z");
        assertThat(pg.rows("SELECT version, success FROM flyway_schema_history")).containsExactly("1|t");
    }

    @Test
    void leastHelpful_ranksAsTheSqliteStore() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(pg.database())) {
            vote(store, 22, 8, 0, 2);
            vote(store, 80, 1, 0, 0);
            vote(store, 443, 0, 0, 5);
            vote(store, 25, 1, 0, 0);

            assertThat(store.leastHelpful(10)).extracting(PageFeedback::port).containsExactly(22, 25, 80);
            assertThat(store.leastHelpful(1)).extracting(PageFeedback::port).containsExactly(22);
        }
    }

    /** Two stores are two servers: each keeps its own pool; the totals are exact. */
    @Test
    void twoStoresVotingAtOnce_loseNothingAndCountNothingTwice() throws Exception {
        int threads = 8;
        int votesEach = 100;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (FeedbackStore a = FeedbackStore.open(pg.database()); FeedbackStore b = FeedbackStore.open(pg.database())) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                FeedbackStore store = t % 2 == 0 ? a : b;
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < votesEach; i++) {
                        // every thread on the same three ports: the rows of the totals are contended
                        store.record(new Vote(9000 + i % 3, "en", Reaction.values()[(thread + i) % 3]));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            long total = 0;
            for (int p = 9000; p < 9003; p++) {
                total += a.counts(p).total();
                assertThat(a.counts(p)).isEqualTo(b.counts(p));
            }
            assertThat(total).isEqualTo((long) threads * votesEach);
        } finally {
            pool.shutdownNow();
        }
        assertThat(pg.rows("SELECT count(*) FROM feedback_vote")).containsExactly(Integer.toString(threads * votesEach));
    }

    @Test
    void secondOpen_findsTheSchemaUpToDate() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(pg.database())) {
            store.record(new Vote(22, "en", Reaction.HELPFUL));
        }
        try (FeedbackStore store = FeedbackStore.open(pg.database())) {
            assertThat(store.counts(22)).isEqualTo(new FeedbackCounts(0, 0, 1));
        }
        assertThat(pg.rows("SELECT count(*) FROM flyway_schema_history")).containsExactly("1");
    }

    @Test
    void schemaOfAnotherProgram_isRefusedAndUntouched() throws Exception {
        pg.execute("CREATE TABLE invoices (id int)");

        assertThatThrownBy(() -> FeedbackStore.open(pg.database()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("belongs to something else (tables: invoices)")
                .hasMessageContaining("give Portolan a database (or schema) of its own");
        assertThat(pg.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + pg.schema()
                + "'")).containsExactly("invoices");
    }

    @Test
    void newerSchemaVersion_isRefused() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(pg.database())) {
            store.record(new Vote(22, "en", Reaction.HELPFUL));
        }
        pg.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (2, '2', 'future', 'SQL', 'V2__future.sql', 0, 'x',"
                + " 0, true)");

        assertThatThrownBy(() -> FeedbackStore.open(pg.database()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has schema version 2, newer than this program knows (1)");
        assertThat(pg.rows("SELECT count(*) FROM feedback_vote")).containsExactly("1");
    }

    @Test
    void wrongPassword_isNamedWithoutShowingThePassword() throws Exception {
        FeedbackDatabase.Postgres right = pg.database();
        FeedbackDatabase.Postgres wrong = new FeedbackDatabase.Postgres(right.jdbcUrl(), right.user(),
                "not-the-password-42", right.display());

        assertThatThrownBy(() -> FeedbackStore.open(wrong))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("refused the login")
                .hasMessageContaining("check the user and password")
                .hasMessageNotContaining("not-the-password-42");
    }

    @Test
    void missingDatabase_isNamed() throws Exception {
        FeedbackDatabase.Postgres right = pg.database();
        String url = right.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/portolan_no_such_database$1");
        FeedbackDatabase.Postgres missing = new FeedbackDatabase.Postgres(url, right.user(), right.password(),
                "postgresql://x/portolan_no_such_database");

        assertThatThrownBy(() -> FeedbackStore.open(missing))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("create it (createdb)");
    }

    @Test
    void serverThatDoesNotAnswer_isReportedWithinTheTimeout() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        FeedbackDatabase.Postgres nowhere = (FeedbackDatabase.Postgres) FeedbackDatabase.parse(
                "postgresql://u:p@127.0.0.1:" + closed + "/portolan", java.util.Map.of());

        long start = System.nanoTime();
        assertThatThrownBy(() -> FeedbackStore.open(nowhere))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot reach the feedback database postgresql://u@127.0.0.1:" + closed
                        + "/portolan")
                .hasMessageContaining("check that the server runs");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
    }

    @Test
    void closedStore_refusesVotes() throws Exception {
        FeedbackStore store = FeedbackStore.open(pg.database());
        store.close();
        store.close();

        assertThatThrownBy(() -> store.record(new Vote(22, "en", Reaction.HELPFUL)))
                .isInstanceOf(StoreException.class).hasMessageContaining("is closed");
    }

    private static void vote(FeedbackStore store, int port, int unhelpful, int neutral, int helpful)
            throws StoreException {
        for (int i = 0; i < unhelpful; i++) {
            store.record(new Vote(port, "en", Reaction.UNHELPFUL));
        }
        for (int i = 0; i < neutral; i++) {
            store.record(new Vote(port, "en", Reaction.NEUTRAL));
        }
        for (int i = 0; i < helpful; i++) {
            store.record(new Vote(port, "en", Reaction.HELPFUL));
        }
    }
}
