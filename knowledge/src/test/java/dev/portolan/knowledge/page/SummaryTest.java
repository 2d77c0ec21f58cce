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
 * The one-line description of a port page (the meta description, the API's summary) is the lead's
 * answer: what runs on the port, and the fact most worth knowing about it when that fact is the
 * port's own.
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
    void theDescriptionIsTheLeadsAnswer() {
        assertThat(summary(60)).isEqualTo("Port 60 is unassigned: IANA has registered no service on it. It is even:"
                + " ARPANET services took odd socket numbers, and many even numbers below 256, port 60 among them, are"
                + " still unassigned.");
        assertThat(summary(60327)).startsWith("Port 60327 lies in the dynamic range, 49152–65535, which IANA never assigns");
        assertThat(summary(443)).isEqualTo("Port 443 is registered with IANA to the service https.");
        assertThat(summary(3389)).isEqualTo("Port 3389 is RDP (Remote Desktop Protocol), which the IANA registry lists"
                + " as ms-wbt-server.");
        assertThat(summary(25565)).startsWith("Minecraft: Java Edition server, Paper, and one more use port 25565");
    }

    @Test
    void everyDescription_isOneOrTwoSentencesWithoutMarkers() {
        for (int port : new int[] {0, 1, 22, 60, 80, 443, 1023, 1024, 3000, 3389, 8080, 25565, 49151, 60327, 65535}) {
            String s = summary(port);
            assertThat(s).as("port %d", port).doesNotContain("[", "{", "}").endsWith(".");
            assertThat(s.split("\\. ", -1).length).as("port %d: %s", port, s).isLessThanOrEqualTo(4);
        }
    }
}
