package dev.portolan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema's shortcut around Flyway stays in step with the migration files. */
class SchemaTest {
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void latestVersion_isTheNewestMigrationFile(String engine) throws IOException, URISyntaxException {
        Path dir = Path.of(Schema.class.getResource("/dev/portolan/store/migration/" + engine).toURI());
        List<String> names;
        try (Stream<Path> files = Files.list(dir)) {
            names = files.map(p -> p.getFileName().toString()).sorted().toList();
        }

        assertThat(names).allMatch(n -> n.matches("V\\d+(_\\d+)*__[a-z_]+\\.sql"), "named V<version>__<words>.sql");
        MigrationVersion newest = names.stream()
                .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.')))
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(newest.getVersion()).isEqualTo(Schema.LATEST_VERSION);
    }

    /** One numbered history: every engine has a migration of each version, named alike. */
    @Test
    void everyEngine_hasTheSameMigrations() throws IOException, URISyntaxException {
        assertThat(names("postgresql")).isEqualTo(names("sqlite")).isNotEmpty();
    }

    private static List<String> names(String engine) throws IOException, URISyntaxException {
        Path dir = Path.of(Schema.class.getResource("/dev/portolan/store/migration/" + engine).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
