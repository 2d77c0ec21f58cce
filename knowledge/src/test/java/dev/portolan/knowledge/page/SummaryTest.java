package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-line description of a port page (the meta description, the API's summary) says what the
 * title says, then the subtitle, without repeating a word of status or nesting parentheses.
 */
class SummaryTest {
    static PortPages pages;
    static Messages english;

    @BeforeAll
    static void load() {
        pages = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded());
        english = Messages.of(ULocale.ENGLISH);
    }

    static String summary(int port) {
        return english.format(pages.page(port).summary());
    }

    @Test
    void statusPorts_nameTheStatusOnce() {
        assertThat(summary(60)).startsWith("Port 60. Unassigned: the even-numbered orphan. What it is,");
        assertThat(summary(60327)).startsWith("Port 60327. Dynamic: ");
        for (int port : new int[] {60, 1023, 49151, 60327, 65535}) {
            String s = summary(port);
            assertThat(s).as("port %d", port).doesNotContainPattern("(Unassigned|Dynamic|Reserved)\\W+\\1");
        }
    }

    @Test
    void namedPorts_sayTheTitleThenTheSubtitle() {
        assertThat(summary(443)).startsWith("Port 443: https. Registered to https on TCP, UDP, and SCTP. ");
        assertThat(summary(3389)).startsWith("Port 3389: RDP (ms-wbt-server). Registered to ms-wbt-server")
                .doesNotContain("((");
        assertThat(summary(25565)).startsWith("Port 25565: Minecraft: Java Edition server. Unassigned, but used by");
    }
}
