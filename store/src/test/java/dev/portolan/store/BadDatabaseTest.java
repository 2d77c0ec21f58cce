package dev.portolan.store;

import static dev.portolan.store.FeedbackStoreTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the store must refuse with a clear {@link StoreException}, leaving them exactly as they
 * were: no vote is ever lost to a repair attempt.
 */
class BadDatabaseTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("portolan.db");
    }

    @Test
    void textFile_isNotAnSqliteDatabase_andStaysUnchanged() throws Exception {
        byte[] text = "port,votes\n443,12\n".getBytes(StandardCharsets.UTF_8);
        Files.write(db(), text);

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage("feedback database " + db() + " is not an SQLite database (it does not start with "
                        + "\"SQLite format 3\"); it was left unchanged: move it away, or set PORTOLAN_HOME to "
                        + "another directory");
        assertThat(Files.readAllBytes(db())).isEqualTo(text);
        assertThat(dir).isDirectoryNotContaining("glob:**-{wal,shm,journal}");
    }

    @Test
    void fileShorterThanTheHeader_isNotAnSqliteDatabase() throws Exception {
        Files.writeString(db(), "SQLite");

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is not an SQLite database");
        assertThat(Files.readString(db())).isEqualTo("SQLite");
    }

    /** A valid header over garbage: SQLite itself finds it is not a database, and we say so. */
    @Test
    void headerOverGarbage_isReportedBySqliteAndStaysUnchanged() throws Exception {
        byte[] bytes = new byte[4096];
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        for (int i = header.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        Files.write(db(), bytes);

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage("feedback database " + db() + " is not an SQLite database (SQLite: [SQLITE_NOTADB] File "
                        + "opened that is not a database file (file is not a database)); it was left unchanged: move it "
                        + "away, or set PORTOLAN_HOME to another directory");
        assertThat(Files.readAllBytes(db())).isEqualTo(bytes);
    }

    /** A database cut short (a bad copy, a full disk): SQLite finds it damaged; it stays as it is. */
    @Test
    void truncatedDatabase_isDamagedAndStaysUnchanged() throws Exception {
        Path whole = dir.resolve("whole.db");
        try (FeedbackStore store = FeedbackStore.open(whole)) {
            for (int port = 0; port < 50; port++) {
                store.record(new Vote(port, "en", Reaction.HELPFUL));
            }
        }
        byte[] cut = java.util.Arrays.copyOf(Files.readAllBytes(whole), 1024);
        Files.write(db(), cut);

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage("feedback database " + db() + " is damaged ([SQLITE_CORRUPT] The database disk image is "
                        + "malformed (database disk image is malformed)); it was left unchanged: restore it from a "
                        + "backup, or move it away to start a new one");
        assertThat(Files.readAllBytes(db())).isEqualTo(cut);
    }

    @Test
    void emptyFile_isAnEmptyDatabase() throws Exception {
        Files.createFile(db());

        try (FeedbackStore store = FeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));
            assertThat(store.counts(443).helpful()).isEqualTo(1);
        }
    }

    @Test
    void directory_isRefused() throws Exception {
        Files.createDirectory(db());
        Files.writeString(db().resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage("feedback database " + db() + " is a directory, not a file: remove it, or set "
                        + "PORTOLAN_HOME to another directory");
        assertThat(db().resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void parentIsAFile_cannotBeCreated() throws Exception {
        Files.writeString(dir.resolve("home"), "not a directory");
        Path inside = dir.resolve("home").resolve("portolan.db");

        assertThatThrownBy(() -> FeedbackStore.open(inside))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot create the directory of the feedback database " + dir.resolve("home")
                        + ": FileAlreadyExistsException");
    }

    @Test
    void databaseOfAnotherProgram_isRefusedAndUntouched() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bookmarks (url TEXT)");
            s.execute("CREATE TABLE notes (text TEXT)");
            s.execute("INSERT INTO notes VALUES ('keep me')");
        }
        byte[] before = Files.readAllBytes(db());

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage("feedback database " + db() + " is an SQLite database of something else (tables: "
                        + "bookmarks, notes); it was left unchanged: move it away, or set PORTOLAN_HOME to another "
                        + "directory");
        assertThat(rows(db(), "SELECT text FROM notes")).containsExactly("keep me");
        assertThat(rows(db(), "SELECT count(*) FROM sqlite_master WHERE name LIKE 'flyway%' OR name LIKE 'feedback%'"))
                .containsExactly("0");
        assertThat(Files.readAllBytes(db())).isEqualTo(before);
    }

    @Test
    void newerSchemaVersion_isRefusedAndTheVotesStay() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));
            store.record(new Vote(443, "en", Reaction.UNHELPFUL));
        }
        // What a later version of the program would have left: a migration this one does not know.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE feedback_vote ADD COLUMN comment TEXT");
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (2, '2', 'comments', 'SQL', "
                    + "'V2__comments.sql', 12345, 'portolan', 3, 1)");
        }

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage("feedback database " + db() + " has schema version 2, newer than this program knows (1); "
                        + "it was left unchanged: use the newer portolan that wrote it");
        assertThat(rows(db(), "SELECT port, reaction FROM feedback_vote ORDER BY id"))
                .containsExactly("443|helpful", "443|unhelpful");
        assertThat(rows(db(), "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .containsExactly("1", "2");
    }

    @Test
    void failedMigration_isRefused() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '1'");
        }

        assertThatThrownBy(() -> FeedbackStore.open(db()))
                .isInstanceOf(StoreException.class)
                .hasMessage("feedback database " + db() + ": migration 1 (feedback) failed earlier; it was left "
                        + "unchanged: restore the database from a backup");
        assertThat(rows(db(), "SELECT count(*) FROM feedback_vote")).containsExactly("1");
    }

    @Test
    void readOnlyFile_isRefusedAndStaysUnchanged() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));
        }
        byte[] before = Files.readAllBytes(db());
        ReadOnly readOnly = ReadOnly.make(db());
        try {
            assertThatThrownBy(() -> FeedbackStore.open(db()))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("feedback database " + db() + " is read-only: votes cannot be recorded; make it "
                            + "readable and writable for this user (chmod u+rw)");
        } finally {
            readOnly.close();
        }
        assertThat(Files.readAllBytes(db())).isEqualTo(before);
        try (FeedbackStore store = FeedbackStore.open(db())) {
            assertThat(store.counts(443).helpful()).isEqualTo(1);
        }
    }

    @Test
    void readOnlyDirectory_isRefused() throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path file = home.resolve("portolan.db");
        try (FeedbackStore store = FeedbackStore.open(file)) {
            store.record(new Vote(443, "en", Reaction.HELPFUL));
        }
        ReadOnly readOnly = ReadOnly.make(home);
        try {
            assertThatThrownBy(() -> FeedbackStore.open(file))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("the directory of the feedback database " + home + " is read-only: SQLite must "
                            + "create portolan.db-wal and -shm there; make it writable for this user");
        } finally {
            readOnly.close();
        }
        try (FeedbackStore store = FeedbackStore.open(file)) {
            assertThat(store.counts(443).helpful()).isEqualTo(1);
        }
    }

    /**
     * Makes a file or directory read-only for this process and undoes it on close. Permission bits
     * do not stop root, so when they do not suffice the immutable attribute ({@code chattr +i},
     * which stops root too) is tried; the test is skipped when neither works here.
     */
    private static final class ReadOnly implements AutoCloseable {
        private final Path path;
        private final boolean immutable;

        private ReadOnly(Path path, boolean immutable) {
            this.path = path;
            this.immutable = immutable;
        }

        static ReadOnly make(Path path) throws IOException {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
            if (!Files.isWritable(path)) {
                return new ReadOnly(path, false);
            }
            boolean immutable = chattr("+i", path);
            if (immutable && !Files.isWritable(path)) {
                return new ReadOnly(path, true);
            }
            new ReadOnly(path, immutable).close();
            Assumptions.abort("cannot make " + path + " read-only for this user here (root without chattr +i)");
            throw new AssertionError("unreachable");
        }

        private static boolean chattr(String flag, Path path) {
            try {
                Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false; // no chattr on this system
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (immutable && !chattr("-i", path)) {
                throw new IOException("could not undo chattr +i on " + path);
            }
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }
}
