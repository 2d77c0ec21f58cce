package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.Fixtures;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.KnowledgeFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The composer over the small test registry and the test knowledge: every rule, one port at a time. */
class PortPagesFixtureTest {
    static final Knowledge KNOWLEDGE = KnowledgeFixture.knowledge();
    static final PortPages PAGES = new PortPages(Registry.of(Fixtures.xml()), KNOWLEDGE);

    static List<String> keys(PortPage page) {
        List<String> keys = new ArrayList<>();
        keys.add(page.title().key());
        keys.add(page.subtitle().key());
        for (Section s : page.sections()) {
            for (Block b : s.blocks()) {
                if (b instanceof Block.Paragraph p) {
                    p.sentences().forEach(t -> keys.add(t.key()));
                } else if (b instanceof Block.Points p) {
                    p.items().forEach(t -> keys.add(t.key()));
                }
            }
        }
        page.faq().forEach(q -> keys.add(q.answer().key()));
        page.related().forEach(r -> keys.add(r.reason().key()));
        return keys;
    }

    /** The row of a system in the page's table of operating systems. */
    static Block.SystemRow system(PortPage page, String system) {
        return page.section(Section.Id.RANGE).orElseThrow().blocks().stream()
                .filter(Block.Systems.class::isInstance).map(Block.Systems.class::cast)
                .flatMap(t -> t.rows().stream()).filter(r -> r.system().equals(system)).findFirst().orElseThrow();
    }

    /** Whether a system's default ephemeral ranges hold the page's port, one answer per range. */
    static List<Object> inside(PortPage page, String system) {
        return system(page, system).ephemeral().stream().map(t -> t.args().get("inside")).toList();
    }

    static Text first(PortPage page, String key) {
        for (Section s : page.sections()) {
            for (Block b : s.blocks()) {
                List<Text> texts = b instanceof Block.Paragraph p ? p.sentences()
                        : b instanceof Block.Points p ? p.items() : List.of();
                for (Text t : texts) {
                    if (t.key().equals(key)) {
                        return t;
                    }
                }
            }
        }
        for (PortPage.Faq q : page.faq()) {
            if (q.answer().key().equals(key)) {
                return q.answer();
            }
        }
        throw new AssertionError("page " + page.port() + " has no " + key + "; it has " + keys(page));
    }

    @Test
    void evenUnassignedPortBelow256_isTheNcpOrphan() {
        PortPage page = PAGES.page(60);
        assertThat(page.subtitle().key()).isEqualTo("subtitle.ncpOrphan");
        assertThat(keys(page)).contains("history.event.rfc33", "history.event.rfc349", "history.ncpOrphan",
                "uses.none", "security.noneKnown", "security.browsersAllow", "why.unassigned");
        assertThat(page.title().args().get("what")).isEqualTo(Text.of("title.unassigned"));
    }

    @Test
    void oddAssignedPortBelow256_keepsItsNcpNumberAndIsNoOrphan() {
        PortPage page = PAGES.page(79);
        assertThat(page.subtitle().key()).isEqualTo("subtitle.assigned");
        assertThat(keys(page)).contains("history.ncpOdd").doesNotContain("history.ncpOrphan");
    }

    @Test
    void portsAbove255_tellNoNcpStory() {
        assertThat(keys(PAGES.page(550))).noneMatch(k -> k.startsWith("history.ncp") || k.equals("history.event.rfc349"));
    }

    @Test
    void dynamicPortInsideLinuxRange_saysSo() {
        PortPage page = PAGES.page(60327);
        assertThat(page.range()).isEqualTo("dynamic");
        assertThat(page.subtitle().key()).isEqualTo("subtitle.dynamicEphemeral");
        assertThat(inside(page, "Linux")).containsExactly("yes");
        assertThat(system(page, "Windows").ephemeral()).anySatisfy(t -> {
            assertThat(t.args()).containsEntry("since", "Vista").containsEntry("inside", "yes");
        });
        assertThat(keys(page)).contains("lead.dynamic", "range.neverAssigned", "check.connections", "why.dynamic",
                "faq.own.dynamic");
    }

    @Test
    void dynamicPortAboveLinuxRange_isOutsideIt() {
        PortPage page = PAGES.page(61000);
        assertThat(inside(page, "Linux")).containsExactly("no");
        assertThat(inside(page, "Windows")).contains("yes");
    }

    @Test
    void userPortInsideAnOldWindowsRange_warnsOfCollisions() {
        PortPage page = PAGES.page(4999);
        assertThat(page.subtitle().key()).isEqualTo("subtitle.unassignedEphemeral");
        assertThat(keys(page)).contains("why.ephemeralCollision", "faq.own.unassignedEphemeral");
    }

