package dev.portolan.store;

import dev.portolan.core.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers' votes in a PostgreSQL database that several {@code serve} processes share.
 *
 * <p><b>Storage.</b> The tables of the SQLite store (migration {@code postgresql/V1}): a row per
 * vote, and a per-port total kept by a trigger in the vote's transaction.
 *
 * <p><b>Durability.</b> A vote is one statement in its own transaction; {@link #record} returns
 * after the commit, which with PostgreSQL's default {@code synchronous_commit = on} means the vote
 * is in the write-ahead log on disk. A server set to {@code off} could lose the last moments of
 * votes in a crash of the database server; opening warns about it.
 *
 * <p><b>Concurrency.</b> Thread-safe, and safe from many processes: each call takes a connection
 * from the pool ({@value PostgresServer#MAX_CONNECTIONS} at most per process); votes on one port
 * wait for each other on its total's row, so none is lost. Schema migrations take Flyway's lock,
 * so servers that start together migrate once.
 */
final class PostgresFeedbackStore implements FeedbackStore {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresFeedbackStore.class);

    private final PostgresServer server;
    private final Clock clock;
    private volatile boolean closed;

    private PostgresFeedbackStore(PostgresServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    static PostgresFeedbackStore open(FeedbackDatabase.Postgres address) throws StoreException {
        return open(address, Clock.systemUTC());
    }

    static PostgresFeedbackStore open(FeedbackDatabase.Postgres address, Clock clock) throws StoreException {
        PostgresServer server = PostgresServer.connect(address);
        try {
            Schema schema = new Schema(server);
            boolean due;
            try (Connection c = server.connection("reading the schema")) {
                due = schema.check(c);
                warnIfAsynchronous(c, server);
            }
            if (due) {
                schema.migrate();
            }
            return new PostgresFeedbackStore(server, clock);
        } catch (SQLException e) {
            server.close();
            throw server.failure("opening", e);
        } catch (StoreException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static void warnIfAsynchronous(Connection c, PostgresServer server) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
            if (rs.next() && "off".equalsIgnoreCase(rs.getString(1))) {
                LOG.warn("{}: synchronous_commit is off, so a crash of the database server may lose the votes "
                        + "of its last moments; set it to on for this database", server.what());
            }
        }
    }

    @Override
    public String describe() {
        return server.what();
    }

    @Override
    public void record(Vote vote) throws StoreException {
        Objects.requireNonNull(vote, "vote");
        checkOpen();
        String doing = "recording a vote on port " + vote.port();
        try (Connection c = server.connection(doing); PreparedStatement insert = c.prepareStatement(VoteSql.INSERT_VOTE)) {
            insert.setInt(1, vote.port());
            insert.setString(2, vote.lang());
            insert.setString(3, vote.reaction().wireName());
            insert.setString(4, VoteSql.votedAt(clock.instant()));
            insert.executeUpdate(); // auto-commit: returns after the commit
        } catch (SQLException e) {
            throw server.failure(doing, e);
        }
    }

    @Override
    public FeedbackCounts counts(int port) throws StoreException {
        Ranking.checkPort(port);
        checkOpen();
        String doing = "reading the votes on port " + port;
        try (Connection c = server.connection(doing); PreparedStatement select = c.prepareStatement(VoteSql.SELECT_COUNTS)) {
            select.setInt(1, port);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new FeedbackCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)) : FeedbackCounts.NONE;
            }
        } catch (SQLException e) {
            throw server.failure(doing, e);
        }
    }

    @Override
    public List<PageFeedback> leastHelpful(int limit) throws StoreException {
        Ranking.checkLimit(limit);
        checkOpen();
        List<PageFeedback> pages = new ArrayList<>();
        try (Connection c = server.connection("reading the votes"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(VoteSql.SELECT_WITH_UNHELPFUL)) {
            while (rs.next()) {
                pages.add(new PageFeedback(rs.getInt(1), new FeedbackCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
            }
        } catch (SQLException e) {
            throw server.failure("reading the votes", e);
        }
        return Ranking.worst(pages, limit);
    }

    private void checkOpen() throws StoreException {
        if (closed) {
            throw new StoreException(server.what() + " is closed");
        }
    }

    /** Closes the pool; later calls throw {@link StoreException}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            server.close();
        }
    }
}
