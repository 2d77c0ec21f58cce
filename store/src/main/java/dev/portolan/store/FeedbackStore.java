package dev.portolan.store;

import dev.portolan.core.StoreException;
import dev.portolan.core.snapshot.SnapshotStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Readers' votes on port pages ("Was this page helpful?"): one row a vote, totals per port kept in
 * the same transaction, the schema brought up to date by Flyway when the store opens.
 *
 * <p>Two engines keep them ({@link #open(FeedbackDatabase)}): an SQLite file, the default for one
 * server ({@link #defaultFile(Map)}: {@code PORTOLAN_HOME/portolan.db}), and a PostgreSQL database
 * that several servers share. Both give the same guarantees: when {@link #record(Vote)} returns,
 * the vote is committed to disk and survives a crash of the process (and, for PostgreSQL, of any
 * number of the servers that share it); a vote is counted once.
 *
 * <p>All methods are thread-safe. A database that belongs to another program, one with a newer
 * schema than this program knows, or one whose migration failed, is refused with a {@link
 * StoreException} and left unchanged.
 */
public interface FeedbackStore extends AutoCloseable {
    /** The name of the SQLite file in the Portolan home. */
    String FILE_NAME = "portolan.db";

    /** The most pages {@link #leastHelpful(int)} returns: one per port. */
    int MAX_LIMIT = 65_536;

    /**
     * Opens a store.
     *
     * @throws StoreException if the database cannot be reached, created, read or written, belongs to
     *     something else, or has a newer schema than this program knows; it is left as it was
     */
    static FeedbackStore open(FeedbackDatabase database) throws StoreException {
        if (database instanceof FeedbackDatabase.Sqlite file) {
            return SqliteFeedbackStore.open(file.file());
        }
        return PostgresFeedbackStore.open((FeedbackDatabase.Postgres) database);
    }

    /** Opens the SQLite store in {@code databaseFile}, creating it and its directories if needed. */
    static FeedbackStore open(Path databaseFile) throws StoreException {
        return SqliteFeedbackStore.open(databaseFile);
    }

    /**
     * Where one server keeps its votes: {@value #FILE_NAME} in the Portolan home, found as {@link
     * SnapshotStore#home(Map)} finds it ({@code PORTOLAN_HOME}, else {@code ~/.portolan}).
     *
     * @param environment the environment variables, e.g. {@code System.getenv()}
     */
    static Path defaultFile(Map<String, String> environment) {
        return SnapshotStore.home(environment).resolve(FILE_NAME);
    }

    /** The database, as messages name it (a PostgreSQL address without its password). */
    String describe();

    /**
     * Records one vote, stamped with the current time in UTC. When this returns the vote is
     * committed.
     *
     * @throws StoreException if the database cannot be written (disk full, unreachable, locked for
     *     longer than 5 s, the store closed)
     */
    void record(Vote vote) throws StoreException;

    /**
     * The votes on the page of {@code port}, over all languages; zeros if it has none.
     *
     * @throws IllegalArgumentException if {@code port} is not 0-65535
     * @throws StoreException if the database cannot be read
     */
    FeedbackCounts counts(int port) throws StoreException;

    /**
     * The pages readers found least helpful, worst first, at most {@code limit}, ranked as {@link
     * Ranking} says.
     *
     * @param limit 1 to {@link #MAX_LIMIT}
     * @throws IllegalArgumentException if {@code limit} is out of range
     * @throws StoreException if the database cannot be read
     */
    List<PageFeedback> leastHelpful(int limit) throws StoreException;

    /**
     * Closes the store. Votes being recorded are finished first; later calls throw {@link
     * StoreException}. Closing twice does nothing.
     */
    @Override
    void close();
}
