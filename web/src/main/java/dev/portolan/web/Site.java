package dev.portolan.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.Assignment;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortEntry;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Registry;
import dev.portolan.core.StoreException;
import com.ibm.icu.util.ULocale;
import dev.portolan.knowledge.page.Text;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.store.FeedbackCounts;
import dev.portolan.store.Reaction;
import dev.portolan.store.Vote;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The site's request handlers. One instance serves all requests, from many threads. */
final class Site {
    private static final Logger LOG = LoggerFactory.getLogger(Site.class);

    /** Pages: fresh for five minutes, then revalidated by entity tag. */
    static final String PAGE_CACHE = "public, max-age=300";
    /** Answers that change with every reaction: always revalidate. */
    static final String REVALIDATE = "no-cache";
    static final String NO_STORE = "no-store";
    static final int SEARCH_LIMIT = 50;
    static final int API_SEARCH_MAX = 200;

    private static final ObjectMapper MAPPER = new ObjectMapper(Json.factory());
    private static final String TEXT = "text/plain;charset=utf-8";

    private final WebSettings settings;
    private final Registry registry;
    private final PageSource pages;
    private final FeedbackLog feedback;
    private final List<Edition> editions;
    private final Map<String, Edition> byCode;
    private final Assets assets;
    private final PageCache cache;
    private final VoteGate votes;
    private final Supplier<String> publicUrl;
    private final Set<String> languages;
    private final Rendered openApi;
    private final dev.portolan.knowledge.search.PortSearch search;
    private volatile @Nullable Sitemaps sitemaps;

    /**
     * The site in every language of {@link Languages}.
     *
     * @param baseNames the bundles of sentences, read in every language (pages, then the frame)
     */
    Site(WebSettings settings, dev.portolan.knowledge.PortSummaries summaries, PageSource pages, FeedbackLog feedback, List<String> baseNames,
            Supplier<String> publicUrl) {
        this.settings = settings;
        this.registry = summaries.registry();
        this.pages = pages;
        this.feedback = feedback;
        this.publicUrl = publicUrl;
        this.assets = new Assets();
        this.editions = Edition.all(Languages.all(), summaries, baseNames, assets, publicUrl);
        Map<String, Edition> codes = new LinkedHashMap<>();
        for (Edition e : editions) {
            codes.put(e.code(), e);
        }
        this.byCode = Map.copyOf(codes);
        this.cache = new PageCache(settings.cacheBytes(), editions.size());
        this.votes = new VoteGate(settings.votesPerMinute(), settings.voteBurst());
        this.languages = new java.util.TreeSet<>(codes.keySet());
        this.openApi = Rendered.of(OpenApi.document(), JsonApi.CONTENT_TYPE, PAGE_CACHE);
        this.search = dev.portolan.knowledge.search.PortSearch.of(summaries);
    }

    PageCache cache() {
        return cache;
    }

