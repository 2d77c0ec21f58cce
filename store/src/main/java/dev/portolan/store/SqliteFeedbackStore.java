package dev.portolan.store;

import dev.portolan.core.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Readers' votes on port pages ("Was this page helpful?"), kept in one SQLite database file
 * ({@link FeedbackStore#defaultFile(Map)}: {@code PORTOLAN_HOME/portolan.db}).
 *
 * <p><b>Storage.</b> Every vote is a row (port, language, reaction, time in UTC); a per-port total
 * is kept by a trigger in the same transaction, so {@link #counts(int)} reads one row. The schema
 * is created and upgraded by Flyway migrations when the store opens.
 *
 * <p><b>Durability.</b> The database runs in write-ahead-log mode with {@code synchronous=FULL}:
 * when {@link #record(Vote)} returns, the vote is in the log on disk and survives a crash of the
 * process or the machine.
 *
 * <p><b>Concurrency.</b> All methods are thread-safe. SQLite admits one writer at a time, so writes
 * go through one connection under a lock; votes that arrive while a commit is on its way to disk
 * are written together in the next transaction (group commit), so many threads share one disk
 * sync instead of queueing for one each. Reads use their own connections from a small pool and,
 * thanks to the write-ahead log, neither wait for a write nor hold one up.
 *
 * <p><b>Failures.</b> A file that is not an SQLite database, a directory, a read-only file, a
 * database of another program and a schema newer than this program knows are refused with a
 * {@link StoreException} that names the file; the file is never changed, truncated or replaced.
 */
final class SqliteFeedbackStore implements FeedbackStore {
    /** Idle read connections kept open; more are opened while more threads read at once. */
    private static final int MAX_IDLE_READERS = 8;


    private final SqliteFile sqlite;
    private final Clock clock;

    /** Guards {@link #writer}, {@link #insert} and the draining of {@link #queue}. */
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final PreparedStatement insert;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    private final ArrayBlockingQueue<Reader> idleReaders = new ArrayBlockingQueue<>(MAX_IDLE_READERS);
    private volatile boolean closed;

    /** A vote waiting to be written; its fields are set and read under {@link #writeLock}. */
    private static final class Pending {
        final Vote vote;
        final String votedAt;
        boolean done;
        @Nullable StoreException failure;

        Pending(Vote vote, String votedAt) {
            this.vote = vote;
            this.votedAt = votedAt;
        }
    }

    /** A read-only connection with its prepared statements; used by one thread at a time. */
    private static final class Reader implements AutoCloseable {
        final Connection connection;
        final PreparedStatement counts;
        final PreparedStatement withUnhelpful;

        Reader(Connection connection) throws SQLException {
            this.connection = connection;
            this.counts = connection.prepareStatement(VoteSql.SELECT_COUNTS);
            this.withUnhelpful = connection.prepareStatement(VoteSql.SELECT_WITH_UNHELPFUL);
        }

        @Override
        public void close() {
            SqliteFile.closeQuietly(connection);
        }
    }

    private SqliteFeedbackStore(SqliteFile sqlite, Connection writer, Clock clock) throws SQLException {
        this.sqlite = sqlite;
        this.writer = writer;
        this.clock = clock;
        this.insert = writer.prepareStatement(VoteSql.INSERT_VOTE);
    }

    /**
     * Opens the database, creating it and its parent directories if needed, and brings its schema
     * up to date.
     *
     * @param databaseFile the SQLite file, e.g. {@code PORTOLAN_HOME/portolan.db}
     * @throws StoreException if the file or its directory cannot be created, read or written, is
     *     a directory, is not an SQLite database, belongs to another program, or has a newer schema
     *     than this program knows; the file is left as it was
     */
    static SqliteFeedbackStore open(Path databaseFile) throws StoreException {
        return open(databaseFile, Clock.systemUTC());
    }

    /** {@link #open(Path)} with the clock that stamps votes (tests fix it). */
    static SqliteFeedbackStore open(Path databaseFile, Clock clock) throws StoreException {
        SqliteFile sqlite = SqliteFile.prepare(databaseFile.toAbsolutePath().normalize());
        Connection writer = sqlite.open();
        try {
            Schema schema = new Schema(sqlite);
            boolean due = schema.check(writer);
            sqlite.configureWriter(writer);
            if (due) {
                schema.migrate();
            }
            return new SqliteFeedbackStore(sqlite, writer, clock);
        } catch (SQLException e) {
            SqliteFile.closeQuietly(writer);
            throw sqlite.failure("preparing statements", e);
        } catch (StoreException | RuntimeException e) {
            SqliteFile.closeQuietly(writer);
            throw e;
        }
    }

    /** The database file. */
    Path file() {
        return sqlite.file();
    }

    @Override
    public String describe() {
        return sqlite.what();
    }

    @Override
    public void record(Vote vote) throws StoreException {
        Objects.requireNonNull(vote, "vote");
        Pending mine = new Pending(vote, VoteSql.votedAt(clock.instant()));
        queue.add(mine);
        writeLock.lock();
        try {
            // Whoever holds the lock writes everything queued. If a previous holder already took
            // this vote, it is done (or failed) and there is nothing left to do.
            if (!mine.done) {
                writeQueued();
            }
            if (mine.failure != null) {
                throw new StoreException(mine.failure.getMessage(), mine.failure);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Writes every queued vote in one transaction; called with {@link #writeLock} held. */
    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = queue.poll()) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        StoreException failure = closed ? closedException() : null;
        boolean written = false;
        try {
            if (failure == null) {
                writer.setAutoCommit(false);
                try {
                    for (Pending p : batch) {
                        insert.setInt(1, p.vote.port());
                        insert.setString(2, p.vote.lang());
                        insert.setString(3, p.vote.reaction().wireName());
                        insert.setString(4, p.votedAt);
                        insert.executeUpdate();
                    }
                    writer.commit();
                    written = true;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly();
                    throw e;
                } finally {
                    writer.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            failure = sqlite.failure("recording " + (batch.size() == 1 ? "a vote" : batch.size() + " votes"), e);
        } finally {
            // Every caller in the batch learns the outcome, also when something unforeseen was
            // thrown: a vote is reported recorded only when its commit returned.
            if (!written && failure == null) {
                failure = new StoreException("feedback database " + sqlite.file() + ": recording failed unexpectedly");
            }
            for (Pending p : batch) {
                p.failure = written ? null : failure;
                p.done = true;
            }
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the commit's error is the one to report; SQLite rolls back a failed transaction itself
        }
    }

    @Override
    public FeedbackCounts counts(int port) throws StoreException {
        Ranking.checkPort(port);
        Reader r = borrowReader();
        boolean healthy = false;
        try {
            r.counts.setInt(1, port);
            FeedbackCounts counts = FeedbackCounts.NONE;
            try (ResultSet rs = r.counts.executeQuery()) {
                if (rs.next()) {
                    counts = new FeedbackCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
            healthy = true;
            return counts;
        } catch (SQLException e) {
            throw sqlite.failure("reading the votes on port " + port, e);
        } finally {
            returnReader(r, healthy);
        }
    }

    @Override
    public List<PageFeedback> leastHelpful(int limit) throws StoreException {
        Ranking.checkLimit(limit);
        Reader r = borrowReader();
        boolean healthy = false;
        List<PageFeedback> pages = new ArrayList<>();
        try {
            try (ResultSet rs = r.withUnhelpful.executeQuery()) {
                while (rs.next()) {
                    FeedbackCounts counts = new FeedbackCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4));
                    pages.add(new PageFeedback(rs.getInt(1), counts));
                }
            }
            healthy = true;
        } catch (SQLException e) {
            throw sqlite.failure("reading the votes", e);
        } finally {
            returnReader(r, healthy);
        }
        return Ranking.worst(pages, limit);
    }

    private Reader borrowReader() throws StoreException {
        if (closed) {
            throw closedException();
        }
        Reader r = idleReaders.poll();
        if (r != null) {
            return r;
        }
        Connection c = sqlite.openReader();
        try {
            return new Reader(c);
        } catch (SQLException e) {
            SqliteFile.closeQuietly(c);
            throw sqlite.failure("preparing to read", e);
        }
    }

    private void returnReader(Reader r, boolean healthy) {
        if (!healthy || closed || !idleReaders.offer(r)) {
            r.close();
        } else if (closed && idleReaders.remove(r)) {
            r.close(); // close() ran between the check and the offer
        }
    }

    /** The value of a setting ({@code PRAGMA name}) of the writing connection; for tests. */
    String writerSetting(String name) throws SQLException {
        writeLock.lock();
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "";
        } finally {
            writeLock.unlock();
        }
    }

    private StoreException closedException() {
        return new StoreException("feedback database " + sqlite.file() + " is closed");
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            SqliteFile.closeQuietly(insert);
            // The last connection to close checkpoints the log into the database file.
            for (Reader r = idleReaders.poll(); r != null; r = idleReaders.poll()) {
                r.close();
            }
            SqliteFile.closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }
}
