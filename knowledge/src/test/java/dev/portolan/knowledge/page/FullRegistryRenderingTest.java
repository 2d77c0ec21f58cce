package dev.portolan.knowledge.page;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** {@link RenderingPropertyTest} over the full IANA registry; skipped, saying so, without the data. */
@AddLifecycleHook(SharedRegistryData.Required.class)
class FullRegistryRenderingTest {
    private static volatile PortPages full;
    private final PlainTextPage text = new PlainTextPage(Messages.of(ULocale.ENGLISH), 100_000);

    @Property(tries = 200)
    void fullRegistryPagesRender(@ForAll("ports") int port) {
        PortPages pages = full;
        if (pages == null) {
            pages = new PortPages(Registry.of(SharedRegistryData.xml()), Knowledge.embedded());
            full = pages;
        }
        RenderingPropertyTest.check(text, pages.page(port));
    }

    @Provide
    Arbitrary<Integer> ports() {
        return RenderingPropertyTest.portsToTry();
    }
}