    /** The site in every language, English first. */
    List<Edition> editions() {
        return editions;
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

    // ---------------------------------------------------------------- HTML pages

    /**
     * The home page. In English, at {@code /}, a visitor whose browser prefers another language
     * the site is written in is offered a link to it (the page is not redirected: the address
     * {@code /} always means English, so the switcher's link to English works).
     */
    void home(Context ctx, Edition e) throws IOException {
        ctx.header("Vary", "Accept-Encoding, Accept-Language");
        Edition suggested = e.index() == 0 ? preferred(ctx.req().getHeader("Accept-Language")) : e;
        if (suggested == e) {
            Responses.send(ctx, cache.get(e.href("/"), () -> page(e.html().home(Views.Suggestion.NONE))));
            return;
        }
        Frame other = suggested.frame();
        Views.Suggestion suggestion = new Views.Suggestion(other.lang(), other.dir(), other.t("lang.suggest"),
                other.href("/"));
        Responses.send(ctx, cache.get("/?suggest=" + suggested.code(), () -> page(e.html().home(suggestion))));
    }

    /** The edition a browser's {@code Accept-Language} prefers, English when none or English wins. */
    Edition preferred(@Nullable String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 512) {
            return editions.get(0);
        }
        List<java.util.Locale.LanguageRange> ranges;
        try {
            ranges = java.util.Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException ex) {
            return editions.get(0);
        }
        for (java.util.Locale.LanguageRange r : ranges) {
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

    /**
     * The port index: page 1 at {@code /ports}, page n at {@code /ports/page/n} (addresses a static
     * host can serve too); the older {@code /ports?page=n} redirects there.
     */
    void portIndex(Context ctx, Edition e) throws IOException {
        int pages = HtmlPages.pages(PortRange.MAX_PORT + 1);
        int page = pathPage(ctx, e, "/ports", pages);
        if (page > 0) {
            Responses.send(ctx, cache.get(e.href(HtmlPages.pagePath("/ports", page)),
                    () -> page(e.html().portIndex(page))));
        }
    }

    void port(Context ctx, Edition e) throws IOException {
        int port = portNumber(ctx, e.href("/ports/"));
        if (port < 0) {
            return;
        }
        Responses.send(ctx, cache.port(e.index(), port, p -> page(e.html().port(pages.page(p))).compact()));
    }

    /** {@code /es} without the slash: the home page is {@code /es/}. */
    void languageRoot(Context ctx, Edition e) {
        ctx.header("Cache-Control", PAGE_CACHE);
        ctx.redirect(e.href("/"), HttpStatus.MOVED_PERMANENTLY);
    }

    void range(Context ctx, Edition e) throws IOException {
        String id = ctx.pathParam("range");
        RangeClass range = null;
        for (RangeClass r : RangeClass.values()) {
            if (r.id().equals(id)) {
                range = r;
            }
        }
        if (range == null) {
            throw new HttpError(404, HttpError.text("error.notFoundRange", "value", id));
        }
        RangeClass r = range;
        int page = pathPage(ctx, e, "/ranges/" + id, HtmlPages.pages(r.ports().size()));
        if (page > 0) {
            Responses.send(ctx, cache.get(e.href(HtmlPages.pagePath("/ranges/" + id, page)),
                    () -> page(e.html().range(r, page))));
        }
    }

    void service(Context ctx, Edition e) throws IOException {
        String name = ctx.pathParam("name");
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name)) {
            ctx.redirect(e.href("/services/" + Urls.segment(lower)), HttpStatus.MOVED_PERMANENTLY);
            ctx.header("Cache-Control", PAGE_CACHE);
            return;
        }
        List<Assignment> records = serviceRecords(name);
        Responses.send(ctx, cache.get(e.href("/services/" + name), () -> page(e.html().service(name, records))));
    }

    /**
     * The search page. A query for one port goes straight to that port's page; any other query
     * lists what it found; a query that cannot be read is refused with a 400 and says why.
     */
    void search(Context ctx, Edition e) throws IOException {
        Map<String, String> query = query(ctx);
        String q = query.getOrDefault("q", "").strip();
        if (q.isEmpty()) {
            Responses.send(ctx, cache.get(e.href("/search"), () -> page(e.html().search("", null, ""))));
            return;
        }
        dev.portolan.knowledge.search.SearchQuery parsed;
        try {
            parsed = parse(q);
        } catch (HttpError refused) {
            ctx.status(refused.status());
            Responses.send(ctx, Rendered.of(e.html().search(q, null, e.frame().messages().format(refused.text())),
                    HtmlPages.contentType(), NO_STORE));
            return;
        }
        if (parsed.isPorts() && parsed.ports().size() == 1 && parsed.ports().get(0).range().isSingle()) {
            ctx.redirect(e.href("/ports/" + parsed.ports().get(0).range().first()), HttpStatus.SEE_OTHER);
            ctx.header("Cache-Control", PAGE_CACHE);
            return;
        }
        Responses.send(ctx, page(e.html().search(q, search.search(parsed, e.code(), SEARCH_LIMIT), "")));
    }

