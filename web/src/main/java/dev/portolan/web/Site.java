package dev.portolan.web;

import dev.portolan.core.Assignment;
import dev.portolan.core.Registry;
import dev.portolan.core.StoreException;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.search.PortSearch;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.store.FeedbackCounts;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's request handlers and what they share: the editions (one a language), the page
 * cache, a request's edition, a service's records, a port's reactions, and error pages. The
 * handlers are grouped by job: {@link PageRoutes}, {@link ApiRoutes}, {@link FeedbackRoutes},
 * {@link ExplainRoutes}, {@link ChangeRoutes} and {@link MachineFiles}. One instance serves all requests, from
 * many threads.
 */
final class Site {
    private static final Logger LOG = LoggerFactory.getLogger(Site.class);

    private final Registry registry;
    private final FeedbackLog feedbackLog;
    private final List<Edition> editions;
    private final Map<String, Edition> byCode;
    private final Set<String> languages;
    private final PageCache cache;
    private final PageRoutes pages;
    private final ApiRoutes api;
    private final FeedbackRoutes feedback;
    private final ExplainRoutes explain;
    private final MachineFiles files;
    private final ChangeRoutes changes;

    /**
     * The site in every language of {@link Languages}.
     *
     * @param baseNames the bundles of sentences, read in every language (pages, then the frame)
     */
    Site(WebSettings settings, PortSummaries summaries, PageSource pages, ChangeLog history, FeedbackLog feedback,
            List<String> baseNames, Supplier<String> publicUrl, Lasting lasting) {
        this.registry = summaries.registry();
        this.feedbackLog = feedback;
        Assets assets = new Assets();
        this.editions = Edition.all(Languages.all(), summaries, baseNames, assets, publicUrl);
        Map<String, Edition> codes = new LinkedHashMap<>();
        for (Edition e : editions) {
            codes.put(e.code(), e);
        }
        this.byCode = Map.copyOf(codes);
        this.cache = lasting.cache();
        this.languages = new TreeSet<>(codes.keySet());
        PortSearch search = PortSearch.of(summaries);
        this.pages = new PageRoutes(this, pages, search);
        this.api = new ApiRoutes(this, pages, search);
        OriginCheck origin = new OriginCheck(settings, publicUrl);
        this.feedback = new FeedbackRoutes(this, settings, feedback, origin, lasting.votes(), lasting.metrics());
        this.explain = new ExplainRoutes(this, origin, lasting.pastes());
        this.changes = new ChangeRoutes(this, history);
        this.files = new MachineFiles(this, registry, assets, publicUrl);
    }

    /**
     * What outlives a change of the registry data, which builds a new site: the page cache (it is
     * cleared), the gate of votes with its memory, the budgets of pastes, and the metrics.
     */
    record Lasting(PageCache cache, VoteGate votes, TokenBuckets pastes, Metrics metrics) {}

    /** The registry data the site answers from. */
    Registry registry() {
        return registry;
    }

    /** The HTML pages. */
    PageRoutes pages() {
        return pages;
    }

    /** The JSON API's answers. */
    ApiRoutes api() {
        return api;
    }

    /** Readers' reactions, from the API and the form. */
    FeedbackRoutes feedback() {
        return feedback;
    }

    /** The explain page, which reads pasted output of ss, netstat, lsof or PowerShell. */
    ExplainRoutes explain() {
        return explain;
    }

    /** The pages of the registry's releases and their feed. */
    ChangeRoutes changes() {
        return changes;
    }

    /** Sitemaps, robots.txt, the health answer and assets. */
    MachineFiles files() {
        return files;
    }

    PageCache cache() {
        return cache;
    }

    /** The site in every language, English first. */
    List<Edition> editions() {
        return editions;
    }

    /** The edition of a language code ({@code es}), or null if the site has none. */
    @Nullable Edition edition(String code) {
        return byCode.get(code);
    }

    /** The codes of the site's languages, sorted. */
    Set<String> languages() {
        return languages;
    }

    /** The edition of a request: from the path's language prefix, else from {@code ?lang=}, else English. */
    Edition editionOf(Context ctx) {
        String path = ctx.path();
        int slash = path.indexOf('/', 1);
        Edition e = byCode.get(slash < 0 ? path.substring(1) : path.substring(1, slash));
        if (e != null) {
            return e;
        }
        String lang = ctx.queryParam("lang");
        if (lang != null) {
            e = byCode.get(lang);
        }
        return e == null ? editions.get(0) : e;
    }

    /** The edition a browser's {@code Accept-Language} prefers, English when none or English wins. */
    Edition preferred(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
            return editions.get(0);
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException ex) {
            return editions.get(0);
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) {
                continue;
            }
            String range = r.getRange();
            String code = range.equals("*") ? "" : range.split("-", 2)[0];
            Edition e = byCode.get(code);
            if (e != null) {
                return e;
            }
        }
        return editions.get(0);
    }

    /** The records of a service, or a 404 naming it. */
    List<Assignment> serviceRecords(String name) {
        Optional<List<Assignment>> records = name.length() > 64 ? Optional.empty() : registry.service(name);
        if (records.isEmpty()) {
            throw new HttpError(404, HttpError.text("error.notFoundService", "value", name));
        }
        return records.get();
    }

    /** The reactions to a port, or a 503 if the feedback store cannot be read. */
    FeedbackCounts counts(int port) {
        try {
            return feedbackLog.counts(port);
        } catch (StoreException e) {
            LOG.warn("cannot read reactions to port {}: {}", port, e.getMessage());
            throw new HttpError(503, HttpError.text("error.store"));
        }
    }

    // ---------------------------------------------------------------- errors

    /**
     * Sends an error in the request's language (its path prefix, or {@code ?lang=} of the API): as
     * the API's JSON under {@code /api/}, else as an HTML page.
     */
    void error(Context ctx, int status, Text message) {
        ctx.status(status);
        try {
            boolean json = isApi(ctx.path());
            Edition e = editionOf(ctx);
            String text = e.frame().messages().format(message);
            byte[] body = json ? JsonApi.error(status, text) : e.html().error(status, text);
            Responses.send(ctx, Rendered.of(body, json ? JsonApi.CONTENT_TYPE : HtmlPages.contentType(),
                    CachePolicy.NO_STORE));
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot send an error page", e);
        }
    }

    /** The frame's words for an HTTP status ({@code web.error.404}), or those of 500 for a status it lacks. */
    Text statusText(int status) {
        String key = "error." + status;
        return editions.get(0).frame().has(key) ? HttpError.text(key) : HttpError.text("error.500");
    }

    /** Whether a path is the API's: {@code /api/...} or {@code /es/api/...}. */
    static boolean isApi(String path) {
        if (path.startsWith("/api/")) {
            return true;
        }
        int slash = path.indexOf('/', 1);
        return slash > 0 && path.startsWith("/api/", slash);
    }
}
