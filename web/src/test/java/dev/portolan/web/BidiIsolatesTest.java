package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Right-to-left pages isolate the Latin runs of their sentences with Unicode isolate marks, and
 * only there: never in an address, a machine value, or a command a reader copies.
 */
class BidiIsolatesTest {
    private static final Pattern MARKS = Pattern.compile("[\u2066-\u2069]");
    /** Attributes that hold addresses, names or values for programs, not text for people. */
    private static final Set<String> MACHINE_ATTRIBUTES = Set.of("href", "src", "action", "id", "for", "name",
            "value", "hreflang", "lang", "dir", "rel", "type", "data-port", "data-lang", "aria-labelledby",
            "aria-current", "method", "role", "scope", "class", "tabindex");
    /** JSON fields that hold sentences in the page's language. */
    private static final Set<String> SENTENCE_FIELDS = Set.of("text", "heading", "roleText", "title", "subtitle",
            "summary", "data", "label", "caption");
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start(Harness.settings());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static Document page(String path) {
        HttpResponse<byte[]> r = h.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(Harness.text(r));
    }

    @Test
    void theArabicRangeSection_isolatesTheCapabilityTheRangesAndTheVersions() {
        Element range = page("/ar/ports/60").selectFirst("section#range");
        assertThat(range.text()).contains("لا: يتطلب ذلك \u2066CAP_NET_BIND_SERVICE\u2069.")
                .contains("النطاق \u20660–1023\u2069.")
                .contains("\u206649152–65535\u2069 (\u2066Vista, Server 2008\u2069 والإصدارات اللاحقة)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ar/ports/60", "/ar/ports/443", "/fa/ports/3389", "/ps/ports/25565", "/ar/",
        "/ar/ranges/system", "/fa/services/ms-wbt-server", "/ar/search?q=rdp", "/ar/explain-output"})
    void isolatesStayOutOfAddressesMachineValuesAndCommands(String path) {
        Document d = page(path);
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (MACHINE_ATTRIBUTES.contains(a.getKey())) {
                    assertThat(a.getValue()).as(path + " " + e.tagName() + "[" + a.getKey() + "]")
                            .doesNotContainPattern(MARKS);
                }
            }
        }
        for (Element code : d.select("pre code")) {
            assertThat(code.wholeText()).as(path + " command").doesNotContainPattern(MARKS);
        }
        for (Element ld : d.select("script[type=application/ld+json]")) {
            JsonNode json = json(ld.data());
            machineFieldsWithoutMarks(json, path + " JSON-LD", Set.of("name", "text"));
        }
    }

    @Test
    void sentencesOfTheRightToLeftPagesCarryIsolates_leftToRightPagesNone() {
        assertThat(Harness.text(h.get("/ar/ports/3389"))).containsPattern(MARKS);
        for (String path : List.of("/ports/3389", "/de/ports/3389", "/ja/ports/60", "/ports/443")) {
            assertThat(Harness.text(h.get(path))).as(path).doesNotContainPattern(MARKS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/ports/60?lang=ar", "/api/v1/ports/3389?lang=fa", "/api/v1/ports/443?lang=ps"})
    void theJsonApiIsolatesOnlyItsSentences(String path) {
        JsonNode p = json(Harness.text(h.get(path)));
        assertThat(p.toString()).containsPattern(MARKS);
        machineFieldsWithoutMarks(p, path, SENTENCE_FIELDS);
        // the sentences' arguments are the values themselves, as a program wants them (the walk
        // above checks them; a nested sentence's own text is a sentence)
        assertThat(p.path("sections").findValues("args")).isNotEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every string of a JSON tree outside the fields that hold sentences is without marks. */
    private static void machineFieldsWithoutMarks(JsonNode n, String where, Set<String> sentences) {
        if (n.isTextual()) {
            assertThat(n.asText()).as(where).doesNotContainPattern(MARKS);
        } else if (n.isArray()) {
            n.forEach(c -> machineFieldsWithoutMarks(c, where, sentences));
        } else if (n.isObject()) {
            for (Map.Entry<String, JsonNode> f : n.properties()) {
                if (!(sentences.contains(f.getKey()) && f.getValue().isTextual())) {
                    machineFieldsWithoutMarks(f.getValue(), where + "." + f.getKey(), sentences);
                }
            }
        }
    }
}
