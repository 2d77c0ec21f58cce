package dev.portolan.web;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.text.Messages;
import java.util.List;

/**
 * A port page as the site sends it, in one language, without a server: the HTML page and the API's
 * JSON. For benchmarks and tools; the site and the export render through the same templates.
 */
public final class PageRenderer {
    private final Edition edition;

    /**
     * @param baseUrl the site's public address, for canonical links ({@code https://ports.example})
     */
    public PageRenderer(dev.portolan.knowledge.PortSummaries summaries, ULocale language, String baseUrl) {
        this.edition = Edition.all(List.of(language), summaries, List.of(Messages.PAGES, WebServer.SITE_BUNDLE),
                new Assets(), () -> baseUrl).get(0);
    }

    /** The page's HTML, UTF-8. */
    public byte[] html(PortPage page) {
        return edition.html().port(page);
    }

    /** The page's HTML and JSON, as the static export makes them: sharing their sentences. */
    public List<byte[]> htmlAndJson(PortPage page) {
        return edition.portFiles(page);
    }

    /** The page as the API's JSON, without votes. */
    public byte[] json(PortPage page) {
        return edition.api().port(page, edition.frame().absolute("/ports/" + page.port()), null);
    }
}
