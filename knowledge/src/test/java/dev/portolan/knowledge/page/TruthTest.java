package dev.portolan.knowledge.page;

import static dev.portolan.knowledge.page.PortPagesFixtureTest.first;
import static dev.portolan.knowledge.page.PortPagesFixtureTest.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per sentence that was found false or misleading on the pages, each named after the
 * defect and each failing on the rule that wrote it. They read real pages: the full IANA registry
 * and the knowledge that ships.
 */
class TruthTest {
    static PortPages pages;
    static PlainTextPage text;

    @BeforeAll
    static void load() {
        pages = new PortPages(Registry.of(SharedRegistryData.xml()), Knowledge.embedded());
        text = new PlainTextPage(Messages.of(ULocale.ENGLISH), 100_000);
    }

    static String render(int port) {
        return text.render(pages.page(port)).replaceAll("\\[\\d+]", "").replaceAll("\\s+", " ");
    }

    /** "No unofficial use of port N is known" read as "nothing uses this port". */
    @Test
    void noPageClaimsThatNothingIsKnown() {
        for (int port : List.of(0, 1, 60, 1023, 1024, 3000, 5000, 8080, 9200, 25565, 49151, 60327, 65535)) {
            String page = render(port);
            assertThat(page).as("port %d", port).doesNotContain("of port " + port + " is known", "is known to Portolan",
                    "no widely used program", "No malicious use", "No unofficial use");
        }
        assertThat(render(60)).contains("Portolan’s sources name no program that uses port 60");
    }

    /** A page with curated programs never carries a sentence that there are none. */
    @Test
    void portsWithPrograms_neverSayTheyHaveNone() {
        for (int port : Knowledge.embedded().portsWithUses()) {
            List<String> keys = keys(pages.page(port));
            assertThat(keys).as("port %d", port).doesNotContain("uses.none", "faq.what.nothing");
        }
    }

    /** Port 0's FAQ said root was needed and that IANA may assign it later. */
    @Test
    void port0_nothingListensThere_noRootQuestion_neverAssignableLater() {
        PortPage page = pages.page(0);
        assertThat(keys(page)).contains("range.zero", "faq.own.zero", "faq.what.zero")
                .doesNotContain("faq.root.a", "range.privileged", "faq.own.unassigned", "why.reserved");
        String rendered = render(0);
        assertThat(rendered).contains("No service can listen on port 0").doesNotContain("may assign", "need root");
    }

    /** Reserved ports were said to be assignable later, and "the edge of the range" had no source. */
    @Test
    void reservedPorts_areNotAssignableLater_andHaveNoUnsourcedEdgeReason() {
        for (int port : List.of(1023, 1024, 49151)) {
            PortPage page = pages.page(port);
            assertThat(keys(page)).as("port %d", port).contains("faq.own.reserved", "why.reserved")
                    .doesNotContain("range.reservedEdge", "faq.own.unassigned");
            assertThat(render(port)).as("port %d", port).doesNotContain("IANA may assign", "edge of the");
        }
    }

    /**
     * “The embedded registry data does not carry IANA’s reports of unauthorized use” stood under
     * other uses and again under security; with the full registry, “the registry records no report
     * of unauthorized use on it” did the same. Security says it, once.
     */
    @Test
    void whatTheRegistryReportsOfUnauthorizedUse_isSaidOnce_underSecurity() {
        PortPages baseline = new PortPages(Registry.of(dev.portolan.core.baseline.Baseline.load()), Knowledge.embedded());
        for (int port : List.of(0, 60, 1023, 1434, 25565, 60327)) {
            PortPage page = baseline.page(port);
            String rendered = text.render(page);
            assertThat(rendered.split("embedded registry data does not carry", -1)).as("port %d", port).hasSize(2);
            assertThat(page.section(Section.Id.SECURITY).orElseThrow().blocks().stream()
                    .filter(Block.Paragraph.class::isInstance)
                    .flatMap(b -> ((Block.Paragraph) b).sentences().stream()).map(Text::key))
                    .as("port %d", port).contains("security.baselineNoReports");
        }
        for (int port : List.of(60, 1024, 60327)) {
            assertThat(render(port).split("of unauthorized use on it", -1)).as("port %d", port).hasSize(2);
        }
    }

    /** 3389 was said to lie "inside the default ephemeral range of Windows", true only of XP and earlier. */
    @Test
    void windowsEphemeralSentences_nameTheVersions() {
        for (int port : List.of(1025, 3389, 5000)) {
            List<Text> all = new ArrayList<>();
            PortPage page = pages.page(port);
            all.add(page.subtitle());
            page.sections().forEach(s -> s.blocks().forEach(b -> {
                if (b instanceof Block.Paragraph p) {
                    all.addAll(p.sentences());
                } else if (b instanceof Block.Points p) {
                    all.addAll(p.items());
                }
            }));
            page.faq().forEach(q -> all.add(q.answer()));
            List<Text> systems = new ArrayList<>();
            all.forEach(t -> nested(t, systems));
            assertThat(systems).as("port %d", port).isNotEmpty().allSatisfy(t -> {
                if (t.args().get("system").equals("Windows")) {
                    assertThat(t.args().get("versions")).isNotEqualTo("all");
                }
            });
        }
        assertThat(render(3389)).contains("1025–5000 (XP, Server 2003 and earlier), port 3389 included");
        // In the table of systems, each of Windows' ranges names the versions it is true of.
        for (int port : List.of(1025, 3389, 5000, 49152, 50000)) {
            assertThat(PortPagesFixtureTest.system(pages.page(port), "Windows").ephemeral()).as("port %d", port)
                    .hasSize(2).allSatisfy(t -> assertThat(t.args().get("versions")).isNotEqualTo("all"));
        }
    }

