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
import dev.portolan.core.search.SearchIndex;
import dev.portolan.knowledge.text.Messages;
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
    private final Messages messages;
    private final Frame frame;
    private final HtmlPages html;
    private final JsonApi api;
    private final Assets assets;
    private final PageCache cache;
    private final TokenBuckets votes;
    private final Supplier<String> publicUrl;
    private final Set<String> languages;
    private final Rendered openApi;
    private volatile @Nullable Sitemaps sitemaps;

    Site(WebSettings settings, Registry registry, PageSource pages, FeedbackLog feedback, Messages messages,
            Supplier<String> publicUrl) {
        this.settings = settings;
        this.registry = registry;
        this.pages = pages;
        this.feedback = feedback;
        this.messages = messages;
        this.publicUrl = publicUrl;
        this.assets = new Assets();
        this.frame = new Frame(messages, assets, publicUrl);
        this.html = new HtmlPages(frame, registry);
        this.api = new JsonApi(messages);
        this.cache = new PageCache(settings.cacheBytes());
        this.votes = new TokenBuckets(settings.votesPerMinute(), settings.voteBurst());
        this.languages = Set.of(messages.locale().getLanguage());
        this.openApi = Rendered.of(OpenApi.document(), JsonApi.CONTENT_TYPE, PAGE_CACHE);
    }

    PageCache cache() {
        return cache;
    }

    // ---------------------------------------------------------------- HTML pages

    void home(Context ctx) throws IOException {
        Responses.send(ctx, cache.get("/", () -> page(html.home())));
    }

    void portIndex(Context ctx) throws IOException {
        int page = pageNumber(ctx, HtmlPages.pages(PortRange.MAX_PORT + 1));
        Responses.send(ctx, cache.get(page == 1 ? "/ports" : "/ports?page=" + page,
                () -> page(html.portIndex(page))));
    }

    void port(Context ctx) throws IOException {
        int port = portNumber(ctx, "/ports/");
        if (port < 0) {
            return;
        }
        Responses.send(ctx, cache.port(port, p -> page(html.port(pages.page(p))).compact()));
    }

    void range(Context ctx) throws IOException {
        String id = ctx.pathParam("range");
        RangeClass range = null;
        for (RangeClass r : RangeClass.values()) {
            if (r.id().equals(id)) {
                range = r;
            }
        }
        if (range == null) {
            throw new HttpError(404, frame.t("error.notFoundRange", "value", id));
        }
        RangeClass r = range;
        int page = pageNumber(ctx, HtmlPages.pages(r.ports().size()));
        Responses.send(ctx, cache.get("/ranges/" + id + "?page=" + page, () -> page(html.range(r, page))));
    }

    void service(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name)) {
            ctx.redirect("/services/" + Urls.segment(lower), HttpStatus.MOVED_PERMANENTLY);
            ctx.header("Cache-Control", PAGE_CACHE);
            return;
        }
        List<Assignment> records = serviceRecords(name);
        Responses.send(ctx, cache.get("/services/" + name, () -> page(html.service(name, records))));
    }

    void search(Context ctx) throws IOException {
        Map<String, String> query = query(ctx);
        String q = query.getOrDefault("q", "").strip();
        if (q.isEmpty()) {
            Responses.send(ctx, cache.get("/search", () -> page(html.search("", List.of(), false, ""))));
            return;
        }
        List<PortEntry> results;
        try {
            results = find(q, SEARCH_LIMIT);
        } catch (HttpError e) {
            ctx.status(e.status());
            Responses.send(ctx, Rendered.of(html.search(q, List.of(), false, e.getMessage()), HtmlPages.contentType(),
                    NO_STORE));
            return;
        }
        boolean more = results.size() > SEARCH_LIMIT;
        List<PortEntry> shown = more ? results.subList(0, SEARCH_LIMIT) : results;
        Responses.send(ctx, page(html.search(q, shown, more, "")));
    }

    /** Up to {@code limit + 1} results, so callers can tell whether there were more. */
    private List<PortEntry> find(String q, int limit) {
        if (q.length() > SearchIndex.MAX_QUERY_LENGTH) {
            throw new HttpError(400, frame.t("error.queryTooLong", "length", q.length(), "max",
                    SearchIndex.MAX_QUERY_LENGTH));
        }
        try {
            return registry.search(q, null, limit + 1);
        } catch (InvalidQueryException e) {
            throw new HttpError(400, frame.t("error.queryNoWords"));
        }
    }

    private Rendered page(byte[] body) {
        return Rendered.of(body, HtmlPages.contentType(), PAGE_CACHE);
    }

    // ---------------------------------------------------------------- JSON API

    void apiPort(Context ctx) throws IOException {
        int port = portNumber(ctx, "/api/v1/ports/");
        if (port < 0) {
            return;
        }
        byte[] body = api.port(pages.page(port), publicUrl.get() + "/ports/" + port, counts(port));
        Responses.send(ctx, Rendered.of(body, JsonApi.CONTENT_TYPE, REVALIDATE));
    }

    void apiService(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        List<Assignment> records = serviceRecords(name);
        Responses.send(ctx, Rendered.of(JsonApi.service(name.toLowerCase(Locale.ROOT), records), JsonApi.CONTENT_TYPE,
                PAGE_CACHE));
    }

    void apiSearch(Context ctx) throws IOException {
        Map<String, String> query = query(ctx);
        String q = query.getOrDefault("q", "").strip();
        if (q.isEmpty()) {
            throw new HttpError(400, frame.t("search.empty"));
        }
        int limit = 20;
        String l = query.get("limit");
        if (l != null) {
            limit = parseSmall(l);
            if (limit < 1 || limit > API_SEARCH_MAX) {
                throw new HttpError(400, frame.t("error.badField", "field", "limit", "problem",
                        frame.t("error.badLimit", "max", API_SEARCH_MAX)));
            }
        }
        List<PortEntry> results = find(q, limit);
        boolean more = results.size() > limit;
        Responses.send(ctx, Rendered.of(JsonApi.search(q, limit, more ? results.subList(0, limit) : results, more),
                JsonApi.CONTENT_TYPE, PAGE_CACHE));
    }

    void openApi(Context ctx) throws IOException {
        Responses.send(ctx, openApi);
    }

    private List<Assignment> serviceRecords(String name) {
        Optional<List<Assignment>> records = name.length() > 64 ? Optional.empty() : registry.service(name);
        if (records.isEmpty()) {
            throw new HttpError(404, frame.t("error.notFoundService", "value", name));
        }
        return records.get();
    }

    private FeedbackCounts counts(int port) {
        try {
            return feedback.counts(port);
        } catch (StoreException e) {
            LOG.warn("cannot read reactions to port {}: {}", port, e.getMessage());
            throw new HttpError(503, frame.t("error.store"));
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
            throw new HttpError(400, frame.t("error.badJson", "detail", e.getOriginalMessage()));
        }
        if (body == null || !body.isObject()) {
            throw new HttpError(400, frame.t("error.badJson", "detail", frame.t("error.notObject")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("port") && !name.equals("lang") && !name.equals("reaction")) {
                throw new HttpError(400, frame.t("error.unknownField", "field", name));
            }
        }
        JsonNode port = required(body, "port");
        if (!port.isIntegralNumber() || !port.canConvertToInt() || port.intValue() < 0
                || port.intValue() > PortRange.MAX_PORT) {
            throw new HttpError(400, frame.t("error.badField", "field", "port", "problem",
                    frame.t("error.badPort", "value", port.toString())));
        }
        String lang = text(required(body, "lang"), "lang");
        String reaction = text(required(body, "reaction"), "reaction");
        Vote vote = vote(port.intValue(), lang, reaction);
        FeedbackCounts counts = record(vote);
        ctx.status(201);
        ctx.header("Location", "/api/v1/ports/" + vote.port());
        Responses.send(ctx, Rendered.of(JsonApi.recorded(vote, counts), JsonApi.CONTENT_TYPE, NO_STORE));
    }

    /** {@code POST /ports/{n}/feedback} from the page's form; answers with a redirect back. */
    void formFeedback(Context ctx) throws IOException {
        String raw = ctx.pathParam("port");
        int port = parsePort(raw);
        if (port < 0 || !raw.equals(Integer.toString(port))) {
            throw new HttpError(404, frame.t("error.notFoundPort", "value", raw));
        }
        admit(ctx, "application/x-www-form-urlencoded");
        Map<String, String> form;
        try {
            form = Urls.parse(new String(readBody(ctx), StandardCharsets.ISO_8859_1));
        } catch (Urls.Malformed e) {
            throw new HttpError(400, frame.t("error.badEncoding"));
        }
        String lang = form.getOrDefault("lang", messages.locale().getLanguage());
        record(vote(port, lang, form.getOrDefault("reaction", "")));
        ctx.header("Cache-Control", NO_STORE);
        ctx.redirect("/ports/" + port + "#thanks", HttpStatus.SEE_OTHER);
    }

    /** The checks every reaction passes before its body is read: origin, rate, media type, size. */
    private void admit(Context ctx, String mediaType) {
        if (!sameOrigin(ctx)) {
            throw new HttpError(403, frame.t("error.crossSite"));
        }
        long wait = votes.take(ctx.req().getRemoteAddr(), System.nanoTime());
        if (wait > 0) {
            throw HttpError.tooManyRequests(frame.t("error.rateLimited", "seconds", wait), wait);
        }
        String type = ctx.req().getContentType();
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (bare.isEmpty()) {
            throw new HttpError(415, frame.t("error.mediaTypeMissing", "expected", mediaType));
        }
        if (!bare.equals(mediaType)) {
            throw new HttpError(415, frame.t("error.mediaType", "expected", mediaType, "actual", clip(bare)));
        }
        if (ctx.req().getContentLengthLong() > settings.feedbackBodyLimit()) {
            throw new HttpError(413, frame.t("error.tooLarge", "limit", settings.feedbackBodyLimit()));
        }
    }

    /** The body, refused with 413 past the limit even when no length was announced. */
    private byte[] readBody(Context ctx) throws IOException {
        int limit = settings.feedbackBodyLimit();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new HttpError(413, frame.t("error.tooLarge", "limit", limit));
            }
            return bytes;
        }
    }

    /**
     * Whether a state-changing request comes from this site or from no browser at all: an {@code
     * Origin} header must name the host the request was sent to (or the public address); a
     * browser's {@code Sec-Fetch-Site: cross-site} is refused too.
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
        String host = ctx.req().getHeader("Host");
        if (host != null && authority.equalsIgnoreCase(normalAuthority(ctx.req().getScheme(), host))) {
            return true;
        }
        String own = authority(publicUrl.get());
        return own != null && own.equalsIgnoreCase(authority);
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

    private static String normalAuthority(String scheme, String host) {
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            return host;
        }
        return host + ":" + (scheme.equalsIgnoreCase("https") ? 443 : 80);
    }

    private JsonNode required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new HttpError(400, frame.t("error.missingField", "field", field));
        }
        return v;
    }

    private String text(JsonNode v, String field) {
        if (!v.isTextual()) {
            throw new HttpError(400, frame.t("error.badField", "field", field, "problem", frame.t("error.notString")));
        }
        return v.textValue();
    }

    /** A valid vote in a language the site offers, or a 400 saying which field is wrong. */
    private Vote vote(int port, String lang, String reaction) {
        Optional<Reaction> r = Reaction.fromWireName(reaction);
        if (r.isEmpty()) {
            throw new HttpError(400, frame.t("error.badField", "field", "reaction", "problem",
                    frame.t("error.badReaction", "value", clip(reaction))));
        }
        Vote vote;
        try {
            vote = new Vote(port, lang, r.get());
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
        if (!languages.contains(vote.lang())) {
            throw new HttpError(400, frame.t("error.badField", "field", "lang", "problem",
                    frame.t("error.badLang", "langs", String.join(", ", languages.stream().sorted().toList()), "value",
                            clip(lang))));
        }
        return vote;
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
            throw new HttpError(503, frame.t("error.store"));
        }
    }

    // ---------------------------------------------------------------- machine-readable files

    void sitemapIndex(Context ctx) throws IOException {
        Responses.send(ctx, cache.get("/sitemap.xml", () -> xml(sitemaps().index())));
    }

    void sitemapPart(Context ctx) throws IOException {
        String part = ctx.pathParam("part");
        if (part.equals("pages.xml")) {
            Responses.send(ctx, cache.get("/sitemaps/pages.xml", () -> xml(sitemaps().pages())));
            return;
        }
        for (int i = 0; i < Sitemaps.PORT_PARTS; i++) {
            if (part.equals("ports-" + i + ".xml")) {
                int n = i;
                Responses.send(ctx, cache.get("/sitemaps/" + part, () -> xml(sitemaps().ports(n))));
                return;
            }
        }
        throw new HttpError(404, frame.t("error.notFound"));
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
            throw new HttpError(404, frame.t("error.notFound"));
        }
        Responses.send(ctx, r);
    }

    private Sitemaps sitemaps() {
        Sitemaps s = sitemaps;
        if (s == null) {
            s = new Sitemaps(publicUrl.get(), registry.snapshot());
            sitemaps = s;
        }
        return s;
    }

    private static Rendered xml(byte[] body) {
        return Rendered.of(body, Sitemaps.CONTENT_TYPE, PAGE_CACHE);
    }

    // ---------------------------------------------------------------- errors

    /** Sends an error as the API's JSON under {@code /api/}, else as an HTML page. */
    void error(Context ctx, int status, String message) {
        ctx.status(status);
        try {
            boolean json = ctx.path().startsWith("/api/");
            byte[] body = json ? JsonApi.error(status, message) : html.error(status, message);
            Responses.send(ctx, Rendered.of(body, json ? JsonApi.CONTENT_TYPE : HtmlPages.contentType(), NO_STORE));
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot send an error page", e);
        }
    }

    String message(String key, Object... args) {
        return frame.t(key, args);
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
            throw new HttpError(404, frame.t("error.notFoundPort", "value", raw));
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

    /** The page number of {@code ?page=}, 1 when absent. */
    private int pageNumber(Context ctx, int pages) {
        String raw = query(ctx).get("page");
        if (raw == null) {
            return 1;
        }
        int page = parseSmall(raw);
        if (page < 1 || page > pages) {
            throw new HttpError(404, frame.t("error.badPage", "pages", pages));
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
            throw new HttpError(400, frame.t("error.badEncoding"));
        }
    }
}
