package dev.portolan.store;

import dev.portolan.core.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One SQLite database file: the checks before it is opened, its connections and their settings,
 * and errors turned into messages that name the file and say what to do.
 *
 * <p>Nothing here ever deletes, truncates or recreates the file: a file that is not what we
 * expect is reported and left as it is.
 */
final class SqliteFile implements Database {
    /** The first 16 bytes of every SQLite 3 database. */
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** How long a connection waits for another process's write lock before giving up. */
    static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Path file;
    private final String url;

    private SqliteFile(Path file) {
        this.file = file;
        // A file: URI, so that no character of the path (a '?' above all) is taken as a parameter.
        this.url = "jdbc:sqlite:" + file.toUri();
    }

    Path file() {
        return file;
    }

    @Override
    public String what() {
        return "feedback database " + file;
    }

    @Override
    public String migrations() {
        return "sqlite";
    }

    @Override
    public String foreign(List<String> tables) {
        return " is an SQLite database of something else (tables: " + String.join(", ", tables) + "); it was left "
                + "unchanged: move it away, or set PORTOLAN_HOME to another directory";
    }

    /**
     * Checks that {@code file} can be a writable SQLite database and creates its directory.
     *
     * @param file an absolute, normalised path
     */
    static SqliteFile prepare(Path file) throws StoreException {
        if (Files.isDirectory(file)) {
            throw new StoreException("feedback database " + file + " is a directory, not a file: "
                    + "remove it, or set PORTOLAN_HOME to another directory");
        }
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of the feedback database " + dir + ": "
                    + describe(e), e);
        }
        if (Files.exists(file)) {
            if (!Files.isRegularFile(file)) {
                throw new StoreException("feedback database " + file + " is not a regular file: "
                        + "remove it, or set PORTOLAN_HOME to another directory");
            }
            if (!Files.isReadable(file) || !Files.isWritable(file)) {
                throw new StoreException("feedback database " + file + " is read-only: votes cannot be recorded; "
                        + "make it readable and writable for this user (chmod u+rw)");
            }
            checkHeader(file);
        }
        // WAL mode keeps FILE-wal and FILE-shm beside the database.
        if (!Files.isWritable(dir)) {
            throw new StoreException("the directory of the feedback database " + dir + " is read-only: SQLite "
                    + "must create " + file.getFileName() + "-wal and -shm there; make it writable for this user");
        }
        return new SqliteFile(file);
    }

    private static void checkHeader(Path file) throws StoreException {
        byte[] start = new byte[HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new StoreException("cannot read the feedback database " + file + ": " + describe(e), e);
        }
        // An empty file is a valid empty database: SQLite writes the header with the first table.
        if (n > 0 && (n < HEADER.length || !Arrays.equals(start, HEADER))) {
            throw new StoreException(notSqlite(file, "it does not start with \"SQLite format 3\""));
        }
    }

    private static String notSqlite(Path file, String reason) {
        return "feedback database " + file + " is not an SQLite database (" + reason + "); "
                + "it was left unchanged: move it away, or set PORTOLAN_HOME to another directory";
    }

    /** A connection to the database, not yet changed in any way. */
    Connection open() throws StoreException {
        return connect("opening");
    }

    /**
     * Makes {@code c} the connection that writes: WAL journal (a setting stored in the file), and
     * {@code synchronous=FULL}, so a commit is on disk (the WAL file synced) before it returns.
     */
    void configureWriter(Connection c) throws StoreException {
        try (Statement s = c.createStatement()) {
            String mode = single(s, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreException("feedback database " + file + ": SQLite refused write-ahead logging "
                        + "(journal mode stays \"" + mode + "\"); keep the database on a local file system");
            }
            s.execute("PRAGMA synchronous = FULL");
            String sync = single(s, "PRAGMA synchronous");
            if (!"2".equals(sync)) {
                throw new StoreException("feedback database " + file + ": SQLite refused synchronous = FULL (got "
                        + sync + ")");
            }
        } catch (SQLException e) {
            throw failure("opening", e);
        }
    }

    /** A connection that only reads; in WAL mode it neither waits for the writer nor blocks it. */
    Connection openReader() throws StoreException {
        Connection c = connect("opening for reading");
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA query_only = 1");
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("opening for reading", e);
        }
    }

    /** The tables in the database, other than SQLite's own; for telling a foreign database apart. */
    @Override
    public List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                        + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Connections for Flyway, with the same wait for locks as ours. */
    @Override
    public DataSource dataSource() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl(url);
        return ds;
    }

    private Connection connect(String doing) throws StoreException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try {
            return config.createConnection(url);
        } catch (SQLException e) {
            throw failure(doing, e);
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "";
        }
    }

    /** A message for an SQLite error while {@code doing} something with this file. */
    @Override
    public StoreException failure(String doing, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        String detail = e.getMessage();
        String what = "feedback database " + file;
        String message;
        if (code == null) {
            message = what + ": " + doing + " failed: " + detail;
        } else {
            message = switch (code) {
                case SQLITE_NOTADB -> notSqlite(file, "SQLite: " + detail);
                case SQLITE_CORRUPT, SQLITE_CORRUPT_VTAB, SQLITE_CORRUPT_SEQUENCE, SQLITE_CORRUPT_INDEX ->
                        what + " is damaged (" + detail + "); it was left unchanged: restore it from a backup, "
                        + "or move it away to start a new one";
                case SQLITE_READONLY, SQLITE_READONLY_RECOVERY, SQLITE_READONLY_CANTLOCK, SQLITE_READONLY_ROLLBACK,
                        SQLITE_READONLY_DBMOVED, SQLITE_READONLY_CANTINIT, SQLITE_READONLY_DIRECTORY ->
                        what + " is read-only (" + detail + "): make it and its directory writable for this user";
                case SQLITE_BUSY, SQLITE_BUSY_RECOVERY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED, SQLITE_LOCKED_SHAREDCACHE ->
                        what + " stayed locked by another connection for " + BUSY_TIMEOUT_MILLIS / 1000
                        + " s while " + doing + "; try again";
                case SQLITE_FULL -> what + ": the disk is full while " + doing + "; free some space";
                case SQLITE_CANTOPEN, SQLITE_CANTOPEN_ISDIR, SQLITE_CANTOPEN_FULLPATH, SQLITE_CANTOPEN_NOTEMPDIR ->
                        "cannot open the " + what + " (" + detail + "): check that its directory exists and is "
                        + "writable";
                default -> what + ": " + doing + " failed: " + detail;
            };
        }
        return new StoreException(message, e);
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing or closing: the first error is the one to report
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