    private static void nested(Text t, List<Text> systems) {
        if (t.key().equals("system.versions")) {
            systems.add(t);
        }
        for (Object v : t.args().values()) {
            if (v instanceof Text n) {
                nested(n, systems);
            } else if (v instanceof List<?> list) {
                list.stream().filter(Text.class::isInstance).forEach(n -> nested((Text) n, systems));
            }
        }
    }

    /** x11's report "Known Unauthorized Use on port 6003" was shown on every page of 6000-6063. */
    @Test
    void unauthorizedReportOnARange_showsOnlyOnThePortItNames() {
        assertThat(keys(pages.page(6003))).contains("security.unauthorized");
        assertThat(keys(pages.page(6001))).doesNotContain("security.unauthorized");
        assertThat(keys(pages.page(6063))).doesNotContain("security.unauthorized");
    }

    /** "On Unix, only a privileged process may listen below 1024" beside the macOS exemption. */
    @Test
    void privilegeSentences_neverContradictTheMacOsExemption() {
        String rendered = render(80);
        assertThat(rendered).doesNotContain("On Unix").contains("on macOS, any user may, on the wildcard address")
                .contains("Yes on the wildcard address (0.0.0.0 or ::); a specific address needs root.");
    }

    /** "Run with sudo to see other users' processes; without it they show only your own" was false for ss. */
    @Test
    void checkPrivileges_saySsListsEverySocketWithoutSudo() {
        assertThat(render(80)).contains("ss still lists every socket but names the process only for your own");
    }

    /** "The even neighbour of a service's odd socket carried the other direction" is not in RFC 349. */
    @Test
    void ncpSentences_stateOnlyWhatRfc349Lists() {
        String rendered = render(60);
        assertThat(rendered).doesNotContain("neighbour", "other direction", "because a server")
                .contains("even, unlike every standard socket RFC 349 listed");
    }

    /** History printed 1983 before 1977. */
    @Test
    void historyEvents_areInDateOrder() {
        for (int port : List.of(1, 60, 80, 1023, 8080)) {
            PortPage page = pages.page(port);
            List<String> dates = new ArrayList<>();
            for (Block b : page.section(Section.Id.HISTORY).orElseThrow().blocks()) {
                if (b instanceof Block.Paragraph p) {
                    for (Text t : p.sentences()) {
                        if (t.key().startsWith("history.event.")) {
                            dates.add(pages.knowledge().event(t.key().substring("history.event.".length()))
                                    .orElseThrow().date());
                        }
                    }
                }
            }
            assertThat(dates).as("port %d", port).isSorted();
        }
    }

    /** "Defined TXT keys: u=<username> p=<password>" read like credentials. */
    @Test
    void txtKeyNotes_areExplainedAsDnsSdKeys() {
        PortPage page = pages.page(22);
        assertThat(keys(page)).contains("history.noteTxtKeys").doesNotContain("history.note");
        assertThat(render(22)).contains("DNS-SD TXT record", "u=<username> p=<password>", "not credentials")
                .doesNotContain("The registry notes: “Defined TXT keys");
    }

    /** The macOS UDP command also listed sockets whose remote port was N (every DNS client on 53). */
    @Test
    void macOsUdpCommand_matchesTheLocalPortOnly() {
        assertThat(dev.portolan.core.CheckCommands.listeners(dev.portolan.core.CheckCommands.Os.MACOS,
                dev.portolan.core.Transport.UDP, 53)).isEqualTo("lsof -nP -iUDP:53 | awk 'NR==1 || $9 ~ /^[^-]*:53(->|$)/'");
    }

    /**
     * The same command run through lsof on real sockets (lsof's output has the same columns on
     * Linux and macOS): a socket bound to the port is listed, a client whose remote end is the
     * port is not. Skips where lsof is not installed.
     */
    @Test
    void macOsUdpCommand_onRealLsofOutput_keepsTheBoundSocketAndDropsTheClient() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/lsof")) || Files.isExecutable(Path.of("/usr/sbin/lsof")))
                .as("lsof is not installed; the command is checked only as text").isTrue();
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.connect(server.getLocalSocketAddress());
            String port = Integer.toString(server.getLocalPort());
            String clientPort = Integer.toString(client.getLocalPort());
            String all = run("lsof -nP -iUDP:" + port);
            assumeThat(all).as("lsof sees this process's sockets").contains(":" + clientPort + "->");
            String filtered = run(dev.portolan.core.CheckCommands.listeners(dev.portolan.core.CheckCommands.Os.MACOS,
                    dev.portolan.core.Transport.UDP, server.getLocalPort()));
            assertThat(filtered).startsWith("COMMAND").contains(":" + port + " ").doesNotContain(":" + clientPort + "->");
        }
    }

    private static String run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** WannaCry was listed on 139; it spread over SMB on 445. */
    @Test
    void wannaCry_isNotOnPort139() {
        assertThat(render(139)).doesNotContain("WannaCry");
        assertThat(render(445)).contains("WannaCry");
    }

    /** “Proxmox VE (sshd (cluster actions))”: a component's own parentheses nested in ours. */
    @Test
    void aComponentInParentheses_nestsItsOwnAsBrackets() {
        assertThat(render(22)).contains("Proxmox VE (sshd [cluster actions]) uses TCP port 22")
                .doesNotContain("))");
        assertThat(render(5000)).contains("(up to version Windows XP [before SP2])");
        for (int port : List.of(443, 3306, 5000, 8080, 9200)) {
            assertThat(render(port)).as("port %d", port).doesNotContain("))");
        }
    }
}
