package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.Block;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.knowledge.page.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextPageTest {
    private static final PortPages PAGES = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded());

    private static String render(String language, int width, PortPage page) {
        return new PlainTextPage(Messages.of(Languages.find(language).orElseThrow()), width).render(page);
    }

    /** Page 22 with only a registry section holding these records. */
    private static PortPage withRecords(List<Block.AssignmentRow> rows) {
        PortPage p = PAGES.page(22);
        return new PortPage(p.port(), p.range(), p.title(), p.subtitle(), p.summary(), p.breadcrumbs(),
                List.of(new Section(Section.Id.ASSIGNMENTS, List.of(new Block.Assignments(rows)))), List.of(),
                List.of(), p.previous(), p.next(), p.footnotes(), p.data(), p.known());
    }

    private static final List<Block.AssignmentRow> RECORDS = List.of(
            new Block.AssignmentRow("ssh", "tcp, udp", "22", "assigned", "The Secure Shell (SSH) Protocol",
                    List.of("Tatu Ylonen", "IESG"), List.of(), null, null,
                    List.of(new Block.Link("RFC 4251", "https://www.rfc-editor.org/rfc/rfc4251"),
                            new Block.Link("a note", "")),
                    List.of(), List.of()),
            new Block.AssignmentRow("", "sctp", "22", "reserved", "", List.of(), List.of(), null, null, List.of(),
                    List.of(), List.of()));

    @Test
    void columnsCountWideCharactersTwiceAndMarksNotAtAll() {
        assertThat(PlainTextPage.columns("port 22")).isEqualTo(7);
        assertThat(PlainTextPage.columns("ポート 22")).isEqualTo(9);
        assertThat(PlainTextPage.columns("端口：")).isEqualTo(6);
        // Devanagari: the nasal sign is a non-spacing mark, the vowel signs take a column.
        assertThat(PlainTextPage.columns("हिंदी")).isEqualTo(4);
        // Persian: the zero-width non-joiner takes none.
        assertThat(PlainTextPage.columns("می\u200cکند")).isEqualTo(5);
    }

    @Test
    void headingsAreUnderlinedAcrossTheColumnsTheyTake() {
        assertThat(render("ja", 100, PAGES.page(443))).startsWith("ポート 443：https\n=================\n");
        assertThat(render("en", 100, PAGES.page(443))).startsWith("Port 443: https\n===============\n");
    }

    @Test
    void japaneseProseWrapsWithinTheWidthInColumns() {
        List<String> lines = render("ja", 40, PAGES.page(443)).lines().toList();
        // Prose: not a heading (headings are never wrapped) or its underline, a command or a link.
        List<String> prose = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean heading = i + 1 < lines.size() && lines.get(i + 1).matches("[-=]+");
            if (!heading && !l.matches("[-=]+") && !l.startsWith("    ") && !l.contains("://")) {
                prose.add(l);
            }
        }
        assertThat(prose).hasSizeGreaterThan(50)
                .allSatisfy(l -> assertThat(PlainTextPage.columns(l)).as(l).isLessThanOrEqualTo(40));
        // Two columns a character: a line of 40 columns holds about 20 of them, not 40.
        assertThat(prose).anySatisfy(l -> assertThat(PlainTextPage.columns(l)).isBetween(35, 40));
    }

    @Test
    void aRecordShowsOneFieldALine_joinedByTheLanguagesColonAndListPattern() {
        assertThat(render("en", 100, withRecords(RECORDS))).contains("""
                - ssh (tcp, udp): The Secure Shell (SSH) Protocol
                  Assignee: Tatu Ylonen and IESG
                  References: RFC 4251 <https://www.rfc-editor.org/rfc/rfc4251> and a note
                - reserved (sctp)
                """);
        assertThat(render("fr", 100, withRecords(RECORDS))).contains("""
                - ssh (tcp, udp)\u00a0: The Secure Shell (SSH) Protocol
                  Titulaire\u00a0: Tatu Ylonen et IESG
                """);
        assertThat(render("ja", 100, withRecords(RECORDS))).contains("""
                - ssh (tcp, udp)：The Secure Shell (SSH) Protocol
                  割り当て先：Tatu Ylonen、IESG
                """);
    }

    @Test
    void aRecordInARightToLeftLanguage_keepsItsValuesWhole() {
        assertThat(render("ar", 100, withRecords(RECORDS))).contains("""
                - \u2066ssh (tcp, udp)\u2069: \u2066The Secure Shell (SSH) Protocol\u2069
                """).contains("""
                - محجوز (\u2066sctp\u2069)
                """);
    }

    @Test
    void platformsBeforeTheirCommandsEndWithTheLanguagesColon() {
        assertThat(render("en", 100, PAGES.page(22))).containsPattern("\nLinux\\[\\d+]:\n    ss -ltnp 'sport = :22'\n")
                .contains("\nPortolan:\n    portolan check 22\n");
        assertThat(render("fr", 100, PAGES.page(22))).contains("\nPortolan\u00a0:\n    portolan check 22\n");
        assertThat(render("zh", 100, PAGES.page(22))).contains("\nPortolan：\n    portolan check 22\n");
    }

    @Test
    void rightToLeftPages_isolateLatinRunsOnEveryLineTheyReach_andCommandsStayAsTyped() {
        for (String lang : List.of("ar", "fa", "ps")) {
            PortPage page = PAGES.page(60);
            String text = render(lang, 60, page);
            assertThat(text).as(lang).contains("\u2066CAP_NET_BIND_SERVICE\u2069", "\u20660–1023\u2069");
            for (String line : text.lines().toList()) {
                // every line opens and closes its own isolates: a terminal lays out lines one by one
                int depth = 0;
                for (char c : line.toCharArray()) {
                    depth += c == '\u2066' ? 1 : c == '\u2069' ? -1 : 0;
                    assertThat(depth).as(lang + ": " + line).isBetween(0, 1);
                }
                assertThat(depth).as(lang + ": " + line).isZero();
            }
            List<String> commands = page.sections().stream().flatMap(s -> s.blocks().stream())
                    .filter(b -> b instanceof Block.Commands).flatMap(b -> ((Block.Commands) b).commands().stream())
                    .map(Block.Command::line).toList();
            assertThat(commands).isNotEmpty();
            for (String command : commands) {
                assertThat(text).as(lang).contains("\n    " + command + "\n");
                assertThat(command).doesNotContain("\u2066", "\u2067", "\u2068", "\u2069");
            }
        }
    }

    @Test
    void aWidthBelowTwentyIsRefused() {
        assertThatThrownBy(() -> new PlainTextPage(Messages.of(ULocale.ENGLISH), 19))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("width must be at least 20 columns, not 19");
    }
}
