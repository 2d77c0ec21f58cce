package dev.portolan.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class KnowledgeReaderTest {
    static final String CITES = """
            citations:
              a: {title: "A source", publisher: "IETF", url: "https://www.rfc-editor.org/rfc/rfc6335"}
            """;

    static String fixture() {
        try (InputStream in = KnowledgeReaderTest.class.getClassLoader().getResourceAsStream("fixture-knowledge.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Knowledge fixtureKnowledge() {
        try {
            return Knowledge.read(Map.of("fixture-knowledge.yaml", fixture()));
        } catch (KnowledgeFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static Knowledge read(String yaml) throws KnowledgeFormatException {
        return Knowledge.read(Map.of("f.yaml", yaml));
    }

    @Test
    void readsEveryKindOfFact() {
        Knowledge k = fixtureKnowledge();
        assertThat(k.uses(3000)).singleElement().satisfies(u -> {
            assertThat(u.program().name()).isEqualTo("Grafana");
            assertThat(u.program().aliases()).containsExactly("grafana-server");
            assertThat(u.program().field()).isEqualTo("fixture-knowledge");
            assertThat(u.use().transports()).containsExactly(Transport.TCP);
            assertThat(u.use().role()).isEqualTo("web-interface");
            assertThat(u.use().cites()).containsExactly("grafana");
        });
        assertThat(k.uses(27014)).isEmpty();
        assertThat(k.uses(27020)).singleElement().satisfies(u -> {
            assertThat(u.use().ports()).isEqualTo(new dev.portolan.core.PortRange(27015, 27030));
            assertThat(u.use().since()).isEqualTo("2004");
        });
        assertThat(k.portsWithUses()).containsExactly(3000);
        assertThat(k.commonNames(3389)).extracting(CommonName::name).containsExactly("RDP");
        assertThat(k.commonNames(3000)).singleElement().extracting(CommonName::programs).isEqualTo(java.util.List.of("grafana"));
        assertThat(k.protocolNotes(80)).extracting(ProtocolNote::key).containsExactly("protocol.http");
        assertThat(k.securityNotes(1434)).extracting(SecurityNote::key).containsExactly("security.note.slammer");
        assertThat(k.malware(1434, Transport.UDP)).extracting(MalwareAssociation::name).containsExactly("SQL Slammer");
        assertThat(k.malware(1434, Transport.TCP)).isEmpty();
        assertThat(k.ephemeralRanges()).extracting(EphemeralRange::id)
                .containsExactly("linux", "windows-vista", "windows-xp");
        assertThat(k.privilegedPorts().get(0).restricts(1023)).isTrue();
        assertThat(k.privilegedPorts().get(0).restricts(1024)).isFalse();
        assertThat(k.privilegedPorts().get(1).restricts(1)).isFalse();
        assertThat(k.browsersRefuse(6000)).isTrue();
        assertThat(k.browsersRefuse(6001)).isFalse();
        assertThat(k.event("rfc349")).get().extracting(HistoryEvent::date).isEqualTo("1972-05");
        assertThat(k.relatedTo(443)).hasSize(1);
        assertThat(k.relatedTo(443).get(0).ports()).containsExactly(80, 443);
        assertThat(k.range("user").orElseThrow().procedures())
                .containsExactly("ietf-review", "iesg-approval", "expert-review");
        assertThat(k.citation("rfc6335")).get().extracting(Citation::url).isEqualTo("https://www.rfc-editor.org/rfc/rfc6335");
    }

    @Test
    void factWithoutCitation_isRejected() {
        assertThatThrownBy(() -> read(CITES + program("{port: 1, transports: [tcp], role: database, evidence: seen}")))
                .isInstanceOf(KnowledgeFormatException.class)
                .hasMessage("f.yaml: programs[0] (x).ports[0].cite: every fact needs at least one citation id");
    }

    @Test
    void citationThatNoFileDefines_isRejected() {
        assertThatThrownBy(() -> read(CITES + program("{port: 1, transports: [tcp], role: database, cite: nope, evidence: seen}")))
                .isInstanceOf(KnowledgeFormatException.class)
                .hasMessage("f.yaml: programs[0] (x).ports[0]: cites 'nope', which no file defines");
    }

    @Test
    void citationDefinedInAnotherFile_isAccepted() throws KnowledgeFormatException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("uses.yaml", program("{port: 1, transports: [tcp], role: database, cite: a, evidence: seen}"));
        files.put("sources.yaml", CITES);
        assertThat(Knowledge.read(files).uses(1)).hasSize(1);
    }

    @Test
    void sameCitationIdDefinedDifferently_isRejected() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("one.yaml", CITES);
        files.put("two.yaml", CITES.replace("A source", "Another source"));
        assertThatThrownBy(() -> Knowledge.read(files)).isInstanceOf(KnowledgeFormatException.class)
                .hasMessage("two.yaml: citations.a: is defined differently in another file");
    }

    @Test
    void portOutsideTheRange_isRejected() {
        assertThatThrownBy(() -> read(CITES + program("{port: 65536, transports: [tcp], role: database, cite: a, evidence: seen}")))
                .hasMessage("f.yaml: programs[0] (x).ports[0].port: '65536' is not a port number (0-65535)");
        assertThatThrownBy(() -> read(CITES + program("{port: \"80\", transports: [tcp], role: database, cite: a, evidence: seen}")))
                .hasMessage("f.yaml: programs[0] (x).ports[0].port: '80' is not a port (0-65535) or a range such as 27015-27030");
        assertThatThrownBy(() -> read(CITES + program("{port: \"9000-8000\", transports: [tcp], role: database, cite: a, evidence: seen}")))
                .hasMessage("f.yaml: programs[0] (x).ports[0].port: '9000-8000' is not a range of ports: the first must be lower, both 0-65535");
        assertThatThrownBy(() -> read(CITES + program("{port: \"1-70000\", transports: [tcp], role: database, cite: a, evidence: seen}")))
                .hasMessage("f.yaml: programs[0] (x).ports[0].port: '1-70000' is not a range of ports: the first must be lower, both 0-65535");
    }

    @Test
    void unknownRoleTransportSectionAndField_areRejected() {
        assertThatThrownBy(() -> read(CITES + program("{port: 1, transports: [tcp], role: toaster, cite: a, evidence: seen}")))
                .hasMessage("f.yaml: programs[0] (x).ports[0].role: 'toaster' is not a known role (see docs/knowledge.md)");
        assertThatThrownBy(() -> read(CITES + program("{port: 1, transports: [quic], role: database, cite: a, evidence: seen}")))
                .hasMessage("f.yaml: programs[0] (x).ports[0].transports: 'quic' is not tcp, udp, sctp or dccp");
        assertThatThrownBy(() -> read(CITES + "gossip: []\n"))
                .hasMessageStartingWith("f.yaml: gossip: unknown section");
        assertThatThrownBy(() -> read(CITES + program("{port: 1, transports: [tcp], role: database, cite: a, evidence: seen, colour: red}")))
                .hasMessageStartingWith("f.yaml: programs[0] (x).ports[0].colour: unknown field (allowed: ");
    }

    /** A file with one program, X, whose one port entry is {@code entry}. */
    private static String program(String entry) {
        return "programs:\n  - id: x\n    name: X\n    ports:\n      - " + entry + "\n";
    }

    @Test
    void programEntryWithoutEvidence_isRejected() {
        assertThatThrownBy(() -> read(CITES + program("{port: 1, transports: [tcp], role: database, cite: a}")))
                .hasMessage("f.yaml: programs[0] (x).ports[0].evidence: is required and must be non-empty text");
    }

    @Test
    void programWithoutPorts_isRejected() {
        assertThatThrownBy(() -> read(CITES + "programs:\n  - {id: x, name: X, ports: []}\n"))
                .hasMessage("f.yaml: programs[0] (x).ports: must list at least one port");
    }

    @Test
    void programDefinedTwice_byIdOrByName_isRejected() {
        String one = "  - id: x\n    name: X\n    ports: [{port: 1, transports: [tcp], role: database, cite: a, evidence: seen}]\n";
        assertThatThrownBy(() -> read(CITES + "programs:\n" + one + one))
                .hasMessage("program 'x' is defined twice");
        assertThatThrownBy(() -> read(CITES + "programs:\n" + one + one.replace("id: x", "id: y").replace("name: X", "name: x")))
                .hasMessage("program name 'x' is defined twice");
    }

    @Test
    void commonNameMustNameAServiceOrExistingPrograms() {
        assertThatThrownBy(() -> read(CITES + "names:\n  - {name: SMB, ports: [445], cite: a}\n"))
                .hasMessage("f.yaml: names[0]: names either a registry service (service) or programs (programs), exactly one of them");
        assertThatThrownBy(() -> read(CITES + "names:\n  - {name: X, programs: [ghost], ports: [1], cite: a}\n"))
                .hasMessage("the common name 'X' names the program 'ghost', which no file defines");
    }

    @Test
    void securityNoteKindIsChecked_andNotesAreUnique() {
        assertThatThrownBy(() -> read(CITES + "security:\n  - {id: x, ports: [1], transports: [tcp], kind: spooky, cite: a}\n"))
                .hasMessageStartingWith("f.yaml: security[0].kind: 'spooky' is not one of [wormable");
        assertThatThrownBy(() -> read(CITES + "protocols:\n  - {id: x, ports: [1], transports: [tcp], cite: a}\n"
                + "  - {id: x, ports: [2], transports: [tcp], cite: a}\n"))
                .hasMessage("protocol note 'x' is defined twice");
    }

    @Test
    void secondaryMustBeABoolean() throws KnowledgeFormatException {
        assertThat(read("citations:\n  w: {title: T, publisher: P, url: \"https://x\", secondary: true}\n").citation("w"))
                .get().extracting(Citation::secondary).isEqualTo(true);
        assertThatThrownBy(() -> read("citations:\n  w: {title: T, publisher: P, url: \"https://x\", secondary: maybe}\n"))
                .hasMessage("f.yaml: citations.w.secondary: must be true or false, not 'maybe'");
    }

    @Test
    void sentencesHaveNoPlaceInFacts_soUnknownFieldsLikeTextAreRejected() {
        assertThatThrownBy(() -> read(CITES + "malware:\n  - {port: 1, transports: [tcp], name: X, kind: worm, year: 2001, cite: a, text: \"A worm.\"}\n"))
                .hasMessageStartingWith("f.yaml: malware[0].text: unknown field");
    }

    @Test
    void badDatesAndRangesAndUrls_areRejected() {
        assertThatThrownBy(() -> read(CITES + "events:\n  - {id: x, date: May 1972, cite: a}\n"))
                .hasMessage("f.yaml: events[0].date: 'May 1972' is not YYYY-MM-DD or YYYY-MM");
        assertThatThrownBy(() -> read(CITES + "ephemeral:\n  - {id: x, system: X, low: 5000, high: 1025, cite: a}\n"))
                .hasMessage("f.yaml: ephemeral[0]: low 5000 is above high 1025");
        assertThatThrownBy(() -> read("citations:\n  a: {title: T, publisher: P, url: \"ftp://x\"}\n"))
                .hasMessage("f.yaml: citations.a.url: 'ftp://x' is not an http(s) URL");
        assertThatThrownBy(() -> read("citations:\n  Bad_Id: {title: T, publisher: P, url: \"https://x\"}\n"))
                .hasMessage("f.yaml: citations.Bad_Id: a citation id must match [a-z0-9][a-z0-9-]*");
    }

    @Test
    void historyEventDefinedTwice_isRejected() {
        assertThatThrownBy(() -> read(CITES + "events:\n  - {id: x, date: 1972-05, cite: a}\n  - {id: x, date: 1973-05, cite: a}\n"))
                .hasMessage("history event 'x' is defined twice");
    }

    @Test
    void brokenYaml_namesTheFile() {
        assertThatThrownBy(() -> read("programs: [\n")).isInstanceOf(KnowledgeFormatException.class)
                .hasMessageStartingWith("f.yaml: not valid YAML: ");
    }

    @Test
    void emptyFile_isEmptyKnowledge() throws KnowledgeFormatException {
        assertThat(read("").citations()).isEmpty();
    }

    @Property(tries = 300)
    void anyText_readsOrFailsWithTheDeclaredException(@ForAll("yamlish") String text) {
        try {
            read(text);
        } catch (KnowledgeFormatException expected) {
            assertThat(expected.getMessage()).startsWith("f.yaml").doesNotContain("\tat ");
        }
    }

    @Provide
    Arbitrary<String> yamlish() {
        String fixture = fixture();
        Arbitrary<String> mutated = Arbitraries.integers().between(0, fixture.length() - 1).tuple2()
                .map(t -> {
                    int a = Math.min(t.get1(), t.get2());
                    int b = Math.max(t.get1(), t.get2());
                    return fixture.substring(0, a) + fixture.substring(b);
                });
        Arbitrary<String> random = Arbitraries.strings().withChars("abc:-[]{}\n 0123456789'\"#&*!|>%@`").ofMaxLength(200);
        return Arbitraries.oneOf(mutated, random);
    }
}
