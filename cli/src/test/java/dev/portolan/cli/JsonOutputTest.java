package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.GeneratedRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON output of lookup: an array with one object per (port, transport, registry entry), whose
 * fields are a stable contract. (The search's JSON is in {@link SearchOutputTest}.)
 */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TRANSPORTS = Set.of("tcp", "udp", "sctp", "dccp");
    private static final Set<String> STATUSES = Set.of("assigned", "reserved", "unassigned");
    private static final Set<String> RANGES = Set.of("system", "user", "dynamic");

    @TempDir
    Path home;

    @TempDir
    Path files;

    static List<JsonNode> rows(Cli.Run run) {
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        try {
            JsonNode root = JSON.readTree(run.out());
            assertThat(root.isArray()).as("the output is a JSON array").isTrue();
            List<JsonNode> rows = new ArrayList<>();
            root.forEach(rows::add);
            rows.forEach(JsonOutputTest::assertContractFields);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields every row has, with their types and value sets. */
    static void assertContractFields(JsonNode row) {
        assertThat(row.isObject()).isTrue();
        JsonNode port = row.get("port");
        assertThat(port).as("port of %s", row).isNotNull();
        JsonNode service = row.get("service");
        assertThat(service).as("service of %s", row).isNotNull();
        assertThat(service.isNull() || (service.isTextual() && !service.asText().isBlank()))
                .as("service of %s is a name or null", row).isTrue();
        assertThat(row.get("description").isTextual()).as("description of %s", row).isTrue();
        assertThat(row.get("status").asText()).isIn(STATUSES);
        if (port.isNull()) {
            // a service name registered without a port (docs/json.md): named, no range
            assertThat(service.isTextual()).as("a port-less row of %s has a name", row).isTrue();
            assertThat(row.get("range").isNull()).as("range of %s", row).isTrue();
            assertThat(row.get("transport").isNull() || TRANSPORTS.contains(row.get("transport").asText()))
                    .as("transport of %s", row).isTrue();
        } else {
            assertThat(port.isInt()).as("port of %s is a number", row).isTrue();
            assertThat(port.intValue()).isBetween(0, 65_535);
            assertThat(row.get("transport").isTextual()).isTrue();
            assertThat(row.get("transport").asText()).isIn(TRANSPORTS);
            assertThat(row.get("range").asText()).isIn(RANGES);
            assertThat(row.get("range").asText()).isEqualTo(RangeClass.of(port.intValue()).id());
        }
        JsonNode references = row.get("references");
        assertThat(references.isArray()).as("references of %s", row).isTrue();
        references.forEach(r -> assertThat(r.isTextual()).as("reference %s", r).isTrue());
    }

    private static List<String> portTransport(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("port").intValue() + "/" + r.get("transport").asText()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"22", "60", "60327", "8000-8010", "ssh", "53/udp", "0", "1023", "1024", "49151", "49152",
        "65535", "http"})
    void everyRowHasTheContractFields(String query) {
        List<JsonNode> rows = rows(Cli.run(home, "lookup", query, "--format", "json"));

        assertThat(rows).isNotEmpty();
    }

    @Test
    void unassignedPortHasATcpAndAUdpRow() {
        List<JsonNode> rows = rows(Cli.run(home, "lookup", "60", "--format", "json"));

        assertThat(portTransport(rows)).containsExactly("60/tcp", "60/udp");
        for (JsonNode r : rows) {
            assertThat(r.get("service").isNull()).isTrue();
            assertThat(r.get("status").asText()).isEqualTo("unassigned");
            assertThat(r.get("range").asText()).isEqualTo("system");
            assertThat(r.get("description").asText()).isEqualTo("Unassigned");
        }
    }

    @Test
    void dynamicPortIsUnassignedWithRfc6335() {
        List<JsonNode> rows = rows(Cli.run(home, "lookup", "60327", "--format", "json"));

        assertThat(portTransport(rows)).containsExactly("60327/tcp", "60327/udp");
        for (JsonNode r : rows) {
            assertThat(r.get("status").asText()).isEqualTo("unassigned");
            assertThat(r.get("range").asText()).isEqualTo("dynamic");
            assertThat(r.get("service").isNull()).isTrue();
            assertThat(r.get("references")).extracting(JsonNode::asText).containsExactly("RFC6335");
        }
    }

    @Test
    void rangeHasATcpAndAUdpRowForEveryPort() {
        List<JsonNode> rows = rows(Cli.run(home, "lookup", "8000-8010", "--format", "json"));

        assertThat(rows).hasSize(22);
        List<String> expected = new ArrayList<>();
        for (int p = 8000; p <= 8010; p++) {
            expected.add(p + "/tcp");
            expected.add(p + "/udp");
        }
        assertThat(portTransport(rows)).containsExactlyElementsOf(expected);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("range").asText()).isEqualTo("user"));
    }

    @Test
    void rangeBoundariesOfRfc6335() {
        List<JsonNode> rows = rows(Cli.run(home, "lookup", "1023", "1024", "49151", "49152", "--format", "json"));

        assertThat(rows.stream().filter(r -> r.get("transport").asText().equals("tcp"))
                .map(r -> r.get("port").intValue() + ":" + r.get("range").asText()))
                .containsExactly("1023:system", "1024:user", "49151:user", "49152:dynamic");
    }

    @Test
    void sshOnPort22() {
        List<JsonNode> rows = rows(Cli.run(home, "lookup", "22", "--format", "json"));

        assertThat(portTransport(rows)).contains("22/tcp", "22/udp");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("service").asText()).isEqualTo("ssh");
            assertThat(r.get("status").asText()).isEqualTo("assigned");
            assertThat(r.get("range").asText()).isEqualTo("system");
        });
    }

    @Test
    void rowsFollowTheOrderOfTheArguments() {
        List<JsonNode> rows = rows(Cli.run(home, "lookup", "443", "22/udp", "60", "--format", "json"));

        List<String> ports = portTransport(rows);
        assertThat(ports.indexOf("443/tcp")).isLessThan(ports.indexOf("22/udp"));
        assertThat(ports.indexOf("22/udp")).isLessThan(ports.indexOf("60/tcp"));
        assertThat(ports).doesNotContain("22/tcp");
    }

    @Test
    void transportOptionAndSuffixNarrowTheRows() {
        assertThat(rows(Cli.run(home, "lookup", "53/udp", "--format", "json")))
                .allSatisfy(r -> assertThat(r.get("transport").asText()).isEqualTo("udp")).isNotEmpty();
        assertThat(rows(Cli.run(home, "lookup", "8000-8010", "--transport", "tcp", "--format", "json")))
                .hasSize(11).allSatisfy(r -> assertThat(r.get("transport").asText()).isEqualTo("tcp"));
        assertThat(rows(Cli.run(home, "lookup", "60", "--transport", "sctp", "--format", "json")))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("transport").asText()).isEqualTo("sctp");
                    assertThat(r.get("status").asText()).isEqualTo("unassigned");
                });
    }

    @Test
    void formatNameIsCaseInsensitive() {
        Cli.Run lower = Cli.run(home, "lookup", "22", "--format", "json");
        Cli.Run upper = Cli.run(home, "lookup", "22", "-f", "JSON");

        assertThat(upper.out()).isEqualTo(lower.out());
    }

    @Property(tries = 40)
    void everyPortHasATcpAndAUdpRow(@ForAll @IntRange(min = 0, max = 65_535) int port) {
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "portolan-test-no-home-" + ProcessHandle.current().pid());
        List<JsonNode> rows = rows(Cli.run(nowhere, "lookup", Integer.toString(port), "--format", "json"));

        Set<String> transports = new HashSet<>();
        for (JsonNode r : rows) {
            assertThat(r.get("port").intValue()).isEqualTo(port);
            transports.add(r.get("transport").asText());
        }
        assertThat(transports).contains("tcp", "udp");
    }

    // ---- imported data ---------------------------------------------------------------------------

    @Test
    void importedRegistryGivesReferencesPeopleAndDates() {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1), GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        List<JsonNode> rows = rows(Cli.run(home, "lookup", "22", "--format", "json"));

        JsonNode tcp = rows.stream().filter(r -> r.get("transport").asText().equals("tcp")).findFirst().orElseThrow();
        assertThat(tcp.get("service").asText()).isEqualTo("fixture-ssh");
        assertThat(tcp.get("description").asText()).isEqualTo("Fixture secure shell");
        assertThat(tcp.get("status").asText()).isEqualTo("assigned");
        assertThat(tcp.get("references")).extracting(JsonNode::asText).containsExactly("RFC4251");
        assertThat(tcp.get("assignees")).singleElement().satisfies(p -> {
            assertThat(p.get("id").asText()).isEqualTo("Ada_Lovelace");
            assertThat(p.get("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(p.get("organisation").asBoolean()).isFalse();
        });
        assertThat(tcp.get("registered").asText()).isEqualTo("2001-02-03");
        assertThat(tcp.get("listed").asBoolean()).isTrue();
        JsonNode udp = rows.stream().filter(r -> r.get("transport").asText().equals("udp")).findFirst().orElseThrow();
        assertThat(udp.get("service").isNull()).isTrue();
        assertThat(udp.get("status").asText()).isEqualTo("unassigned");
    }
}
