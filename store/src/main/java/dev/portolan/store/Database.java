package dev.portolan.store;

import dev.portolan.core.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * What {@link Schema} needs of a database, whichever engine keeps it: its name for messages, its
 * connections, its set of migrations, its tables and its errors in words.
 */
interface Database {
    /** The database as messages name it: {@code feedback database /home/a/.portolan/portolan.db}. */
    String what();

    /** Connections for Flyway. */
    DataSource dataSource();

    /** The folder of this engine's migrations under {@link Schema#LOCATION}: {@code sqlite} or {@code postgresql}. */
    String migrations();

    /** The tables of the database (of its current schema), other than the engine's own. */
    List<String> tables(Connection c) throws SQLException;

    /**
     * How a refusal of a database with other tables goes on, after {@code what()}: {@code " is an
     * SQLite database of something else (tables: a, b); it was left unchanged: move it away..."}.
     *
     * @param tables the tables found
     */
    String foreign(List<String> tables);

    /** A message for an error while {@code doing} something with this database. */
    StoreException failure(String doing, SQLException e);
}
