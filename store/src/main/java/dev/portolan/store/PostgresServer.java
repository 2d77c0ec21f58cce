package dev.portolan.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.portolan.core.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * One PostgreSQL database reached through a pool of connections (HikariCP), and its errors turned
 * into messages that name the database (never its password) and say what to do.
 */
final class PostgresServer implements Database, AutoCloseable {
    /** How long a request waits for a connection, and a new connection for the server. */
    static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** The most connections one server process opens. */
    static final int MAX_CONNECTIONS = 10;

    private final FeedbackDatabase.Postgres address;
    private final HikariDataSource pool;

    private PostgresServer(FeedbackDatabase.Postgres address, HikariDataSource pool) {
        this.address = address;
        this.pool = pool;
    }

    /**
     * Opens the pool and one connection, so that a wrong address, user or password is reported
     * now rather than at the first vote.
     */
    static PostgresServer connect(FeedbackDatabase.Postgres address) throws StoreException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("portolan-feedback");
        config.setJdbcUrl(address.jdbcUrl());
        if (!address.user().isEmpty()) {
            config.setUsername(address.user());
        }
        if (!address.password().isEmpty()) {
            config.setPassword(address.password());
        }
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        config.setInitializationFailTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        config.addDataSourceProperty("ApplicationName", "portolan");
        config.addDataSourceProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        // a server that stops answering fails the request after 30 s instead of holding it for ever
        config.addDataSourceProperty("socketTimeout", "30");
        try {
            return new PostgresServer(address, new HikariDataSource(config));
        } catch (RuntimeException e) {
            SQLException sql = sqlCause(e);
            if (sql != null) {
                throw failure(address, "connecting", sql);
            }
            throw new StoreException("feedback database " + address.describe() + ": connecting failed: "
                    + e.getMessage(), e);
        }
    }

    /** A connection from the pool; give it back by closing it. */
    Connection connection(String doing) throws StoreException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    @Override
    public String what() {
        return "feedback database " + address.describe();
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public String migrations() {
        return "postgresql";
    }

    @Override
    public String foreign(List<String> tables) {
        return " belongs to something else (tables: " + String.join(", ", tables) + "); it was left unchanged: "
                + "give Portolan a database (or schema) of its own";
    }

    /** The tables of the connection's current schema (usually {@code public}). */
    @Override
    public List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Override
    public StoreException failure(String doing, SQLException e) {
        return failure(address, doing, e);
    }

    private static StoreException failure(FeedbackDatabase.Postgres address, String doing, SQLException e) {
        SQLException cause = e;
        // the pool's timeout carries the server's own error, if it gave one, as its cause
        if (cause.getSQLState() == null && cause.getCause() instanceof SQLException inner) {
            cause = inner;
        }
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String what = "feedback database " + address.describe();
        String detail = cause.getMessage();
        String message;
        if (state.startsWith("08")) {
            message = "cannot reach the " + what + " while " + doing + " (" + detail + "): check that the server "
                    + "runs and the host and port are right";
        } else if (state.equals("28P01") || state.equals("28000")) {
            message = what + " refused the login (" + detail + "): check the user and password of the address";
        } else if (state.equals("3D000")) {
            message = what + " does not exist (" + detail + "): create it (createdb) or correct the address";
        } else if (state.equals("42501")) {
            message = what + ": the user lacks a privilege while " + doing + " (" + detail + "): let it create "
                    + "tables in the schema, or give Portolan a database it owns";
        } else if (state.equals("53100")) {
            message = what + ": the server's disk is full while " + doing + "; free some space";
        } else {
            message = what + ": " + doing + " failed: " + detail;
        }
        return new StoreException(message, e);
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    @Override
    public void close() {
        pool.close();
    }
}
