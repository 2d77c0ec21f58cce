package dev.portolan.store;

import dev.portolan.core.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the schema this program knows, with Flyway migrations from {@code
 * src/main/resources/dev/portolan/store/migration/ENGINE} ({@code V1__feedback.sql}, ...).
 *
 * <p>Both engines have the same tables, constraints and versions: one numbered history. Version 1
 * is written once per engine, because SQLite's {@code STRICT} tables and its trigger syntax are
 * not PostgreSQL's; a test checks that both folders hold the same versions.
 *
 * <p>{@link #check} reads Flyway's history table with plain SQL and refuses, without writing
 * anything, a database that belongs to something else (tables but no Flyway history), one a newer
 * program has migrated further than this one knows, and one with a failed migration. Flyway
 * itself starts only when a migration is due: setting it up costs a command-line run about a
 * quarter of a second, and an up-to-date database needs nothing from it.
 */
final class Schema {
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    /** Where the migrations are, in the jar: one folder per engine ({@link Database#migrations()}). */
    static final String LOCATION = "classpath:dev/portolan/store/migration";

    /** The version of the newest migration in {@link #LOCATION}; a test keeps the two in step. */
    static final String LATEST_VERSION = "1";

    /** Flyway's table of applied migrations (its default name). */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private final Database database;
    private final String what;

    Schema(Database database) {
        this.database = database;
        this.what = database.what();
    }

    /**
     * Refuses, without writing anything, a database that is not ours to migrate.
     *
     * @param connection an open connection to the database
     * @return whether migrations are due
     */
    boolean check(Connection connection) throws StoreException {
        try {
            List<String> tables = database.tables(connection);
            if (tables.isEmpty()) {
                return true;
            }
            if (!tables.contains(HISTORY_TABLE)) {
                throw new StoreException(what + database.foreign(tables));
            }
            MigrationVersion latest = MigrationVersion.fromVersion(LATEST_VERSION);
            MigrationVersion current = null;
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version, description, success FROM " + HISTORY_TABLE
                            + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                    if (!rs.getBoolean(3)) {
                        throw new StoreException(what + ": migration " + v + " (" + rs.getString(2) + ") failed "
                                + "earlier; it was left unchanged: restore the database from a backup");
                    }
                    if (current == null || v.isNewerThan(current)) {
                        current = v;
                    }
                }
            }
            if (current != null && current.isNewerThan(latest)) {
                throw new StoreException(what + " has schema version " + current + ", newer than this program knows ("
                        + latest + "); it was left unchanged: use the newer portolan that wrote it");
            }
            return current == null || !current.equals(latest);
        } catch (SQLException e) {
            throw database.failure("reading the schema", e);
        } catch (FlywayException e) {
            // a version in the history that is not a version at all
            throw new StoreException(what + ": its schema history is not readable (" + e.getMessage() + "); it was "
                    + "left unchanged: restore the database from a backup", e);
        }
    }

    /** Applies the migrations the database lacks. */
    void migrate() throws StoreException {
        Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations(LOCATION + "/" + database.migrations())
                .failOnMissingLocations(true)
                .loggers("slf4j")
                .load();
        try {
            MigrateResult result = flyway.migrate();
            LOG.info("{}: schema migrated from version {} to {}", what, orNone(result.initialSchemaVersion),
                    result.targetSchemaVersion);
        } catch (FlywayException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SQLException sql) {
                throw database.failure("migrating the schema", sql);
            }
            throw new StoreException(what + ": migrating the schema failed: " + e.getMessage(), e);
        }
    }

    private static String orNone(@Nullable String version) {
        return version == null ? "none" : version;
    }
}
