package dev.portolan.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --database} and {@code PORTOLAN_DATABASE_URL}: what they may say, and what is refused. */
class FeedbackDatabaseTest {
    @Test
    void nothingGiven_isTheSqliteFileInTheHome() {
        assertThat(FeedbackDatabase.parse("", Map.of("PORTOLAN_HOME", "/srv/portolan")))
                .isEqualTo(new FeedbackDatabase.Sqlite(Path.of("/srv/portolan/portolan.db")));
    }

    @Test
    void postgresAddress_becomesTheDriversWithUserAndPasswordApart() {
        FeedbackDatabase db = FeedbackDatabase.parse("postgresql://portolan:s%40cret%3A+x@db.internal:6432/ports"
                + "?sslmode=require", Map.of());

        assertThat(db).isEqualTo(new FeedbackDatabase.Postgres("jdbc:postgresql://db.internal:6432/ports?sslmode=require",
                "portolan", "s@cret:+x", "postgresql://portolan@db.internal:6432/ports"));
        assertThat(db.toString()).doesNotContain("cret");
        assertThat(db.describe()).isEqualTo("postgresql://portolan@db.internal:6432/ports");
    }

    @Test
    void postgresAddress_defaultsToPort5432AndTakesIpv6() {
        assertThat(((FeedbackDatabase.Postgres) FeedbackDatabase.parse("postgres://[::1]/p", Map.of())).jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/p");
    }

    @Test
    void option_winsOverTheEnvironment() {
        Map<String, String> env = Map.of("PORTOLAN_DATABASE_URL", "postgresql://a@h/env");
        assertThat(FeedbackDatabase.parse("sqlite:/tmp/x.db", env)).isEqualTo(new FeedbackDatabase.Sqlite(Path.of("/tmp/x.db")));
        assertThat(FeedbackDatabase.parse("", env).describe()).isEqualTo("postgresql://a@h:5432/env");
    }

    @Test
    void jdbcAddress_isTakenAsItIs() {
        FeedbackDatabase db = FeedbackDatabase.parse("jdbc:postgresql://h/p?user=u&password=secret", Map.of());
        assertThat(((FeedbackDatabase.Postgres) db).jdbcUrl()).isEqualTo("jdbc:postgresql://h/p?user=u&password=secret");
        assertThat(db.describe()).isEqualTo("jdbc:postgresql://h/p");
    }

    @Test
    void badAddresses_sayWhatToWrite_andNeverShowAPassword() {
        assertThatThrownBy(() -> FeedbackDatabase.parse("mysql://u:topsecret@h/db", Map.of()))
                .hasMessage("--database (not shown: it may hold a password) is not a database address: write "
                        + "postgresql://USER:PASSWORD@HOST:5432/DATABASE or sqlite:/path/to/portolan.db");
        assertThatThrownBy(() -> FeedbackDatabase.parse("", Map.of("PORTOLAN_DATABASE_URL", "redis://h")))
                .hasMessageStartingWith("PORTOLAN_DATABASE_URL \"redis://h\" is not a database address");
        assertThatThrownBy(() -> FeedbackDatabase.parse("postgresql://u:p@h", Map.of()))
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> FeedbackDatabase.parse("postgresql:///db", Map.of()))
                .hasMessageContaining("names no host");
        assertThatThrownBy(() -> FeedbackDatabase.parse("postgresql://u:p w@h/db", Map.of()))
                .hasMessageContaining("is not a valid postgresql:// address").hasMessageNotContaining("p w");
        assertThatThrownBy(() -> FeedbackDatabase.parse("sqlite:", Map.of())).hasMessageContaining("names no file");
    }
}
