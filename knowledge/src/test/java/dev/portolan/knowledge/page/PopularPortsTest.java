package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ports people look up open with the answer: the name people use, what the protocol is, the
 * programs known there; titles say the name people use. Over the full registry.
 */
class PopularPortsTest {
    static PortPages pages;
    static Messages en;

    @BeforeAll
    static void load() {
        pages = new PortPages(Registry.of(SharedRegistryData.xml()), Knowledge.embedded());
        en = Messages.of(ULocale.ENGLISH);
    }

    /** The port, and what its title must say. */
    private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(22, "Port 22: ssh"),
            Map.entry(53, "Port 53: DNS (domain)"), Map.entry(67, "Port 67: DHCP (bootps)"),
            Map.entry(68, "Port 68: DHCP (bootpc)"), Map.entry(102, "Port 102: S7comm (iso-tsap)"),
            Map.entry(445, "Port 445: SMB (microsoft-ds)"), Map.entry(3389, "Port 3389: RDP (ms-wbt-server)"),
            Map.entry(5900, "Port 5900: VNC (rfb)"), Map.entry(5985, "Port 5985: WinRM (wsman)"),
            Map.entry(1935, "Port 1935: RTMP (macromedia-fcs)"),
            Map.entry(3283, "Port 3283: Apple Remote Desktop (net-assistant)"),
            Map.entry(9200, "Port 9200: Elasticsearch and OpenSearch (registered: wap-wsp)"),
            Map.entry(25565, "Port 25565: Minecraft: Java Edition server"),
            // Registered to services nobody runs there, known for one program.
            Map.entry(1666, "Port 1666: Perforce Helix Core (registered: netview-aix-6)"),
            Map.entry(2181, "Port 2181: Apache ZooKeeper (registered: eforward)"),
            Map.entry(8989, "Port 8989: Sonarr (registered: sunwebadmins)"),
            Map.entry(32400, "Port 32400: Plex Media Server (plex)"),
            // A registered service known by another name, and a program beside it.
            Map.entry(9100, "Port 9100: AppSocket/JetDirect and Prometheus Node Exporter (registered: hp-pdl-datastr and pdl-datastream)"));

    @Test
    void titlesSayTheNamePeopleUse() {
        TITLES.forEach((port, title) -> assertThat(en.format(pages.page(port).title())).as("port %d", port)
                .isEqualTo(title));
    }

    @Test
    void popularPorts_openWithWhatRunsThere() {
        for (int port : List.of(21, 22, 23, 25, 53, 80, 110, 143, 443, 445, 993, 1433, 1883, 3000, 3306, 3389, 5000,
                5432, 5900, 6379, 8080, 8443, 9092, 9200, 11211, 25565, 27015, 27017, 32400, 51820)) {
            PortPage page = pages.page(port);
            // The lead says what runs here: the name people use, the service, or its programs.
            Block lead = page.sections().get(0).blocks().get(0);
            assertThat(page.sections().get(0).id()).isEqualTo(Section.Id.LEAD);
            Text first = ((Block.Paragraph) lead).sentences().get(0);
            assertThat(first.key()).as("port %d", port).matches("lead\\.named|lead\\.services|lead\\.programs");
            // The overview then explains the name or the protocol before the registry's records.
            page.section(Section.Id.OVERVIEW).ifPresent(o -> {
                if (o.blocks().get(0) instanceof Block.Paragraph p && !p.sentences().get(0).key().startsWith("overview.")) {
                    assertThat(p.sentences().get(0).key()).as("port %d", port).matches("protocol\\..*");
                }
            });
        }
    }

    private static String keysAndText(int port) {
        StringBuilder s = new StringBuilder();
        Block first = pages.page(port).section(Section.Id.LEAD).orElseThrow().blocks().get(0);
        ((Block.Paragraph) first).sentences().forEach(t -> s.append(en.format(t)).append(' '));
        return s.toString();
    }

    @Test
    void theIssuesPorts_nameTheirPrograms() {
        assertThat(keysAndText(3000)).contains("Grafana");
        assertThat(new dev.portolan.knowledge.text.PlainTextPage(en, 100_000).render(pages.page(3000))).contains("Grafana", "Ruby on Rails", "Next.js");
        assertThat(en.format(pages.page(5000).title())).contains("Flask", "Synology DiskStation Manager");
        assertThat(en.format(pages.page(27015).title())).contains("Source Dedicated Server");
        assertThat(keysAndText(32400)).contains("Plex Media Server");
        assertThat(en.format(pages.page(51820).subtitle())).contains("WireGuard");
    }
}
