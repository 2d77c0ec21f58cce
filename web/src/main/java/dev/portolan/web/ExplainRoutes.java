package dev.portolan.web;

import dev.portolan.inspect.CapturedOutput;
import dev.portolan.inspect.InspectException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explain page: {@code GET /explain-output} shows its form; {@code POST /explain-output} reads the output of
 * {@code ss}, {@code netstat}, {@code lsof} or PowerShell pasted into it ({@link CapturedOutput})
 * and answers the same page with the sockets it holds, or with the form and the reason it was
 * refused. A paste is admitted like a reaction (origin, media type, size), then spends a token of
 * its sender's network ({@link TokenBuckets}, per IPv4 /24 or IPv6 /64).
 *
 * <p>Nothing of a paste is kept: it is not cached, not stored and not logged (a parser failure
 * logs the exception's type only), and the answer carries {@code Cache-Control: no-store}.
 */
final class ExplainRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ExplainRoutes.class);

    /** The page's path in English. */
    static final String PATH = "/explain-output";
    /** The form field that holds the pasted text. */
    static final String FIELD = "output";
    /** The most pasted text the page reads, in bytes of UTF-8: 256 KiB. */
    static final int MOST_TEXT = 256 * 1024;
    /**
     * The largest form body: the most text with every byte percent-encoded (three bytes each), and
     * room for the field's name. A larger body cannot hold a text the page reads.
     */
    static final int MOST_BODY = 3 * MOST_TEXT + 1024;
    /** How many pastes may be arriving at once; each is held in memory while it does. */
    static final int ARRIVING_AT_ONCE = 16;
    private static final String FORM = "application/x-www-form-urlencoded";

    private final PageCache cache;
    private final OriginCheck origin;
    private final TokenBuckets budgets;

    /**
     * @param budgets the pastes each network may send; they outlive a change of the registry data
     */
    ExplainRoutes(Site site, OriginCheck origin, TokenBuckets budgets) {
        this.cache = site.cache();
        this.origin = origin;
        this.budgets = budgets;
    }

    /** {@code GET /explain-output}: the form, cached like the other pages. */
    void form(Context ctx, Edition e) throws IOException {
        Responses.send(ctx, cache.get(e.href(PATH), () -> Rendered.of(e.html().explain(Views.ExplainView.FORM),
                HtmlPages.contentType(), CachePolicy.PAGE_CACHE)));
    }

    /** {@code POST /explain-output}: the paste explained, or refused with a 4xx and the reason. */
    void paste(Context ctx, Edition e) throws IOException {
        admit(ctx);
        long wait = budgets.take(VoteGate.network(ctx.req().getRemoteAddr()), System.nanoTime());
        if (wait > 0) {
            throw HttpError.tooManyRequests(HttpError.text("explain.error.rateLimited", "seconds", wait), wait);
        }
        byte[] body = readBody(ctx);
        String text;
        try {
            text = Urls.parse(new String(body, StandardCharsets.ISO_8859_1)).getOrDefault(FIELD, "");
        } catch (Urls.Malformed bad) {
            refuse(ctx, e, 400, "explain.error.notText", "");
            return;
        }
        if (text.isBlank()) {
            refuse(ctx, e, 400, "explain.error.empty", "");
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MOST_TEXT) {
            throw tooLarge();
        }
        CapturedOutput.Reading reading;
        try {
            reading = CapturedOutput.read(bytes, "the pasted output");
        } catch (InspectException refused) {
            // The reader's message is English and names the case; the page says it in the reader's
            // language. Text with NUL bytes is not shown again: it is not text.
            boolean binary = text.indexOf('\0') >= 0;
            refuse(ctx, e, 400, binary ? "explain.error.notText" : "explain.error.unknown", binary ? "" : text);
            return;
        } catch (RuntimeException bug) {
            // the message may quote the paste: only the type goes to the log
            LOG.error("a paste could not be read: {} at {}", bug.getClass().getName(),
                    bug.getStackTrace().length > 0 ? bug.getStackTrace()[0] : "?");
            throw new HttpError(500, HttpError.text("error.internal"));
        }
        Views.Capture capture = CaptureReport.of(reading, e.frame(), e.html());
        send(ctx, 200, e.html().explain(new Views.ExplainView(true, text, "", capture)));
    }

    /** The form again, with the reason the paste was refused and the text that may be corrected. */
    private static void refuse(Context ctx, Edition e, int status, String key, String text) throws IOException {
        String error = e.frame().t(key);
        send(ctx, status, e.html().explain(new Views.ExplainView(true, text, error, Views.Capture.NONE)));
    }

    private static void send(Context ctx, int status, byte[] page) throws IOException {
        ctx.status(status);
        Responses.send(ctx, Rendered.of(page, HtmlPages.contentType(), CachePolicy.NO_STORE));
    }

    /** The checks a paste passes before its body is read: origin, media type, announced size. */
    private void admit(Context ctx) {
        if (!origin.sameOrigin(ctx)) {
            throw new HttpError(403, HttpError.text("explain.error.crossSite"));
        }
        String type = ctx.req().getContentType();
        String bare = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (bare.isEmpty()) {
            throw new HttpError(415, HttpError.text("explain.error.mediaTypeMissing", "expected", FORM));
        }
        if (!bare.equals(FORM)) {
            throw new HttpError(415, HttpError.text("explain.error.mediaType", "expected", FORM, "actual",
                    RequestInput.clip(bare)));
        }
        if (ctx.req().getContentLengthLong() > MOST_BODY) {
            throw tooLarge();
        }
    }

    /** The body, refused with 413 past the limit even when no length was announced. */
    private static byte[] readBody(Context ctx) throws IOException {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MOST_BODY + 1);
            if (bytes.length > MOST_BODY) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, HttpError.text("explain.error.tooLarge", "limit", MOST_TEXT / 1024));
    }
}