    /** A query as the search reads it, or a 400 saying in the reader's language what is wrong. */
    private static dev.portolan.knowledge.search.SearchQuery parse(String q) {
        try {
            return dev.portolan.knowledge.search.SearchQuery.parse(q);
        } catch (dev.portolan.knowledge.search.SearchQueryException ex) {
            throw new HttpError(400, switch (ex.problem()) {
                case EMPTY -> HttpError.text("search.empty");
                case TOO_LONG -> HttpError.text("error.queryTooLong", "length", q.length(), "max",
                        dev.portolan.knowledge.search.SearchQuery.MAX_LENGTH);
                case CONTROL -> HttpError.text("error.queryControl", "value", ex.value());
                case NO_WORDS -> HttpError.text("error.queryNoWords");
                case PORT_RANGE -> HttpError.text("error.queryPortRange", "value", ex.value());
                case RANGE_ORDER -> HttpError.text("error.queryRangeOrder", "value", ex.value());
            });
        }
    }

    private Rendered page(byte[] body) {
        return Rendered.of(body, HtmlPages.contentType(), PAGE_CACHE);
    }

    // ---------------------------------------------------------------- JSON API

    /**
     * The API's language: {@code ?lang=} if given (400 if the site has no such language), else
     * English.
     */
    private Edition apiEdition(Context ctx) {
        String lang = query(ctx).get("lang");
        if (lang == null) {
            return editions.get(0);
        }
        Edition e = byCode.get(lang);
        if (e == null) {
            throw new HttpError(400, HttpError.text("error.badField", "field", "lang", "problem",
                    HttpError.text("error.badLang", "langs", String.join(", ", languages), "value", clip(lang))));
        }
        return e;
    }

    void apiPort(Context ctx) throws IOException {
        apiPort(ctx, apiEdition(ctx));
    }

    /** The port page as JSON in the language of the path ({@code /es/api/v1/ports/60}). */
    void apiPort(Context ctx, Edition e) throws IOException {
        int port = portNumber(ctx, ctx.path().startsWith("/api/") ? "/api/v1/ports/" : e.href("/api/v1/ports/"));
        if (port < 0) {
            return;
        }
        byte[] body = e.api().port(pages.page(port), e.frame().absolute("/ports/" + port), counts(port));
        Responses.send(ctx, Rendered.of(body, JsonApi.CONTENT_TYPE, REVALIDATE));
    }

    void apiService(Context ctx) throws IOException {
        apiEdition(ctx);
        String name = ctx.pathParam("name");
        List<Assignment> records = serviceRecords(name);
        Responses.send(ctx, Rendered.of(JsonApi.service(name.toLowerCase(Locale.ROOT), records), JsonApi.CONTENT_TYPE,
                PAGE_CACHE));
    }

    void apiSearch(Context ctx) throws IOException {
        Edition e = apiEdition(ctx);
        Map<String, String> query = query(ctx);
        String q = query.getOrDefault("q", "").strip();
        if (q.isEmpty()) {
            throw new HttpError(400, HttpError.text("search.empty"));
        }
        int limit = 20;
        String l = query.get("limit");
        if (l != null) {
            limit = parseSmall(l);
            if (limit < 1 || limit > API_SEARCH_MAX) {
                throw new HttpError(400, HttpError.text("error.badField", "field", "limit", "problem",
                        HttpError.text("error.badLimit", "max", API_SEARCH_MAX)));
            }
        }
        dev.portolan.knowledge.search.SearchResults results = search.search(parse(q), e.code(), limit);
        Responses.send(ctx, Rendered.of(SearchJson.answer(results, limit), JsonApi.CONTENT_TYPE, PAGE_CACHE));
    }

    void openApi(Context ctx) throws IOException {
        Responses.send(ctx, openApi);
    }

    private List<Assignment> serviceRecords(String name) {
        Optional<List<Assignment>> records = name.length() > 64 ? Optional.empty() : registry.service(name);
        if (records.isEmpty()) {
            throw new HttpError(404, HttpError.text("error.notFoundService", "value", name));
        }
        return records.get();
    }

