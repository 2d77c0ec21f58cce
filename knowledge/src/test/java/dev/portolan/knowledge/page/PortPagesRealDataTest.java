package dev.portolan.knowledge.page;

import static dev.portolan.knowledge.page.PortPagesFixtureTest.first;
import static dev.portolan.knowledge.page.PortPagesFixtureTest.keys;
import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pages that started the project, over the full IANA registry and the knowledge that ships. */
class PortPagesRealDataTest {
    static PortPages pages;
    static PlainTextPage text;

    @BeforeAll
    static void load() {
        pages = new PortPages(Registry.of(SharedRegistryData.xml()), Knowledge.embedded());
        text = new PlainTextPage(Messages.of(ULocale.ENGLISH), 100_000);
    }

    @Test
    void port60_tellsTheNcpStoryAndKnowsNoUnofficialUse() {
        PortPage page = pages.page(60);
        assertThat(page.subtitle().key()).isEqualTo("subtitle.ncpOrphan");
        assertThat(keys(page)).contains("history.event.rfc33", "history.event.rfc147", "history.event.rfc349",
                "history.event.ncp-tcp-switch", "history.ncpOrphan", "uses.none");
        Text orphan = first(page, "history.ncpOrphan");
        assertThat((Integer) orphan.args().get("evenFree")).isGreaterThan((Integer) orphan.args().get("oddFree"));
        String rendered = text.render(page);
        assertThat(rendered).contains("Port 60: Unassigned", "RFC 349", "January 1983",
                "Portolan’s sources name no program that uses port 60", "ss -ltnp 'sport = :60'", "portolan check 60",
                "would also match ports such as 600 and 6000");
    }

    @Test
    void port60327_isDynamicAndInsideLinuxDefaultEphemeralRange() {
        PortPage page = pages.page(60327);
        assertThat(page.range()).isEqualTo("dynamic");
        assertThat(PortPagesFixtureTest.inside(page, "Linux")).containsExactly("yes");
        String rendered = text.render(page);
        assertThat(rendered).contains("Port 60327: Dynamic", "dynamic port", "32768–60999 (4.2 and later), port 60327 included",
                "ss -tanp '( sport = :60327 or dport = :60327 )'", "sysctl -w net.ipv4.ip_local_reserved_ports=60327",
                "TIME_WAIT for 60 seconds on Linux and FreeBSD and 30 seconds on macOS",
                "netsh int ipv4 add excludedportrange protocol=tcp startport=60327 numberofports=1",
                "macOS has no setting that reserves a single port");
    }

    @Test
    void port443_listsHttpsWithItsRfcAndRelatesTo80() {
        PortPage page = pages.page(443);
        Block.Assignments table = (Block.Assignments) page.section(Section.Id.ASSIGNMENTS).orElseThrow().blocks().get(1);
        assertThat(table.rows()).anySatisfy(r -> {
            assertThat(r.service()).isEqualTo("https");
            assertThat(r.references()).contains(new Block.Link("RFC 9110", "https://www.rfc-editor.org/rfc/rfc9110"));
        });
        assertThat(page.related()).extracting(PortPage.Related::port).contains(80);
        assertThat(text.render(page)).contains("Port 443: https");
    }

    @Test
    void deassignedPort2_saysWhatItCarried() {
        PortPage page = pages.page(2);
        assertThat(keys(page)).contains("range.deassigned");
        assertThat(text.render(page)).contains("compressnet");
    }

    @Test
    void everyPageCitesOnlyDefinedSources_andNumbersThemAll() {
        for (int port : List.of(0, 1, 7, 22, 25, 53, 80, 443, 1023, 1024, 3000, 8080, 49151, 49152, 60327, 65535)) {
            PortPage page = pages.page(port);
            assertThat(page.footnotes()).isNotEmpty();
            // sentences only: a source's title may quote a configuration line with braces
            String sentences = text.render(page).split("\nSources\n")[0];
            assertThat(sentences).doesNotContain("{").doesNotContain("}");
        }
    }
}
