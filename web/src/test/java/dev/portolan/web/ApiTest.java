package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API and its OpenAPI description, on a real server. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + Harness.text(r), e);
        }
    }

    /** The one error shape: {"error": {"status": s, "message": "..."}} and nothing else. */
    static void assertError(HttpResponse<byte[]> r, int status, String message) {
        assertThat(r.statusCode()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(fieldNames(body)).containsExactly("error");
        assertThat(fieldNames(body.path("error"))).containsExactly("status", "message");
        assertThat(body.path("error").path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").path("message").asText()).isEqualTo(message);
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void port_knownGivesTheNamesProgramsAndNotes_eachWithItsFootnotes() {
        JsonNode p = json(h.get("/api/v1/ports/445"));
        JsonNode known = p.path("known");
        assertThat(fieldNames(known)).containsExactly("names", "programs", "protocols", "security", "malware");
        Map<String, Integer> footnotes = new java.util.HashMap<>();
        p.path("footnotes").forEach(f -> footnotes.put(f.path("id").asText(), f.path("number").asInt()));
        assertThat(known.path("names").get(0).path("name").asText()).isEqualTo("SMB");
        assertThat(known.path("names").get(0).path("service").asText()).isEqualTo("microsoft-ds");
        JsonNode samba = null;
        for (JsonNode u : known.path("programs")) {
            if (u.path("name").asText().equals("Samba")) {
                samba = u;
            }
        }
        assertThat(samba).as("Samba among the programs of 445").isNotNull();
        assertThat(samba.path("role").asText()).isEqualTo("file-sharing");
        assertThat(samba.path("roleText").asText()).isEqualTo("sharing files");
        assertThat(samba.path("transports").get(0).asText()).isEqualTo("tcp");
        assertThat(samba.path("usage").asText()).isEqualTo("default");
        for (JsonNode group : List.of(known.path("names"), known.path("programs"), known.path("protocols"),
                known.path("security"), known.path("malware"))) {
            for (JsonNode fact : group) {
                assertThat(fact.path("cites").size()).isPositive();
                for (int i = 0; i < fact.path("cites").size(); i++) {
                    assertThat(fact.path("notes").get(i).asInt()).as("footnote of %s", fact.path("cites").get(i))
                            .isEqualTo(footnotes.get(fact.path("cites").get(i).asText()));
                }
            }
        }
        assertThat(known.path("security").size()).isPositive();
        assertThat(known.path("security").get(0).path("text").asText()).contains("445");
        assertThat(known.path("malware").findValuesAsText("name")).contains("WannaCry");
    }

    @Test
    void port_givesTheModelWithSentencesCitationsAndFeedback() {
        HttpResponse<byte[]> r = h.get("/api/v1/ports/60");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode p = json(r);
        assertThat(fieldNames(p)).containsExactly("port", "range", "lang", "url", "title", "subtitle", "summary",
                "breadcrumbs", "sections", "assignments", "faq", "related", "previous", "next", "footnotes", "data",
                "known", "timeline", "feedback");
        assertThat(p.path("port").asInt()).isEqualTo(60);
        assertThat(p.path("range").asText()).isEqualTo("system");
        assertThat(p.path("lang").asText()).isEqualTo("en");
        assertThat(p.path("url").asText()).isEqualTo(h.server.url() + "/ports/60");
        assertThat(p.path("title").path("key").asText()).isEqualTo("page.title");
        assertThat(p.path("title").path("args").path("port").asText()).isEqualTo("60");
        assertThat(p.path("title").path("text").asText()).startsWith("Port 60");
        assertThat(p.path("previous").asInt()).isEqualTo(59);
        assertThat(p.path("next").asInt()).isEqualTo(61);
        int footnotes = p.path("footnotes").size();
        assertThat(footnotes).isPositive();
        // One entry per source; the sources of a group (a system, a program) share a number and name it.
        int number = 0;
        for (int i = 0; i < footnotes; i++) {
            JsonNode f = p.path("footnotes").get(i);
            assertThat(f.path("number").asInt()).isBetween(number, number + 1);
            number = f.path("number").asInt();
            if (f.has("group")) {
                assertThat(fieldNames(f)).containsExactly("number", "group", "id", "title", "publisher", "url",
                        "secondary");
            } else {
                assertThat(fieldNames(f)).containsExactly("number", "id", "title", "publisher", "url", "secondary");
            }
        }
        assertThat(p.path("footnotes").findValuesAsText("group")).contains("Linux", "macOS");
        Set<String> sectionIds = new TreeSet<>();
        int sentences = 0;
        for (JsonNode s : p.path("sections")) {
            sectionIds.add(s.path("id").asText());
            assertThat(s.path("heading").asText()).isNotBlank();
            for (JsonNode b : s.path("blocks")) {
                assertThat(b.path("type").asText()).isIn("paragraph", "points", "commands", "systems", "assignments");
                Set<Integer> noted = new TreeSet<>();
                Set<Integer> marked = new TreeSet<>();
                for (JsonNode t : b.path("sentences")) {
                    sentences++;
                    assertThat(fieldNames(t)).containsExactly("key", "args", "text", "cites", "notes", "markers");
                    assertThat(t.path("cites").size()).isEqualTo(t.path("notes").size());
                    for (JsonNode n : t.path("notes")) {
                        assertThat(n.asInt()).isBetween(1, footnotes);
                        noted.add(n.asInt());
                    }
                    List<Integer> markers = new ArrayList<>();
                    t.path("markers").forEach(n -> markers.add(n.asInt()));
                    assertThat(markers).isSorted().doesNotHaveDuplicates();
                    marked.addAll(markers);
                }
                // a paragraph's markers name every source its sentences cite, each once per run
                assertThat(marked).isEqualTo(noted);
            }
        }
        assertThat(sectionIds).contains("lead", "range", "assignments", "check");
        assertThat(sentences).isGreaterThan(3);
        assertThat(p.path("assignments").size()).isPositive();
        assertThat(p.path("assignments").get(0).path("ports").asText()).isEqualTo("60");
        assertThat(p.path("feedback").toString()).isEqualTo("{\"unhelpful\":0,\"neutral\":0,\"helpful\":0}");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(r.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void port_outOfRangeOrNotANumber_isJson404() {
        for (String bad : List.of("65536", "-1", "abc", "99999999999", "1e3", "%20")) {
            assertError(h.get("/api/v1/ports/" + bad), 404, "There is no port " + bad.replace("%20", " ")
                    + ": ports are numbered 0 to 65535.");
        }
    }

    @Test
    void port_withLeadingZeros_redirects() {
        HttpResponse<byte[]> r = h.get("/api/v1/ports/0080");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/ports/80");
    }

    @Test
    void service_listsRecords() {
        JsonNode s = json(h.get("/api/v1/services/HTTP"));
        assertThat(s.path("service").asText()).isEqualTo("http");
        assertThat(s.path("count").asInt()).isEqualTo(s.path("records").size());
        List<Integer> ports = new ArrayList<>();
        s.path("records").forEach(r -> ports.add(r.path("port").asInt()));
        assertThat(ports).contains(80);
        assertError(h.get("/api/v1/services/no-such-service"), 404,
                "The registry lists no service named “no-such-service”.");
    }

    @Test
    void search_ranksAndLimits() {
        JsonNode s = json(h.get("/api/v1/search?q=ssh&limit=3"));
        assertThat(s.path("query").asText()).isEqualTo("ssh");
        assertThat(s.path("kind").asText()).isEqualTo("words");
        assertThat(s.path("limit").asInt()).isEqualTo(3);
        assertThat(s.path("count").asInt()).isEqualTo(3);
        assertThat(s.path("results").size()).isEqualTo(3);
        assertThat(s.path("more").asBoolean()).isTrue();
        JsonNode first = s.path("results").get(0);
        assertThat(first.path("port").asInt()).isEqualTo(22);
        assertThat(first.path("match").path("tier").asText()).isEqualTo("service");
        assertThat(first.path("match").path("text").asText()).isEqualTo("ssh");
        assertThat(first.path("registered").toString()).isEqualTo("[\"ssh\"]");
        assertThat(first.path("url").asText()).isEqualTo("/ports/22");
        assertThat(s.path("suggestions").size()).isZero();
    }

    @Test
    void search_findsWhatPeopleCallAPort_onePerPort() {
        JsonNode rdp = json(h.get("/api/v1/search?q=rdp")).path("results").get(0);
        assertThat(rdp.path("port").asInt()).isEqualTo(3389);
        assertThat(rdp.path("transports").toString()).isEqualTo("[\"tcp\",\"udp\"]");
        assertThat(rdp.path("match").path("tier").asText()).isEqualTo("common");
        assertThat(rdp.path("names").toString()).isEqualTo("[\"RDP\"]");
        assertThat(rdp.path("programs").size()).isEqualTo(3);
        JsonNode kafka = json(h.get("/api/v1/search?q=kafka"));
        assertThat(kafka.path("results").get(0).path("port").asInt()).isEqualTo(9092);
        List<Integer> ports = new java.util.ArrayList<>();
        kafka.path("results").forEach(r -> ports.add(r.path("port").asInt()));
        assertThat(ports).doesNotHaveDuplicates();
        JsonNode numbers = json(h.get("/api/v1/search?q=22,80,443"));
        assertThat(numbers.path("kind").asText()).isEqualTo("ports");
        assertThat(numbers.path("results").findValuesAsText("port")).containsExactly("22", "80", "443");
        JsonNode none = json(h.get("/api/v1/search?q=rdz"));
        assertThat(none.path("count").asInt()).isZero();
        assertThat(none.path("suggestions").get(0).asText()).isEqualTo("RDP");
        // the reader's language is searched beside English
        assertThat(json(h.get("/api/v1/search?q=" + Urls.encode("serveurs de temps") + "&lang=fr")).path("results")
                .findValuesAsText("port")).contains("123");
    }

    @Test
    void search_badInput_is400() {
        assertError(h.get("/api/v1/search"), 400, "Type a port, a range, or the name of a service or program.");
        assertError(h.get("/api/v1/search?q=ssh&limit=0"), 400,
                "Field “limit” must be a whole number from 1 to 200.");
        assertError(h.get("/api/v1/search?q=ssh&limit=x"), 400,
                "Field “limit” must be a whole number from 1 to 200.");
        assertError(h.get("/api/v1/search?q=%21%21%21"), 400,
                "The search query has no letters or digits; give a port number, a service name or words of its "
                        + "description.");
        assertError(h.get("/api/v1/search?q=" + "a".repeat(201)), 400,
                "The search query is 201 characters long; at most 200 are accepted.");
        assertError(h.get("/api/v1/search?q=ssh%01"), 400,
                "The search query holds the control character U+0001; type a port, a range or words.");
        assertError(h.get("/api/v1/search?q=70000"), 400, "There is no port 70000: ports are numbered 0 to 65535.");
        assertError(h.get("/api/v1/search?q=9000-8000"), 400,
                "The range 9000-8000 ends before it starts: write the lower port first.");
    }

    @Test
    void search_echoesAScriptPayloadOnlyAsEscapedJson() {
        String payload = "<script>alert(1)</script>";
        HttpResponse<byte[]> r = h.get("/api/v1/search?q=" + Urls.encode(payload));
        String raw = Harness.text(r);
        assertThat(raw).doesNotContain("<script>").contains("\\u003Cscript\\u003E");
        assertThat(json(r).path("query").asText()).isEqualTo(payload);
    }

    @Test
    void unknownApiPath_isJson404() {
        assertError(h.get("/api/v1/nothing/here"), 404, "No API resource at /api/v1/nothing/here; see "
                + "/api/v1/openapi.json.");
        assertError(h.get("/api/v2/ports/80"), 404, "No API resource at /api/v2/ports/80; see /api/v1/openapi.json.");
    }

    @Test
    void wrongMethod_is405WithAllow() {
        HttpResponse<byte[]> r = h.method("DELETE", "/api/v1/ports/80");
        assertError(r, 405, "This address does not accept DELETE; it accepts GET, HEAD.");
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<byte[]> get = h.get("/api/v1/feedback");
        assertError(get, 405, "This address does not accept GET; it accepts POST.");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void openApi_describesEveryApiRoute() throws Exception {
        HttpResponse<byte[]> r = h.get("/api/v1/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                described.add(methods.next().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }
        Set<String> served = new TreeSet<>();
        for (String route : h.server.routes()) {
            if (route.contains(" /api/") && !route.startsWith("HEAD ") && !route.startsWith("BEFORE ")) {
                served.add(route);
            }
        }
        assertThat(served).isNotEmpty();
        assertThat(described).isEqualTo(served);
        // every $ref points into the document
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }

    @Test
    void health_saysOk() {
        JsonNode s = json(h.get("/healthz"));
        assertThat(s.path("status").asText()).isEqualTo("ok");
        assertThat(s.path("data").asText()).isNotBlank();
        assertThat(s.path("cache").path("pages").isInt()).isTrue();
        assertThat(s.path("cache").path("bytes").isNumber()).isTrue();
        assertThat(s.path("cache").path("fileBytes").isNumber()).isTrue();
    }
}
