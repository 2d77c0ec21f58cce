package dev.portolan.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The knowledge that ships: it loads, every file is listed, every source is a primary web address. */
class EmbeddedKnowledgeTest {
    private static final Path SOURCES = Path.of("src/main/resources/knowledge");

    @Test
    void loads() {
        assertThat(Knowledge.embedded().citations()).containsKey("iana-registry");
    }

    @Test
    void indexListsEveryYamlFile() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(SOURCES)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        assertThat(Knowledge.embeddedFiles().keySet()).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    /** The issue asks for common unofficial uses of at least 150 widely used ports. */
    @Test
    void unofficialUsesCoverAtLeast150Ports() {
        assertThat(Knowledge.embedded().portsWithUses()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(Knowledge.embedded().portsWithUses()).contains(3000, 5000, 8080, 8443, 9200);
    }

    @Test
    void everyCitationIsHttps() {
        assertThat(Knowledge.embedded().citations().values())
                .allSatisfy(c -> assertThat(c.url()).startsWith("https://"));
    }
}