    @Test
    void assignedPort_listsTheRecordWithItsRfcLink() {
        PortPage page = PAGES.page(22);
        Block.Assignments table = (Block.Assignments) page.section(Section.Id.ASSIGNMENTS).orElseThrow().blocks().get(1);
        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.service()).isEqualTo("ssh");
            assertThat(r.transport()).isEqualTo("tcp");
        });
        assertThat(page.subtitle().args().get("services")).isEqualTo(List.of("ssh"));
        assertThat(keys(page)).contains("security.browsersRefuse", "faq.browser.refuse", "lead.browsersRefuse");
        assertThat(keys(page)).containsAnyOf("lead.exposeAssigned", "lead.attacked");
    }

    @Test
    void privilegeFacts_splitSystemsByTheBoundary() {
        PortPage low = PAGES.page(1023);
        assertThat(system(low, "Linux").listen().get(0).key()).isEqualTo("systems.listenPrivileged");
        assertThat(system(low, "Windows").listen().get(0).key()).isEqualTo("systems.listenYes");
        assertThat(first(low, "lead.privileged").args().get("restricted")).isEqualTo(List.of("Linux"));
        PortPage high = PAGES.page(1024);
        assertThat(system(high, "Linux").listen().get(0).key()).isEqualTo("systems.listenYes");
        assertThat(keys(high)).doesNotContain("lead.privileged");
    }

    @Test
    void unofficialUseAndMalware_areCited() {
        PortPage grafana = PAGES.page(3000);
        assertThat(grafana.subtitle().key()).isEqualTo("subtitle.unofficial");
        assertThat(first(grafana, "uses.item").cites()).containsExactly("grafana");
        PortPage slammer = PAGES.page(1434);
        assertThat(slammer.subtitle().key()).isEqualTo("subtitle.malware");
        assertThat(first(slammer, "security.malware").cites()).containsExactly("cert-ca-2003-04");
    }

    @Test
    void relatedPorts_comeFromKnowledgeAndFromTheSameServiceElsewhere() {
        assertThat(PAGES.page(443).related()).extracting(PortPage.Related::port).contains(80);
        // ntp is registered on 123 only in the fixture; postgresql on 5432 only: no same-service links.
        assertThat(PAGES.page(5432).related()).isEmpty();
    }

    @Test
    void footnotes_areNumberedInOrderOfFirstCitationAndCoverEveryCite() {
        PortPage page = PAGES.page(60);
        assertThat(page.footnotes()).extracting(PortPage.Footnote::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, page.footnotes().size()).boxed().toList());
        assertThat(page.footnotes().get(0).sources().get(0).id()).isEqualTo("iana-registry");
        assertThat(page.footnoteNumbers()).containsKeys("ss-man", "lsof-man", "ms-get-nettcpconnection",
                "ms-get-netudpendpoint", "rfc349", "fetch");
    }

    @Test
    void checkCommands_matchThePortExactly() {
        Block.Commands commands = (Block.Commands) PAGES.page(60).section(Section.Id.CHECK).orElseThrow().blocks().get(1);
        assertThat(commands.commands()).extracting(Block.Command::line).containsExactly(
                "ss -ltnp 'sport = :60'", "ss -lunp 'sport = :60'",
                "lsof -nP -iTCP:60 -sTCP:LISTEN", "lsof -nP -iUDP:60 | awk 'NR==1 || $9 ~ /^[^-]*:60(->|$)/'",
                "Get-NetTCPConnection -LocalPort 60 -State Listen", "Get-NetUDPEndpoint -LocalPort 60",
                "portolan check 60");
        assertThat(first(PAGES.page(60), "check.intro").args().get("longer")).isEqualTo(List.of("600", "6000"));
        assertThat(first(PAGES.page(60327), "check.intro").args().get("longer")).isEqualTo(List.of());
    }

    @Test
    void breadcrumbsAndNeighbours() {
        PortPage page = PAGES.page(0);
        assertThat(page.breadcrumbs()).extracting(PortPage.Crumb::path).containsExactly("/ports", "/ranges/system", "/ports/0");
        assertThat(page.previous()).isEmpty();
        assertThat(page.next()).hasValue(1);
        assertThat(PAGES.page(65535).next()).isEmpty();
        assertThat(page.subtitle().key()).isEqualTo("subtitle.zero");
    }

    @Test
    void portOutsideTheRange_isRefused() {
        assertThatThrownBy(() -> PAGES.page(65536)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port 65536 is outside 0-65535");
        assertThatThrownBy(() -> PAGES.page(-1)).hasMessage("port -1 is outside 0-65535");
    }
}
