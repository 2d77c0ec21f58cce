package dev.portolan.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.core.StoreException;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.store.FeedbackCounts;
import dev.portolan.store.Reaction;
import dev.portolan.store.Vote;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers' reactions: {@code POST /api/v1/feedback} with a JSON body and the port page's form.
 * Each is admitted (origin, media type, size), its body read within the limit and its vote
 * validated; a vote {@link VoteGate} lets count is recorded in the {@link FeedbackLog}.
 */
final class FeedbackRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackRoutes.class);
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.factory());

    private final Site site;
    private final WebSettings settings;
    private final FeedbackLog feedback;
    private final VoteGate votes;
    private final OriginCheck origin;
    private final Metrics metrics;

    /**
     * @param votes the gate of votes; it outlives a change of the registry data, so that its
     *     memory of recent votes does too
     */
    FeedbackRoutes(Site site, WebSettings settings, FeedbackLog feedback, OriginCheck origin, VoteGate votes,
            Metrics metrics) {
        this.site = site;
        this.settings = settings;
        this.feedback = feedback;
        this.votes = votes;
        this.origin = origin;
        this.metrics = metrics;
    }

    /** A handler's work, which may refuse the vote. */
    @FunctionalInterface
    private interface VoteWork {
        Metrics.VoteOutcome run() throws IOException;
    }

    /** Runs a vote's handling and counts its outcome in the metrics. */
    private void measured(VoteWork work) throws IOException {
        try {
            metrics.vote(work.run());
        } catch (HttpError refused) {
            metrics.vote(switch (refused.status()) {
                case 429 -> Metrics.VoteOutcome.RATE_LIMITED;
                case 503 -> Metrics.VoteOutcome.FAILED;
                default -> Metrics.VoteOutcome.INVALID;
            });
            throw refused;
        }
    }

    private static Metrics.VoteOutcome outcome(boolean counted) {
        return counted ? Metrics.VoteOutcome.COUNTED : Metrics.VoteOutcome.REPEAT;
    }

    /** {@code POST /api/v1/feedback} with a JSON body. */
    void api(Context ctx) throws IOException {
        measured(() -> apiVote(ctx));
    }

    /** {@code POST /ports/{n}/feedback} from the page's form; answers with a redirect back. */
    void form(Context ctx, Edition e) throws IOException {
        measured(() -> formVote(ctx, e));
    }

    private Metrics.VoteOutcome apiVote(Context ctx) throws IOException {
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
        FeedbackCounts counts = counted ? record(vote) : site.counts(vote.port());
        ctx.status(counted ? 201 : 200);
        ctx.header("Location", "/api/v1/ports/" + vote.port());
        Responses.send(ctx, Rendered.of(JsonApi.recorded(vote, counts, counted), JsonApi.CONTENT_TYPE,
                CachePolicy.NO_STORE));
        return outcome(counted);
    }

    private Metrics.VoteOutcome formVote(Context ctx, Edition e) throws IOException {
        String raw = ctx.pathParam("port");
        int port = RequestInput.parsePort(raw);
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
        boolean counted = votes.admit(ctx.req().getRemoteAddr(), port, System.nanoTime()) == VoteGate.Verdict.COUNT;
        if (counted) {
            record(vote);
        }
        ctx.header("Cache-Control", CachePolicy.NO_STORE);
        ctx.redirect(e.href("/ports/" + port) + "#thanks", HttpStatus.SEE_OTHER);
        return outcome(counted);
    }

    /**
     * The checks every reaction passes before its body is read: origin, media type, size. (The
     * rate is checked once the vote is known valid: see {@link VoteGate}.)
     */
    private void admit(Context ctx, String mediaType) {
        if (!origin.sameOrigin(ctx)) {
            throw new HttpError(403, HttpError.text("error.crossSite"));
        }
        String type = ctx.req().getContentType();
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (bare.isEmpty()) {
            throw new HttpError(415, HttpError.text("error.mediaTypeMissing", "expected", mediaType));
        }
        if (!bare.equals(mediaType)) {
            throw new HttpError(415, HttpError.text("error.mediaType", "expected", mediaType, "actual",
                    RequestInput.clip(bare)));
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

    private static JsonNode required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw new HttpError(400, HttpError.text("error.missingField", "field", field));
        }
        return v;
    }

    private static String text(JsonNode v, String field) {
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
                    HttpError.text("error.badReaction", "value", RequestInput.clip(reaction))));
        }
        // a tag names its language: en-GB counts for English
        Optional<ULocale> language = Languages.find(lang);
        if (language.isEmpty() || !site.languages().contains(Languages.code(language.get()))) {
            throw new HttpError(400, HttpError.text("error.badField", "field", "lang", "problem",
                    HttpError.text("error.badLang", "langs", String.join(", ", site.languages()), "value",
                            RequestInput.clip(lang))));
        }
        return new Vote(port, Languages.code(language.get()), r.get());
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
}
