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

/** The schema's shortcut around Flyway stays in step with the migration files. */
class SchemaTest {
    @Test
    void latestVersion_isTheNewestMigrationFile() throws IOException, URISyntaxException {
        Path dir = Path.of(Schema.class.getResource("/dev/portolan/store/migration").toURI());
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
}