    private FeedbackCounts counts(int port) {
        try {
            return feedback.counts(port);
        } catch (StoreException e) {
            LOG.warn("cannot read reactions to port {}: {}", port, e.getMessage());
            throw new HttpError(503, HttpError.text("error.store"));
        }
    }

    // ---------------------------------------------------------------- feedback

    /** {@code POST /api/v1/feedback} with a JSON body. */
    void apiFeedback(Context ctx) throws IOException {
        admit(ctx, "application/json");
        JsonNode body;
        try {
            body = MAPPER.readTree(readBody(ctx));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpError(400, HttpError.text("error.badJson", "detail", e.getOriginalMessage()));
        }
        if (body == null || !body.isObject()) {
            throw new HttpError(400, HttpError.text("error.badJson", "detail", HttpError.text("error.notObject")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("port") && !name.equals("lang") && !name.equals("reaction")) {
                throw new HttpError(400, HttpError.text("error.unknownField", "field", name));
            }
        }
        JsonNode port = required(body, "port");
        if (!port.isIntegralNumber() || !port.canConvertToInt() || port.intValue() < 0
                || port.intValue() > PortRange.MAX_PORT) {
            throw new HttpError(400, HttpError.text("error.badField", "field", "port", "problem",
                    HttpError.text("error.badPort", "value", port.toString())));
        }
        String lang = text(required(body, "lang"), "lang");
        String reaction = text(required(body, "reaction"), "reaction");
        Vote vote = vote(port.intValue(), lang, reaction);
        boolean counted = votes.admit(ctx.req().getRemoteAddr(), vote.port(), System.nanoTime()) == VoteGate.Verdict.COUNT;
        FeedbackCounts counts = counted ? record(vote) : counts(vote.port());
        ctx.status(counted ? 201 : 200);
        ctx.header("Location", "/api/v1/ports/" + vote.port());
        Responses.send(ctx, Rendered.of(JsonApi.recorded(vote, counts, counted), JsonApi.CONTENT_TYPE, NO_STORE));
    }

    /** {@code POST /ports/{n}/feedback} from the page's form; answers with a redirect back. */
    void formFeedback(Context ctx, Edition e) throws IOException {
        String raw = ctx.pathParam("port");
        int port = parsePort(raw);
        if (port < 0 || !raw.equals(Integer.toString(port))) {
            throw new HttpError(404, HttpError.text("error.notFoundPort", "value", raw));
        }
        admit(ctx, "application/x-www-form-urlencoded");
        Map<String, String> form;
        try {
            form = Urls.parse(new String(readBody(ctx), StandardCharsets.ISO_8859_1));
        } catch (Urls.Malformed bad) {
            throw new HttpError(400, HttpError.text("error.badEncoding"));
        }
        String lang = form.getOrDefault("lang", e.code());
        Vote vote = vote(port, lang, form.getOrDefault("reaction", ""));
        if (votes.admit(ctx.req().getRemoteAddr(), port, System.nanoTime()) == VoteGate.Verdict.COUNT) {
            record(vote);
        }
        ctx.header("Cache-Control", NO_STORE);
        ctx.redirect(e.href("/ports/" + port) + "#thanks", HttpStatus.SEE_OTHER);
    }

    /**
     * The checks every reaction passes before its body is read: origin, media type, size. (The
     * rate is checked once the vote is known valid: see {@link VoteGate}.)
     */
    private void admit(Context ctx, String mediaType) {
        if (!sameOrigin(ctx)) {
            throw new HttpError(403, HttpError.text("error.crossSite"));
        }
        String type = ctx.req().getContentType();
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (bare.isEmpty()) {
            throw new HttpError(415, HttpError.text("error.mediaTypeMissing", "expected", mediaType));
        }
        if (!bare.equals(mediaType)) {
            throw new HttpError(415, HttpError.text("error.mediaType", "expected", mediaType, "actual", clip(bare)));
        }
        if (ctx.req().getContentLengthLong() > settings.feedbackBodyLimit()) {
            throw new HttpError(413, HttpError.text("error.tooLarge", "limit", settings.feedbackBodyLimit()));
        }
    }

    /** The body, refused with 413 past the limit even when no length was announced. */
    private byte[] readBody(Context ctx) throws IOException {
        int limit = settings.feedbackBodyLimit();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new HttpError(413, HttpError.text("error.tooLarge", "limit", limit));
            }
            return bytes;
        }
    }

    /**
     * Whether a state-changing request comes from this site or from no browser at all. An {@code
     * Origin} header must name the site's public address ({@code --public-url}); without one, an
     * address of this machine on the server's port ({@code http://localhost:8080}). The {@code
     * Host} header is not trusted for this: a page on another name that resolves to this server
     * (DNS rebinding) sends its own name as the host. A browser's {@code Sec-Fetch-Site:
     * cross-site} is refused too; a request without {@code Origin} (no browser, or a same-origin
     * form of an old browser) goes on.
     */
    boolean sameOrigin(Context ctx) {
        String fetchSite = ctx.req().getHeader("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.equalsIgnoreCase("cross-site")) {
            return false;
        }
        String origin = ctx.req().getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String authority = authority(origin);
        if (authority == null) {
            return false;
        }
        String own = authority(publicUrl.get());
        if (own != null && own.equalsIgnoreCase(authority)) {
            return true;
        }
        if (!settings.publicUrl().isEmpty()) {
            return false;
        }
        // No public address configured: this machine's own names for itself, on the server's port.
        int colon = authority.lastIndexOf(':');
        String host = authority.substring(0, colon);
        String port = authority.substring(colon + 1);
        String ownPort = own == null ? "" : own.substring(own.lastIndexOf(':') + 1);
        return port.equals(ownPort) && (host.equalsIgnoreCase("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]") || host.equals(settings.bind()));
    }

    /** {@code host:port} of an origin, with the scheme's default port filled in; null if not one. */
    private static @Nullable String authority(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort()
                    : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }


    private JsonNode required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new HttpError(400, HttpError.text("error.missingField", "field", field));
        }
        return v;
    }

    private String text(JsonNode v, String field) {
        if (!v.isTextual()) {
            throw new HttpError(400, HttpError.text("error.badField", "field", field, "problem", HttpError.text("error.notString")));
        }
        return v.textValue();
    }

    /** A valid vote in a language the site offers, or a 400 saying which field is wrong. */
    private Vote vote(int port, String lang, String reaction) {
        Optional<Reaction> r = Reaction.fromWireName(reaction);
        if (r.isEmpty()) {
            throw new HttpError(400, HttpError.text("error.badField", "field", "reaction", "problem",
                    HttpError.text("error.badReaction", "value", clip(reaction))));
        }
        // a tag names its language: en-GB counts for English
        Optional<ULocale> language = Languages.find(lang);
        if (language.isEmpty() || !languages.contains(Languages.code(language.get()))) {
            throw new HttpError(400, HttpError.text("error.badField", "field", "lang", "problem",
                    HttpError.text("error.badLang", "langs", String.join(", ", languages), "value", clip(lang))));
        }
        return new Vote(port, Languages.code(language.get()), r.get());
    }

    /** A client's value as it may appear in a message: at most 40 characters, no control characters. */
    private static String clip(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder s = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            s.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.toString();
    }

    private FeedbackCounts record(Vote vote) {
        try {
            feedback.record(vote);
            return feedback.counts(vote.port());
        } catch (StoreException e) {
            LOG.warn("cannot record a vote on port {}: {}", vote.port(), e.getMessage());
            throw new HttpError(503, HttpError.text("error.store"));
        }
    }

    // ---------------------------------------------------------------- machine-readable files

    void sitemapIndex(Context ctx) throws IOException {
        Responses.send(ctx, cache.get("/sitemap.xml", () -> xml(sitemaps().index())));
    }

    void sitemapPart(Context ctx) throws IOException {
        String part = ctx.pathParam("part");
        for (Edition e : editions) {
            Frame.Language language = e.frame().language();
            if (part.equals(Sitemaps.pagesPart(language))) {
                Responses.send(ctx, cache.get("/sitemaps/" + part, () -> xml(sitemaps().pages(language))));
                return;
            }
            for (int i = 0; i < Sitemaps.PORT_PARTS; i++) {
                if (part.equals(Sitemaps.portsPart(language, i))) {
                    int n = i;
                    Responses.send(ctx, cache.get("/sitemaps/" + part, () -> xml(sitemaps().ports(language, n))));
                    return;
                }
            }
        }
        throw new HttpError(404, HttpError.text("error.notFound"));
    }

    void robots(Context ctx) throws IOException {
        Responses.send(ctx, cache.get("/robots.txt", () -> Rendered.of(sitemaps().robots(), TEXT, PAGE_CACHE)));
    }

    void health(Context ctx) throws IOException {
        Responses.send(ctx, Rendered.of(JsonApi.health(registry.snapshot().info().describe(), cache.entries(),
                cache.bytes()), JsonApi.CONTENT_TYPE,
                NO_STORE));
    }

    void asset(Context ctx) throws IOException {
        Rendered r = assets.get(ctx.path());
        if (r == null) {
            throw new HttpError(404, HttpError.text("error.notFound"));
        }
        Responses.send(ctx, r);
    }

    private Sitemaps sitemaps() {
        Sitemaps s = sitemaps;
        if (s == null) {
            s = new Sitemaps(publicUrl.get(), registry.snapshot(), editions.get(0).frame().languages());
            sitemaps = s;
        }
        return s;
    }

    private static Rendered xml(byte[] body) {
        return Rendered.of(body, Sitemaps.CONTENT_TYPE, PAGE_CACHE);
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
            Responses.send(ctx, Rendered.of(body, json ? JsonApi.CONTENT_TYPE : HtmlPages.contentType(), NO_STORE));
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

    // ---------------------------------------------------------------- input

    /**
     * The port of the path, or -1 after answering: a redirect for {@code /ports/080}.
     *
     * @throws HttpError 404 if the path names no port
     */
    private int portNumber(Context ctx, String prefix) {
        String raw = ctx.pathParam("port");
        int port = parsePort(raw);
        if (port < 0) {
            throw new HttpError(404, HttpError.text("error.notFoundPort", "value", raw));
        }
        if (raw.length() > 1 && raw.charAt(0) == '0') {
            ctx.header("Cache-Control", PAGE_CACHE);
            ctx.redirect(prefix + port, HttpStatus.MOVED_PERMANENTLY);
            return -1;
        }
        return port;
    }

    /** 0-65535 from ASCII digits (leading zeros allowed), or -1. */
    static int parsePort(String raw) {
        if (raw.isEmpty() || raw.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= PortRange.MAX_PORT ? (int) v : -1;
    }

    private static int parseSmall(String raw) {
        if (raw.isEmpty() || raw.length() > 6) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The page number of a list: from the path ({@code /ports/page/2}), 1 without one; or -1 after
     * redirecting a page's other addresses to its own ({@code ?page=2} and {@code /page/1}).
     *
     * @throws HttpError 404 for a page that does not exist or a number not written plainly
     */
    private int pathPage(Context ctx, Edition e, String base, int pages) {
        String fromPath = ctx.pathParamMap().get("page");
        String fromQuery = query(ctx).get("page");
        String raw = fromPath != null ? fromPath : fromQuery;
        if (raw == null) {
            return 1;
        }
        int page = parseSmall(raw);
        if (page < 1 || page > pages || raw.charAt(0) == '0') {
            throw new HttpError(404, HttpError.text("error.badPage", "pages", pages));
        }
        if (fromPath == null || page == 1) {
            ctx.header("Cache-Control", PAGE_CACHE);
            ctx.redirect(e.href(HtmlPages.pagePath(base, page)), HttpStatus.MOVED_PERMANENTLY);
            return -1;
        }
        return page;
    }

    private Map<String, String> query(Context ctx) {
        String raw = ctx.queryString();
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        try {
            return Urls.parse(raw);
        } catch (Urls.Malformed e) {
            throw new HttpError(400, HttpError.text("error.badEncoding"));
        }
    }
}
