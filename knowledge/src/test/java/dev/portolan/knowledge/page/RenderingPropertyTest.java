package dev.portolan.knowledge.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any port, with the embedded baseline or the full registry, composes a page whose every sentence
 * renders: no raw key, no unfilled argument, every footnote marker points to a listed source.
 */
class RenderingPropertyTest {
    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");
    private static final PortPages BASELINE = new PortPages(Registry.of(Baseline.load()), Knowledge.embedded());
    private final PlainTextPage text = new PlainTextPage(Messages.of(ULocale.ENGLISH), 100_000);

    @Property(tries = 200)
    void baselinePagesRender(@ForAll("ports") int port) {
        check(text, BASELINE.page(port));
    }

    static void check(PlainTextPage text, PortPage page) {
        String rendered = text.render(page);
        assertThat(rendered).doesNotContain("{").doesNotContain("}").doesNotContain("null");
        assertThat(page.sections()).extracting(Section::id).contains(Section.Id.LEAD, Section.Id.RANGE,
                Section.Id.HISTORY, Section.Id.USES, Section.Id.SECURITY, Section.Id.CHECK);
        // Port 0 cannot be bound, so no page explains why binding it fails.
        if (page.port() != 0) {
            assertThat(page.sections()).extracting(Section::id).contains(Section.Id.WHY);
        } else {
            assertThat(page.sections()).extracting(Section::id).doesNotContain(Section.Id.WHY);
        }
        assertThat(page.faq()).hasSizeBetween(4, 6);
        int sources = page.footnotes().size();
        // markers are looked for in the body: the list of sources that ends the page starts with
        // its first footnote, and a source's title may hold a bracketed number of its own ("default
        // tcp_listeners [1883]")
        int footnotes = rendered.indexOf("\n[1] ");
        Matcher m = MARKER.matcher(footnotes < 0 ? rendered : rendered.substring(0, footnotes));
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isBetween(1, sources);
        }
        assertThat(rendered).contains("portolan check " + page.port());
    }

    @Provide
    Arbitrary<Integer> ports() {
        return portsToTry();
    }

    static Arbitrary<Integer> portsToTry() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 65_535),
                Arbitraries.of(0, 1, 60, 443, 445, 1023, 1024, 1883, 8080, 9990, 25_565, 49_151, 49_152, 60_327, 65_535));
    }
}
