package dev.portolan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FeedbackStore}: recording, counting and ranking votes in a real SQLite file. */
class FeedbackStoreTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("portolan.db");
    }

    @Test
    void pageWithoutVotes_hasZeroCounts() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            assertThat(store.counts(443)).isEqualTo(new FeedbackCounts(0, 0, 0));
            assertThat(store.leastHelpful(10)).isEmpty();
        }
    }

    @Test
    void counts_addUpVotesOfEveryLanguage() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));
            store.record(new Vote(443, "de-CH", Reaction.HELPFUL));
            store.record(new Vote(443, "fr", Reaction.UNHELPFUL));
            store.record(new Vote(443, "en", Reaction.NEUTRAL));
            store.record(new Vote(22, "en", Reaction.UNHELPFUL));

            assertThat(store.counts(443)).isEqualTo(new FeedbackCounts(1, 1, 2));
            assertThat(store.counts(443).total()).isEqualTo(4);
            assertThat(store.counts(22)).isEqualTo(new FeedbackCounts(1, 0, 0));
            assertThat(store.counts(80)).isEqualTo(FeedbackCounts.NONE);
        }
    }

    @Test
    void everyVote_isStoredWithLanguageReactionAndUtcTime() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:30.123456Z"), ZoneOffset.ofHours(5));
        try (FeedbackStore store = SqliteFeedbackStore.open(db(), clock)) {
            store.record(new Vote(0, "zh-Hant", Reaction.UNHELPFUL));
            store.record(new Vote(65_535, "EN", Reaction.HELPFUL));
        }

        assertThat(rows(db(), "SELECT port, lang, reaction, voted_at FROM feedback_vote ORDER BY id")).containsExactly(
                "0|zh|unhelpful|2026-11-23T10:15:30.123Z", "65535|en|helpful|2026-11-23T10:15:30.123Z");
    }

    @Test
    void database_isInWalModeAndTheWriterSyncsEveryCommit() throws Exception {
        try (SqliteFeedbackStore store = SqliteFeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));

            assertThat(store.writerSetting("journal_mode")).isEqualTo("wal");
            assertThat(store.writerSetting("synchronous")).isEqualTo("2"); // FULL
            assertThat(Path.of(db() + "-wal")).exists();
        }
        // WAL mode is stored in the file: bytes 18 and 19 of the header are 2 (the log's file format).
        byte[] header = Files.readAllBytes(db());
        assertThat(header[18]).isEqualTo((byte) 2);
        assertThat(header[19]).isEqualTo((byte) 2);
    }

    @Test
    void open_createsMissingDirectories() throws Exception {
        Path deep = dir.resolve("a/b/c/portolan.db");

        try (FeedbackStore store = FeedbackStore.open(deep)) {
            store.record(new Vote(25, "en", Reaction.NEUTRAL));
            assertThat(store.describe()).isEqualTo("feedback database " + deep);
        }
        assertThat(deep).isRegularFile();
    }

    @Test
    void pathWithSpacesAndUriCharacters_isAnOrdinaryFile() throws Exception {
        Path odd = dir.resolve("my home?mode=memory&x=%41#frag").resolve("port olan.db");

        try (FeedbackStore store = FeedbackStore.open(odd)) {
            store.record(new Vote(25, "en", Reaction.NEUTRAL));
        }
        try (FeedbackStore store = FeedbackStore.open(odd)) {
            assertThat(store.counts(25)).isEqualTo(new FeedbackCounts(0, 1, 0));
        }
        assertThat(odd).isRegularFile();
    }

    @Test
    void leastHelpful_ranksByTheWilsonLowerBoundOfTheUnhelpfulShare() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            votes(store, 1, 1, 0, 0);     // one unhelpful vote: bound 0.21
            votes(store, 2, 8, 0, 2);     // 8 of 10 unhelpful: 0.49
            votes(store, 3, 8, 2, 0);     // the same share, neutral instead of helpful: 0.49, tie
            votes(store, 4, 2, 0, 8);     // 2 of 10: 0.06
            votes(store, 5, 0, 3, 9);     // nobody found it unhelpful: never listed
            votes(store, 6, 30, 10, 10);  // 30 of 50: 0.46

            List<PageFeedback> ranked = store.leastHelpful(10);

            assertThat(ranked).extracting(PageFeedback::port).containsExactly(2, 3, 6, 1, 4);
            assertThat(ranked.get(0).counts()).isEqualTo(new FeedbackCounts(8, 0, 2));
            assertThat(store.leastHelpful(2)).extracting(PageFeedback::port).containsExactly(2, 3);
            assertThat(store.leastHelpful(1)).extracting(PageFeedback::port).containsExactly(2);
        }
    }

    @Test
    void leastHelpful_breaksTiesByMoreUnhelpfulVotesThenByPort() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            votes(store, 9, 1, 0, 0);
            votes(store, 7, 1, 0, 0);
            votes(store, 8, 1, 0, 0);

            assertThat(store.leastHelpful(5)).extracting(PageFeedback::port).containsExactly(7, 8, 9);
        }
    }

    @Test
    void leastHelpful_refusesALimitOutOfRange() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            assertThatThrownBy(() -> store.leastHelpful(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit 0 is out of range: expected 1-65536");
            assertThatThrownBy(() -> store.leastHelpful(65_537)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("limit 65537 is out of range: expected 1-65536");
            assertThat(store.leastHelpful(FeedbackStore.MAX_LIMIT)).isEmpty();
        }
    }

    @Test
    void counts_refusesAPortOutOfRange() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            assertThatThrownBy(() -> store.counts(65_536)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("port 65536 is out of range: expected 0-65535");
            assertThatThrownBy(() -> store.counts(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("port -1 is out of range: expected 0-65535");
        }
    }

    @Test
    void closedStore_refusesWorkWithAStoreException() throws Exception {
        FeedbackStore store = FeedbackStore.open(db());
        store.record(new Vote(443, "en", Reaction.HELPFUL));
        store.close();
        store.close(); // twice is fine

        String closed = "feedback database " + db() + " is closed";
        assertThatThrownBy(() -> store.record(new Vote(443, "en", Reaction.HELPFUL)))
                .isInstanceOf(StoreException.class).hasMessage(closed);
        assertThatThrownBy(() -> store.counts(443)).isInstanceOf(StoreException.class).hasMessage(closed);
        assertThatThrownBy(() -> store.leastHelpful(5)).isInstanceOf(StoreException.class).hasMessage(closed);
        // closing checkpointed the log into the database and removed it
        assertThat(Path.of(db() + "-wal")).doesNotExist();
    }

    @Test
    void reopening_keepsTheSchemaAndAppliesNoMigrationTwice() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));
        }
        try (FeedbackStore store = FeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.UNHELPFUL));
            assertThat(store.counts(443)).isEqualTo(new FeedbackCounts(1, 0, 1));
        }
        assertThat(rows(db(), "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1|1");
    }

    /** Another process holding the write lock past the busy timeout: the vote is refused, not lost silently. */
    @Test
    void writeLockedElsewhere_failsTheVoteWithAStoreException() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
                    Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("INSERT INTO feedback_vote (port, lang, reaction, voted_at) "
                        + "VALUES (1, 'en', 'helpful', '2026-01-01T00:00:00.000Z')");

                assertThatThrownBy(() -> store.record(new Vote(443, "en", Reaction.UNHELPFUL)))
                        .isInstanceOf(StoreException.class)
                        .hasMessage("feedback database " + db() + " stayed locked by another connection for 5 s "
                                + "while recording a vote; try again");
                // reads go on while the other connection holds the write lock
                assertThat(store.counts(443)).isEqualTo(FeedbackCounts.NONE);
                s.execute("ROLLBACK");
            }
            store.record(new Vote(443, "en", Reaction.HELPFUL));

            assertThat(store.counts(443)).isEqualTo(new FeedbackCounts(0, 0, 1));
        }
        assertThat(rows(db(), "SELECT count(*) FROM feedback_vote")).containsExactly("1");
    }

    /** The trigger keeps the totals equal to the votes, whatever wrote them. */
    @Test
    void countsTable_alwaysMatchesTheVotes() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            votes(store, 1, 3, 2, 1);
            votes(store, 2, 0, 0, 4);
        }
        assertThat(rows(db(), "SELECT port, unhelpful, neutral, helpful FROM feedback_count ORDER BY port"))
                .isEqualTo(rows(db(), "SELECT port, sum(reaction = 'unhelpful'), sum(reaction = 'neutral'), "
                        + "sum(reaction = 'helpful') FROM feedback_vote GROUP BY port ORDER BY port"))
                .containsExactly("1|3|2|1", "2|0|0|4");
    }

    static void votes(FeedbackStore store, int port, int unhelpful, int neutral, int helpful) throws StoreException {
        for (int i = 0; i < unhelpful; i++) {
            store.record(new Vote(port, "en", Reaction.UNHELPFUL));
        }
        for (int i = 0; i < neutral; i++) {
            store.record(new Vote(port, "de", Reaction.NEUTRAL));
        }
        for (int i = 0; i < helpful; i++) {
            store.record(new Vote(port, "fr", Reaction.HELPFUL));
        }
    }

    /** The rows of a query, each as its columns joined by '|', read through a connection of its own. */
    static List<String> rows(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            return dev.portolan.store.testsupport.Rows.of(c, sql);
        }
    }
}
