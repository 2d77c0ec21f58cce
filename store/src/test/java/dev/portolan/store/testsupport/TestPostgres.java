package dev.portolan.store.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portolan.store.FeedbackDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A PostgreSQL schema of a test's own, on the server that {@value #URL_VARIABLE} names
 * ({@code postgresql://portolan:portolan@127.0.0.1:5432/portolan_test}; {@code .ci/run} starts one).
 * Without that variable the test is skipped, unless {@value #EXPECT_VARIABLE}{@code =1} says a
 * server must be there: then it fails. Closing drops the schema and everything in it.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String URL_VARIABLE = "PORTOLAN_TEST_DATABASE_URL";
    public static final String EXPECT_VARIABLE = "PORTOLAN_EXPECT_POSTGRESQL";

    private final FeedbackDatabase.Postgres server;
    private final String schema;
    private final String url;

    private TestPostgres(FeedbackDatabase.Postgres server, String schema, String url) {
        this.server = server;
        this.schema = schema;
        this.url = url;
    }

    /** A new, empty schema; skips (or fails, see above) when there is no server to test against. */
    public static TestPostgres freshSchema() throws SQLException {
        String base = System.getenv().getOrDefault(URL_VARIABLE, "");
        boolean expected = "1".equals(System.getenv(EXPECT_VARIABLE));
        if (base.isEmpty()) {
            if (expected) {
                fail(EXPECT_VARIABLE + "=1 but " + URL_VARIABLE + " names no PostgreSQL server");
            }
            assumeTrue(false, "no PostgreSQL server: set " + URL_VARIABLE + " to run this test");
        }
        FeedbackDatabase.Postgres server = (FeedbackDatabase.Postgres) FeedbackDatabase.parse(base, Map.of());
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (!expected) {
                assumeTrue(false, "PostgreSQL at " + server.describe() + " is not usable: " + e.getMessage());
            }
            throw e;
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestPostgres(server, schema, url);
    }

    /** The address of the schema, as {@code --database} or {@code PORTOLAN_DATABASE_URL} take it. */
    public String url() {
        return url;
    }

    /** The schema as the store opens it. */
    public FeedbackDatabase.Postgres database() {
        return (FeedbackDatabase.Postgres) FeedbackDatabase.parse(url, Map.of());
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** Runs SQL in the schema, with no result. */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(database()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The rows of a query in the schema, each as its columns joined by {@code |}. */
    public List<String> rows(String sql) throws SQLException {
        try (Connection c = connect(database())) {
            return Rows.of(c, sql);
        }
    }

    private static Connection connect(FeedbackDatabase.Postgres db) throws SQLException {
        Properties p = new Properties();
        if (!db.user().isEmpty()) {
            p.setProperty("user", db.user());
        }
        if (!db.password().isEmpty()) {
            p.setProperty("password", db.password());
        }
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
