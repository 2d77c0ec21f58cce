package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.testsupport.GeneratedRegistry;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code portolan history PORT}: the timeline of a port over the releases the program embeds (2017-03-10
 * to 2025-12-15) and those imported into the home, in exact lines.
 */
class HistoryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMBEDDED = "source: the history embedded in the program";

    @TempDir
    Path home;

    @TempDir
    Path files;

    private Cli.Run history(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "history";
        System.arraycopy(args, 0, line, 1, args.length);
        Cli.Run run = Cli.run(home, line);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run;
    }

    /** IANA de-assigned compressnet in February 2025: the release of 2025-12-15 is the first to show it. */
    @Test
    void port2_lostCompressnetBetweenTheReleasesOf2024And2025() {
        assertThat(history("2").outLines()).containsExactly(
                "port 2 in 6 releases of the IANA registry, 2017-03-10 to 2025-12-15",
                "",
                "2/tcp compressnet: Management Utility",
                "  appeared in or before the release of 2017-03-10",
                "  removed between the releases of 2024-08-01 and 2025-12-15",
                "2/udp compressnet: Management Utility",
                "  appeared in or before the release of 2017-03-10",
                "  removed between the releases of 2024-08-01 and 2025-12-15",
                "2/tcp (reserved): Reserved",
                "  appeared between the releases of 2024-08-01 and 2025-12-15",
                "2/udp (reserved): Reserved",
                "  appeared between the releases of 2024-08-01 and 2025-12-15",
                "",
                "port 2 has been as it is since a change between the releases of 2024-08-01 and 2025-12-15",
                EMBEDDED);
    }

    @Test
    void port443OverTcp_changedItsPeopleAndThenItsReference() {
        assertThat(history("443/tcp").outLines()).containsExactly(
                "port 443/tcp in 6 releases of the IANA registry, 2017-03-10 to 2025-12-15",
                "",
                "443/tcp https: http protocol over TLS/SSL",
                "  appeared in or before the release of 2017-03-10",
                "  changed between the releases of 2017-03-10 and 2018-12-18:",
                "    assignees: Kipp E.B. Hickman → IESG",
                "    contacts: Kipp E.B. Hickman → IETF Chair",
                "    modified: (none) → 2018-07-06",
                "  changed between the releases of 2020-12-29 and 2023-01-04:",
                "    modified: 2018-07-06 → 2021-10-01",
                "    references: (none) → RFC9110",
                "",
                "port 443/tcp has been as it is since a change between the releases of 2020-12-29 and 2023-01-04",
                EMBEDDED);
    }

    /** IANA renamed fox-skytale to skytale in place: one record, whose service field changed. */
    @Test
    void port4319OverUdp_showsTheRenameFieldByField() {
        List<String> lines = history("4319/udp").outLines();

        assertThat(lines).containsSubsequence(
                "4319/udp skytale: Sentyron SkyTale encrypted communication",
                "  appeared between the releases of 2020-12-29 and 2023-01-04",
                "  changed between the releases of 2023-01-04 and 2024-08-01:",
                "    contacts: Frans van Dorsselaer → Mark Revier",
                "    modified: (none) → 2024-04-29",
                "  changed between the releases of 2024-08-01 and 2025-12-15:",
                "    service: fox-skytale → skytale",
                "    description: Fox SkyTale encrypted communication → Sentyron SkyTale encrypted communication",
                "    assignees: Fox Crypto B.V. → Sentyron B.V.",
                "    modified: 2024-04-29 → 2025-10-30");
        assertThat(lines).noneMatch(l -> l.startsWith("4319/tcp"));
    }

    @Test
    void aPortWithoutChange_saysSinceWhenItHasBeenAsItIs() {
        assertThat(history("7").outLines()).containsExactly(
                "port 7 in 6 releases of the IANA registry, 2017-03-10 to 2025-12-15",
                "",
                "7/tcp echo: Echo",
                "  appeared in or before the release of 2017-03-10",
                "7/udp echo: Echo",
                "  appeared in or before the release of 2017-03-10",
                "",
                "no change in these 6 releases: port 7 has been as it is since the release of 2017-03-10 or earlier",
                EMBEDDED);
    }

    @Test
    void aPortNoRecordCovers_saysSo() {
        assertThat(history("49152").outLines()).containsExactly(
                "port 49152 in 6 releases of the IANA registry, 2017-03-10 to 2025-12-15",
                "",
                "no record of the registry covers port 49152 in these releases",
                EMBEDDED);
    }

    @Test
    void json_port2() throws IOException {
        JsonNode root = JSON.readTree(history("2", "--format", "json").out());

        assertThat(root.get("port").intValue()).isEqualTo(2);
        assertThat(root.get("transport").isNull()).isTrue();
        assertThat(root.get("releases")).extracting(JsonNode::asText).containsExactly("2017-03-10", "2018-12-18",
                "2020-12-29", "2023-01-04", "2024-08-01", "2025-12-15");
        assertThat(root.get("since").toString()).isEqualTo("{\"after\":\"2024-08-01\",\"by\":\"2025-12-15\"}");
        JsonNode records = root.get("records");
        assertThat(records).hasSize(4);
        JsonNode compressnet = records.get(0);
        assertThat(compressnet.get("record").toString()).isEqualTo("{\"service\":\"compressnet\",\"ports\":\"2\","
                + "\"transport\":\"tcp\",\"description\":\"Management Utility\",\"status\":\"assigned\",\"assignees\":[],"
                + "\"contacts\":[],\"registered\":null,\"modified\":null,\"references\":[],\"notes\":[],\"unauthorized\":[],"
                + "\"serviceCodes\":[],\"aliases\":[]}");
        assertThat(compressnet.get("current").booleanValue()).isFalse();
        assertThat(compressnet.get("appeared").toString()).isEqualTo("{\"after\":null,\"by\":\"2017-03-10\"}");
        assertThat(compressnet.get("removed").toString()).isEqualTo("{\"after\":\"2024-08-01\",\"by\":\"2025-12-15\"}");
        assertThat(compressnet.get("events")).extracting(e -> e.get("kind").asText()).containsExactly("added", "removed");
        JsonNode removal = compressnet.get("events").get(1);
        assertThat(removal.get("fields")).isEmpty();
        assertThat(removal.get("before").get("service").asText()).isEqualTo("compressnet");
        assertThat(removal.get("after").isNull()).isTrue();
        JsonNode reserved = records.get(2);
        assertThat(reserved.get("current").booleanValue()).isTrue();
        assertThat(reserved.get("removed").isNull()).isTrue();
        assertThat(reserved.get("record").get("service").isNull()).isTrue();
        assertThat(reserved.get("record").get("status").asText()).isEqualTo("reserved");
        assertThat(reserved.get("record").get("notes")).extracting(JsonNode::asText)
                .containsExactly("De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]");
    }

    @Test
    void json_fieldChangesKeepTheirTypes() throws IOException {
        JsonNode root = JSON.readTree(history("443/tcp", "-f", "json").out());

        assertThat(root.get("transport").asText()).isEqualTo("tcp");
        JsonNode events = root.get("records").get(0).get("events");
        assertThat(events).extracting(e -> e.get("kind").asText()).containsExactly("added", "changed", "changed");
        assertThat(events.get(1).get("when").toString()).isEqualTo("{\"after\":\"2017-03-10\",\"by\":\"2018-12-18\"}");
        assertThat(events.get(1).get("fields").toString()).isEqualTo("[{\"field\":\"assignees\",\"before\":"
                + "[\"Kipp E.B. Hickman\"],\"after\":[\"IESG\"]},{\"field\":\"contacts\",\"before\":[\"Kipp E.B. Hickman\"],"
                + "\"after\":[\"IETF Chair\"]},{\"field\":\"modified\",\"before\":null,\"after\":\"2018-07-06\"}]");
    }

    @Test
    void csv_oneRowPerEventAndChangedField() {
        assertThat(history("443/tcp", "--format", "csv").outLines()).containsExactly(
                "ports,transport,service,event,after_release,by_release,field,before,after",
                "443,tcp,https,added,,2017-03-10,,,http protocol over TLS/SSL",
                "443,tcp,https,changed,2017-03-10,2018-12-18,assignees,Kipp E.B. Hickman,IESG",
                "443,tcp,https,changed,2017-03-10,2018-12-18,contacts,Kipp E.B. Hickman,IETF Chair",
                "443,tcp,https,changed,2017-03-10,2018-12-18,modified,,2018-07-06",
                "443,tcp,https,changed,2020-12-29,2023-01-04,modified,2018-07-06,2021-10-01",
                "443,tcp,https,changed,2020-12-29,2023-01-04,references,,RFC9110");
        assertThat(history("2/udp", "-f", "csv").outLines()).containsExactly(
                "ports,transport,service,event,after_release,by_release,field,before,after",
                "2,udp,compressnet,added,,2017-03-10,,,Management Utility",
                "2,udp,compressnet,removed,2024-08-01,2025-12-15,,Management Utility,",
                "2,udp,,added,2024-08-01,2025-12-15,,,Reserved");
    }

    @Test
    void inGerman() {
        assertThat(history("2/tcp", "--lang", "de").outLines()).containsExactly(
                "Port 2/tcp in 6 Ausgaben des IANA-Registers, 2017-03-10 bis 2025-12-15",
                "",
                "2/tcp compressnet: Management Utility",
                "  hinzugekommen in oder vor der Ausgabe vom 2017-03-10",
                "  entfernt zwischen den Ausgaben vom 2024-08-01 und vom 2025-12-15",
                "2/tcp (reserved): Reserved",
                "  hinzugekommen zwischen den Ausgaben vom 2024-08-01 und vom 2025-12-15",
                "",
                "Port 2/tcp ist so seit einer Änderung zwischen den Ausgaben vom 2024-08-01 und vom 2025-12-15",
                "Quelle: die im Programm enthaltene Historie");
    }

    @Test
    void inTheLanguageOfTheEnvironment_andValuesStayAsTheyAre() {
        Cli.Run run = Cli.runWithEnv(home, Map.of("LANG", "ja_JP.UTF-8"), "history", "7");

        assertThat(run.outLines()).containsExactly(
                "IANA レジストリの 6 版におけるポート 7 (2017-03-10 から 2025-12-15)",
                "",
                "7/tcp echo: Echo",
                "  2017-03-10 版またはそれ以前に登場",
                "7/udp echo: Echo",
                "  2017-03-10 版またはそれ以前に登場",
                "",
                "この 6 版で変更なし: ポート 7 は 2017-03-10 版またはそれ以前からこのままです",
                "出典: プログラムに組み込まれた履歴");
        assertThat(Cli.runWithEnv(home, Map.of("LANG", "ja_JP.UTF-8"), "history", "443/tcp", "--lang", "ru").outLines())
                .contains("    modified: (нет) → 2018-07-06");
    }

    @Test
    void badInput_isRefusedInTheRunsLanguage() {
        Cli.Run name = Cli.run(home, "history", "ssh");
        assertThat(name.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(name.errLines()).containsExactly("portolan: history takes one port, such as 8080 or 8080/tcp, not \"ssh\"");

        Cli.Run range = Cli.run(home, "history", "8000-8001", "-l", "es");
        assertThat(range.errLines()).containsExactly(
                "portolan: history recibe un puerto, como 8080 u 8080/tcp, no \"8000-8001\"");

        Cli.Run tooHigh = Cli.run(home, "history", "70000");
        assertThat(tooHigh.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(tooHigh.errLines()).containsExactly(
                "portolan: port 70000 in \"70000\" is out of range: port numbers are 0 to 65535");

        Cli.Run language = Cli.run(home, "history", "22", "--lang", "xx");
        assertThat(language.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(language.errLines()).containsExactly("portolan: --lang 'xx' is not a language of the pages; choose one "
                + "of en, es, pt, fr, de, ru, zh, ja, hi, bn, id, vi, ar, fa, ps");
    }

    /**
     * A record whose range grows onto a port and shrinks off it again, in releases imported into the
     * home after the embedded ones.
     */
    @Test
    void aRecordThatCameOntoThePortAndLeftIt_byChangesOfItsRange() {
        String base = GeneratedRegistry.xml(LocalDate.of(2026, 1, 1), GeneratedRegistry.RECORDS);
        Path before = GeneratedRegistry.write(files, "january.xml", base);
        Path grown = GeneratedRegistry.write(files, "february.xml", base.replace("2026-01-01", "2026-02-01")
                .replace("<number>1024</number>", "<number>1024-1030</number>"));
        Path shrunk = GeneratedRegistry.write(files, "march.xml", base.replace("2026-01-01", "2026-03-01")
                .replace("<description>Fixture service 0</description>", "<description>Fixture service zero</description>"));
        Cli.Run imported = Cli.run(home, "import", shrunk.toString(), grown.toString(), before.toString());
        assertThat(imported.code()).as(imported.err()).isZero();

        List<String> lines = history("1030/tcp").outLines();

        assertThat(lines.get(0)).isEqualTo("port 1030/tcp in 9 releases of the IANA registry, 2017-03-10 to 2026-03-01");
        assertThat(lines).containsSubsequence(
                "1024/tcp fixture0: Fixture service zero",
                "  came onto port 1030 between the releases of 2026-01-01 and 2026-02-01, when its ports changed:",
                "    ports: 1024 → 1024-1030",
                "  left port 1030 between the releases of 2026-02-01 and 2026-03-01, when its ports changed:",
                "    ports: 1024-1030 → 1024",
                "    description: Fixture service 0 → Fixture service zero");
        assertThat(lines).last().isEqualTo("source: the history embedded in the program and 3 releases imported into "
                + home);
    }

    /** A release imported into the home is part of the history that answers. */
    @Test
    void aReleaseImportedIntoTheHome_extendsTheHistory() throws IOException {
        Path current = SharedRegistryData.require(SharedRegistryData.XML);
        String xml = Files.readString(current, StandardCharsets.UTF_8);
        Path edited = GeneratedRegistry.write(files, "2026.xml", xml.replaceFirst("<updated>2025-12-15</updated>",
                "<updated>2026-01-10</updated>").replace("<description>http protocol over TLS/SSL</description>",
                "<description>HTTP over TLS</description>"));
        assertThat(Cli.run(home, "import", edited.toString()).code()).isZero();

        List<String> lines = history("443/udp").outLines();

        assertThat(lines).contains("port 443/udp in 7 releases of the IANA registry, 2017-03-10 to 2026-01-10",
                "443/udp https: HTTP over TLS",
                "  changed between the releases of 2025-12-15 and 2026-01-10:",
                "    description: http protocol over TLS/SSL → HTTP over TLS",
                "port 443/udp has been as it is since a change between the releases of 2025-12-15 and 2026-01-10",
                "source: the history embedded in the program and 1 release imported into " + home);
    }

    @Test
    void aDamagedHistoryFile_isReported_andTheEmbeddedHistoryAnswers() throws IOException {
        Files.createDirectories(home);
        Files.writeString(home.resolve("history.changelog"), "not a change log");

        Cli.Run run = Cli.run(home, "history", "7");

        assertThat(run.code()).isZero();
        assertThat(run.errLines()).containsExactly("warning: the history " + home.resolve("history.changelog")
                + " is damaged: not a Portolan change log (bad magic); move it away and import the releases again to "
                + "rebuild it; answering from the history embedded in the program");
        assertThat(run.outLines()).contains(EMBEDDED);
    }

    /** Every port of the edges of the ranges has an answer in every format. */
    @Test
    void everyFormat_answersTheEdgesOfTheRanges() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String port : List.of("0", "1023", "1024", "49151", "49152", "65535")) {
            for (String format : List.of("table", "json", "csv")) {
                Cli.Run run = Cli.run(home, "history", port, "-f", format);
                if (run.code() != 0 || !run.err().isEmpty() || run.out().isBlank()) {
                    bad.add(port + " " + format + ": " + run.err());
                }
                if (format.equals("json")) {
                    assertThat(JSON.readTree(run.out()).get("port").intValue()).isEqualTo(Integer.parseInt(port));
                }
            }
        }
        assertThat(bad).isEmpty();
    }
}
