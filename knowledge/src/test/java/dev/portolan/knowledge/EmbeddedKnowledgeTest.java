package dev.portolan.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.knowledge.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The knowledge that ships: it loads, every file is listed, every fact is sourced and well formed,
 * and it covers what the issue asks for.
 */
class EmbeddedKnowledgeTest {
    private static final Path SOURCES = Path.of("src/main/resources/knowledge");

    @Test
    void loads() {
        assertThat(Knowledge.embedded().citations()).containsKey("iana-registry");
    }

    @Test
    void indexListsEveryYamlFile() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            onDisk = files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .map(p -> SOURCES.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(Knowledge.embeddedFiles().keySet()).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    /** The breadth the issue asks for: 1,000 ports and 600 programs, with sources. */
    @Test
    void programsCoverAtLeast1000PortsAnd600Programs() {
        Knowledge k = Knowledge.embedded();
        assertThat(k.portsWithUses()).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(k.programs()).hasSizeGreaterThanOrEqualTo(600);
    }

    /** The ports the issue names as the ones people bring, each with at least one program. */
    @Test
    void thePortsPeopleLookUp_haveUses() {
        Knowledge k = Knowledge.embedded();
        for (int port : List.of(25565, 27015, 3000, 5000, 8080, 9200, 51820, 32400, 445, 3389, 5900, 22, 53)) {
            assertThat(k.uses(port)).as("programs on port %d", port).isNotEmpty();
        }
    }

    /** Every field of the issue has its file and programs in it. */
    @Test
    void everyFieldHasPrograms() {
        Set<String> fields = new TreeSet<>();
        Knowledge.embedded().programs().forEach(p -> fields.add(p.field()));
        assertThat(fields).contains("web-servers", "dev-tools", "databases", "messaging", "observability",
                "containers", "ci-cd", "remote-access", "vpn-proxies", "file-sharing", "media", "voip-chat", "games",
                "peer-to-peer", "printing", "iot", "industrial", "mail-directory", "platforms", "security-tools");
    }

    @Test
    void everyProgramEntry_isSourcedAndWellFormed() {
        Knowledge k = Knowledge.embedded();
        Set<String> names = new HashSet<>();
        for (Program p : k.programs()) {
            assertThat(names.add(p.name().toLowerCase(Locale.ROOT))).as("program named twice: %s", p.name()).isTrue();
            assertThat(p.ports()).as(p.id()).isNotEmpty();
            for (ProgramPort pp : p.ports()) {
                assertThat(pp.transports()).as(p.id()).isNotEmpty();
                assertThat(pp.ports().first()).isBetween(PortRange.MIN_PORT, PortRange.MAX_PORT);
                assertThat(pp.cites()).as(p.id()).isNotEmpty()
                        .allSatisfy(c -> assertThat(k.citation(c)).as("%s cites %s", p.id(), c).isPresent());
                assertThat(KnowledgeReader.ROLES).contains(pp.role());
            }
        }
    }

    @Test
    void everyCitationIsHttps_andTitledInOurWords() {
        assertThat(Knowledge.embedded().citations().values()).allSatisfy(c -> {
            assertThat(c.url()).startsWith("https://");
            assertThat(c.title()).isNotBlank();
            assertThat(c.url()).doesNotContain("wikipedia.org", "speedguide", "adminsub", "stackoverflow", "reddit.com");
        });
    }

    /** Protocol and security notes are sentences of the bundles: each note has one, each sentence a note. */
    @Test
    void everyNoteHasItsSentence_andEverySentenceItsNote() throws IOException {
        Knowledge k = Knowledge.embedded();
        Properties english = new Properties();
        try (var in = Messages.class.getClassLoader().getResourceAsStream("knowledge/messages.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> keys = new ArrayList<>();
        k.protocolNotes().forEach(n -> keys.add(n.key()));
        k.securityNotes().forEach(n -> keys.add(n.key()));
        assertThat(english.stringPropertyNames()).containsAll(keys);
        List<String> sentences = english.stringPropertyNames().stream()
                .filter(key -> key.startsWith("protocol.") || key.startsWith("security.note.")).toList();
        assertThat(keys).containsAll(sentences);
        Messages en = Messages.of(ULocale.ENGLISH);
        for (String key : keys) {
            assertThat(en.format(dev.portolan.knowledge.page.Text.of(key, "port", "1", "transports", List.of("TCP"))))
                    .as(key).isNotBlank().doesNotContain("{");
        }
    }

    /** The issue asks for security notes on at least 100 ports. */
    @Test
    void securityNotesCoverAtLeast100Ports() {
        Set<Integer> ports = new TreeSet<>();
        Knowledge.embedded().securityNotes().forEach(n -> ports.addAll(n.ports()));
        Knowledge.embedded().allMalware().forEach(m -> ports.add(m.port()));
        assertThat(ports).hasSizeGreaterThanOrEqualTo(100);
    }

    /** The issue's own examples of registry names that are not what people say. */
    @Test
    void crypticRegistryNames_haveTheirCommonNames() {
        Knowledge k = Knowledge.embedded();
        assertThat(nameOf(k, 445, "microsoft-ds")).isEqualTo("SMB");
        assertThat(nameOf(k, 3389, "ms-wbt-server")).isEqualTo("RDP");
        assertThat(nameOf(k, 5900, "rfb")).isEqualTo("VNC");
        assertThat(nameOf(k, 67, "bootps")).isEqualTo("DHCP");
        assertThat(nameOf(k, 68, "bootpc")).isEqualTo("DHCP");
        assertThat(nameOf(k, 53, "domain")).isEqualTo("DNS");
    }

    private static String nameOf(Knowledge k, int port, String service) {
        return k.commonNames(port).stream().filter(n -> n.service().equals(service)).map(CommonName::name)
                .findFirst().orElse("(none)");
    }

    /** WannaCry spread over SMB on 445; the advisory gives no other port for it. */
    @Test
    void wannaCry_isOn445Only() {
        List<Integer> ports = Knowledge.embedded().allMalware().stream().filter(m -> m.name().equals("WannaCry"))
                .map(MalwareAssociation::port).toList();
        assertThat(ports).containsExactly(445);
    }
}
