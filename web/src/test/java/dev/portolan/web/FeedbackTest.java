package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackCounts;
import dev.portolan.store.Vote;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Votes through the JSON API and the page's form, into a real SQLite store. */
class FeedbackTest {
    private static final String JSON = "application/json";
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static HttpResponse<byte[]> vote(String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = JSON;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return h.post("/api/v1/feedback", body, all);
    }

    private static FeedbackCounts stored(int port) throws StoreException {
        return h.feedback.counts(port);
    }

    @Test
    void vote_isRecordedAndAnsweredWith201AndCounts() throws StoreException {
        HttpResponse<byte[]> r = vote("{\"port\": 60, \"lang\": \"en\", \"reaction\": \"helpful\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode body = ApiTest.json(r);
        assertThat(body.toString()).isEqualTo(
                "{\"port\":60,\"lang\":\"en\",\"reaction\":\"helpful\",\"counted\":true,\"feedback\":{\"unhelpful\":0,"
                        + "\"neutral\":0,\"helpful\":1}}");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(stored(60)).isEqualTo(new FeedbackCounts(0, 0, 1));
        vote("{\"port\": 62, \"lang\": \"en-GB\", \"reaction\": \"unhelpful\"}");
        assertThat(stored(62)).isEqualTo(new FeedbackCounts(1, 0, 0));
        assertThat(ApiTest.json(h.get("/api/v1/ports/60")).path("feedback").toString()).isEqualTo(
                "{\"unhelpful\":0,\"neutral\":0,\"helpful\":1}");
    }

    @Test
    void vote_fromThisSitesOwnPage_isAccepted() throws StoreException {
        String origin = h.server.url();
        HttpResponse<byte[]> r = vote("{\"port\":61,\"lang\":\"en\",\"reaction\":\"neutral\"}", "Origin", origin,
                "Sec-Fetch-Site", "same-origin");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(stored(61)).isEqualTo(new FeedbackCounts(0, 1, 0));
    }

    @Test
    void form_recordsAndRedirectsBackToTheThankYou() throws StoreException {
        HttpResponse<byte[]> r = h.post("/ports/443/feedback", "lang=en&reaction=helpful", "Content-Type",
                "application/x-www-form-urlencoded", "Origin", h.server.url());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/ports/443#thanks");
        assertThat(stored(443)).isEqualTo(new FeedbackCounts(0, 0, 1));
        // the cached page does not change with votes: it shows no counts
        String before = Harness.text(h.get("/ports/443"));
        h.post("/ports/444/feedback", "lang=en&reaction=unhelpful", "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(Harness.text(h.get("/ports/443"))).isEqualTo(before);
        assertThat(stored(444)).isEqualTo(new FeedbackCounts(1, 0, 0));
        // the same reader again on the same port, a moment later: thanked, not counted twice
        HttpResponse<byte[]> again = h.post("/ports/443/feedback", "lang=en&reaction=unhelpful", "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(stored(443)).isEqualTo(new FeedbackCounts(0, 0, 1));
    }

    @Test
    void form_badReactionOrPort_isAnHtmlError() {
        HttpResponse<byte[]> r = h.post("/ports/443/feedback", "lang=en&reaction=angry", "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Harness.text(r)).contains("Field “reaction” must be unhelpful, neutral or helpful, not angry.");
        assertThat(h.post("/ports/70000/feedback", "lang=en&reaction=helpful", "Content-Type",
                "application/x-www-form-urlencoded").statusCode()).isEqualTo(404);
        assertThat(h.post("/ports/080/feedback", "lang=en&reaction=helpful", "Content-Type",
                "application/x-www-form-urlencoded").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidVotes_are400WithAClearMessage() throws StoreException {
        String[][] cases = {
            {"not json", "The request body is not a JSON object: Unrecognized token 'not': was expecting (JSON String, "
                    + "Number, Array, Object or token 'null', 'true' or 'false')."},
            {"[1,2]", "The request body is not a JSON object: expected an object."},
            {"", "The request body is not a JSON object: expected an object."},
            {"{\"port\":60,\"lang\":\"en\"}", "Field “reaction” is missing; send port, lang and reaction."},
            {"{\"lang\":\"en\",\"reaction\":\"helpful\"}", "Field “port” is missing; send port, lang and reaction."},
            {"{\"port\":65536,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                "Field “port” must be a port number from 0 to 65535, not 65536."},
            {"{\"port\":-1,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                "Field “port” must be a port number from 0 to 65535, not -1."},
            {"{\"port\":\"60\",\"lang\":\"en\",\"reaction\":\"helpful\"}",
                "Field “port” must be a port number from 0 to 65535, not \"60\"."},
            {"{\"port\":60.5,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                "Field “port” must be a port number from 0 to 65535, not 60.5."},
            {"{\"port\":60,\"lang\":\"en\",\"reaction\":\"HELPFUL\"}",
                "Field “reaction” must be unhelpful, neutral or helpful, not HELPFUL."},
            {"{\"port\":60,\"lang\":\"en\",\"reaction\":3}", "Field “reaction” must be a string."},
            {"{\"port\":60,\"lang\":\"xx\",\"reaction\":\"helpful\"}",
                "Field “lang” must be one of ar, bn, de, en, es, fa, fr, hi, id, ja, ps, pt, ru, vi, zh, not xx."},
            {"{\"port\":60,\"lang\":\"sv-SE\",\"reaction\":\"helpful\"}",
                "Field “lang” must be one of ar, bn, de, en, es, fa, fr, hi, id, ja, ps, pt, ru, vi, zh, not sv-SE."},
            {"{\"port\":60,\"lang\":\"<b>\",\"reaction\":\"helpful\"}",
                "Field “lang” must be one of ar, bn, de, en, es, fa, fr, hi, id, ja, ps, pt, ru, vi, zh, not <b>."},
            {"{\"port\":60,\"lang\":\"en\",\"reaction\":\"helpful\",\"extra\":1}",
                "Field “extra” is not part of a reaction; send port, lang and reaction."},
        };
        FeedbackCounts before = stored(60);
        for (String[] c : cases) {
            ApiTest.assertError(vote(c[0]), 400, c[1]);
        }
        assertThat(stored(60)).isEqualTo(before);
    }

    @Test
    void wrongMediaType_is415() {
        ApiTest.assertError(h.post("/api/v1/feedback", "{}", "Content-Type", "text/plain"), 415,
                "Send the reaction as application/json, not text/plain.");
        ApiTest.assertError(h.post("/api/v1/feedback", "{}"), 415,
                "Send the reaction as application/json; the request names no Content-Type.");
    }

    @Test
    void largeBody_is413_withOrWithoutALength() {
        String big = "{\"port\":60,\"lang\":\"en\",\"reaction\":\"helpful\",\"pad\":\"" + "x".repeat(2000) + "\"}";
        ApiTest.assertError(vote(big), 413, "The request body is larger than 1,024 bytes.");
        // chunked: no Content-Length announced, the limit holds while reading
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofString(big);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> s) {
                inner.subscribe(s);
            }
        };
        HttpResponse<byte[]> r = h.send(HttpRequest.newBuilder(h.uri("/api/v1/feedback")).POST(chunked),
                "Content-Type", JSON);
        ApiTest.assertError(r, 413, "The request body is larger than 1,024 bytes.");
    }

    @Test
    void crossSiteOrigin_is403() throws StoreException {
        FeedbackCounts before = stored(62);
        String body = "{\"port\":62,\"lang\":\"en\",\"reaction\":\"helpful\"}";
        String message = "Reactions are accepted only from this site's own pages.";
        ApiTest.assertError(vote(body, "Origin", "https://evil.example"), 403, message);
        ApiTest.assertError(vote(body, "Origin", "null"), 403, message);
        ApiTest.assertError(vote(body, "Origin", "http://127.0.0.1:1"), 403, message);
        ApiTest.assertError(vote(body, "Sec-Fetch-Site", "cross-site"), 403, message);
        HttpResponse<byte[]> form = h.post("/ports/62/feedback", "lang=en&reaction=helpful", "Content-Type",
                "application/x-www-form-urlencoded", "Origin", "https://evil.example");
        assertThat(form.statusCode()).isEqualTo(403);
        // the refused body may be unread: the answer says the connection ends with it
        assertThat(form.headers().firstValue("Connection")).hasValue("close");
        assertThat(stored(62)).isEqualTo(before);
    }

    @Test
    void tooManyVotesFromOneAddress_is429WithRetryAfter() throws StoreException {
        try (Harness limited = Harness.start(Harness.settings().withVoteLimit(6, 3))) {
            for (int i = 0; i < 3; i++) {
                String body = "{\"port\":" + (63 + i) + ",\"lang\":\"en\",\"reaction\":\"helpful\"}";
                assertThat(limited.post("/api/v1/feedback", body, "Content-Type", JSON).statusCode()).isEqualTo(201);
            }
            HttpResponse<byte[]> r = limited.post("/api/v1/feedback", "{\"port\":66,\"lang\":\"en\",\"reaction\":\"helpful\"}",
                    "Content-Type", JSON);
            assertThat(r.statusCode()).isEqualTo(429);
            // six a minute: the next token comes within ten seconds
            long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertThat(wait).isBetween(1L, 10L);
            assertThat(ApiTest.json(r).path("error").path("message").asText()).isEqualTo(
                    "Too many reactions from your address; try again in " + (wait == 1 ? "one second" : wait + " seconds")
                            + ".");
            HttpResponse<byte[]> form = limited.post("/ports/67/feedback", "lang=en&reaction=helpful", "Content-Type",
                    "application/x-www-form-urlencoded");
            assertThat(form.statusCode()).isEqualTo(429);
            assertThat(form.headers().firstValue("Retry-After")).isPresent();
            for (int port = 63; port <= 65; port++) {
                assertThat(limited.feedback.counts(port)).isEqualTo(new FeedbackCounts(0, 0, 1));
            }
            assertThat(limited.feedback.counts(66)).isEqualTo(new FeedbackCounts(0, 0, 0));
        }
    }

    @Test
    void storeFailure_is503() {
        FeedbackLog broken = new FeedbackLog() {
            @Override
            public void record(Vote vote) throws StoreException {
                throw new StoreException("disk full");
            }

            @Override
            public FeedbackCounts counts(int port) throws StoreException {
                throw new StoreException("disk full");
            }
        };
        try (Harness failing = Harness.start(Harness.settings(), broken)) {
            HttpResponse<byte[]> r = failing.post("/api/v1/feedback", "{\"port\":1,\"lang\":\"en\",\"reaction\":"
                    + "\"helpful\"}", "Content-Type", JSON);
            ApiTest.assertError(r, 503, "Reactions cannot be recorded right now; try again later.");
            ApiTest.assertError(failing.get("/api/v1/ports/1"), 503,
                    "Reactions cannot be recorded right now; try again later.");
            // the HTML page does not depend on the store
            assertThat(failing.get("/ports/1").statusCode()).isEqualTo(200);
        }
    }
}
