package dev.portolan.store;

import dev.portolan.core.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database to the schema this program knows, with Flyway migrations from {@code
 * src/main/resources/dev/portolan/store/migration} ({@code V1__feedback.sql}, ...).
 *
 * <p>{@link #check} refuses, without writing anything, a database that belongs to something else
 * (tables but no Flyway history), one a newer program has migrated further than this one knows,
 * and one with a failed migration; {@link #migrate} then applies what is missing.
 */
final class Schema {
    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    /** Where the migrations are, in the jar. */
    static final String LOCATION = "classpath:dev/portolan/store/migration";

    /** Flyway's table of applied migrations (its default name). */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private final SqliteFile sqlite;
    private final String what;
    private final Flyway flyway;

    Schema(SqliteFile sqlite) {
        this.sqlite = sqlite;
        this.what = "feedback database " + sqlite.file();
        this.flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(sqlite.dataSource())
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .loggers("slf4j")
                .load();
    }

    /**
     * Refuses, without writing anything, a database that is not ours to migrate.
     *
     * @param connection an open connection to the database
     */
    void check(Connection connection) throws StoreException {
        try {
            List<String> tables = SqliteFile.tables(connection);
            if (!tables.isEmpty() && !tables.contains(HISTORY_TABLE)) {
                throw new StoreException(what + " is an SQLite database of something else (tables: "
                        + String.join(", ", tables) + "); it was left unchanged: move it away, or set PORTOLAN_HOME "
                        + "to another directory");
            }
            if (tables.isEmpty()) {
                return;
            }
        } catch (SQLException e) {
            throw sqlite.failure("reading the schema", e);
        }
        try {
            MigrationInfoService info = flyway.info();
            String known = null;
            String future = null;
            for (MigrationInfo m : info.all()) {
                MigrationState state = m.getState();
                if (state.isResolved() && m.getVersion() != null) {
                    known = m.getVersion().getVersion();
                }
                if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
                    future = String.valueOf(m.getVersion());
                } else if (state.isFailed()) {
                    throw new StoreException(what + ": migration " + m.getVersion() + " (" + m.getDescription()
                            + ") failed earlier; it was left unchanged: restore the database from a backup");
                }
            }
            if (future != null) {
                throw new StoreException(what + " has schema version " + future + ", newer than this program knows ("
                        + orNone(known) + "); it was left unchanged: use the newer portolan that wrote it");
            }
        } catch (FlywayException e) {
            throw failure("reading the schema history", e);
        }
    }

    /** Applies the migrations the database lacks. */
    void migrate() throws StoreException {
        try {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("{}: schema migrated from version {} to {}", what,
                        orNone(result.initialSchemaVersion), result.targetSchemaVersion);
            }
        } catch (FlywayException e) {
            throw failure("migrating the schema", e);
        }
    }

    private StoreException failure(String doing, FlywayException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof SQLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SQLException sql) {
            return sqlite.failure(doing, sql);
        }
        return new StoreException(what + ": " + doing + " failed: " + e.getMessage(), e);
    }

    private static String orNone(@Nullable String version) {
        return version == null ? "none" : version;
    }
}
