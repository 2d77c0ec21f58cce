package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explain page: its form, pasted output of ss and netstat explained socket by socket, the
 * lines it could not read, and every way a paste is refused, with exact statuses and sentences.
 */
class ExplainTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static Harness h;

    @BeforeAll
    static void start() {
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    /** A capture of the test resources, as a person would paste it. */
    static String capture(String name) {
        try (InputStream in = ExplainTest.class.getResourceAsStream("/captures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a paste as the page's form does, from the site's own origin. */
    static HttpResponse<byte[]> paste(Harness on, String path, String text) {
        return on.post(path, "output=" + Urls.encode(text), "Content-Type", FORM, "Origin", on.server.url());
    }

    private static Document page(HttpResponse<byte[]> r) {
        return Jsoup.parse(Harness.text(r), h.server.url());
    }

    /**
     * Each socket row as "port | name | protocol | address | who reaches it | state | remote (name) |
     * process"; the remote end is "—" where the table has no column for it (no socket has a peer).
     */
    static List<String> rows(Document d) {
        List<String> out = new ArrayList<>();
        for (Element tr : d.select("table.sockets tbody tr")) {
            Element port = tr.selectFirst("th");
            Element local = tr.selectFirst("td.local");
            Element remote = tr.selectFirst("td.remote");
            String remoteText = remote == null ? "—" : remote.select("span.address").isEmpty() ? remote.text()
                    : remote.selectFirst("span.address").text() + " (" + remote.selectFirst("span.cell-note").text() + ")";
            out.add(String.join(" | ", port.selectFirst("a").text(), port.selectFirst("span.cell-note").text(),
                    tr.selectFirst("td.protocol").text(), local.selectFirst("span.address").text(),
                    local.select("span.cell-note").text(), tr.selectFirst("td.state").text(), remoteText,
                    tr.selectFirst("td.process").text()));
        }
        return out;
    }

    /** Each unread line as "line | text | why". */
    static List<String> unread(Document d) {
        List<String> out = new ArrayList<>();
        for (Element tr : d.select("table.unread tbody tr")) {
            out.add(tr.selectFirst("th").text() + " | " + tr.select("td").get(0).text() + " | "
                    + tr.select("td").get(1).text());
        }
        return out;
    }

    @Test
    void get_showsTheForm_andWhatItReads() {
        HttpResponse<byte[]> r = h.get("/explain-output");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
        Document d = page(r);
        HtmlPagesTest.assertAccessibleHtml(d);
        assertThat(d.select("h1").text()).isEqualTo("Explain the output of ss, netstat or lsof");
        assertThat(d.select("link[rel=canonical]").attr("href")).isEqualTo(h.server.url() + "/explain-output");
        Element form = d.selectFirst("main form.explain");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("/explain-output");
        assertThat(form.select("textarea#output").attr("name")).isEqualTo("output");
        assertThat(form.select("textarea#output").text()).isEmpty();
        assertThat(form.select("label[for=output]").text()).isEqualTo("Output of ss, netstat, lsof or PowerShell");
        assertThat(form.select("#output-hint").text()).isEqualTo(
                "At most 256 KiB. What you paste is read for this answer only: it is neither stored nor logged.");
        assertThat(form.select("button[type=submit]").text()).isEqualTo("Explain");
        assertThat(d.select("dl.reads dt").eachText()).containsExactly("Linux", "macOS", "Windows");
        assertThat(d.select("dl.reads code").eachText()).containsExactly("ss -tulpn", "ss -tanp", "netstat -tulpn",
                "lsof -i -n -P", "netstat -ano", "netstat -anob", "Get-NetTCPConnection | ConvertTo-Csv");
        assertThat(d.select("table")).isEmpty();
        assertThat(d.select("p.error")).isEmpty();
        // people find it from the home page and the footer of every page
        assertThat(page(h.get("/")).select("main a[href=/explain-output]").text())
                .isEqualTo("Explain the output of ss, netstat or lsof");
        assertThat(page(h.get("/ports/22")).select("footer a[href=/explain-output]").text())
                .isEqualTo("Explain ss or netstat output");
        assertThat(h.head("/explain-output").statusCode()).isEqualTo(200);
    }

    @Test
    void ssListeners_areExplained_withEachPortsPageAndName_andTheLineItCouldNotRead() {
        HttpResponse<byte[]> r = paste(h, "/explain-output", capture("ss-tulpn.txt"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document d = page(r);
        HtmlPagesTest.assertAccessibleHtml(d);
        assertThat(d.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
        assertThat(d.select("h2").eachText()).containsExactly("What the output shows", "Lines not read",
                "Paste the output", "What it reads");
        assertThat(d.select("section[aria-labelledby=found-h] p[role=status]").text())
                .isEqualTo("Read as ss output: 6 sockets.");
        assertThat(d.select("table.sockets caption").text()).isEqualTo("Sockets in the pasted output");
        // listeners only: no column for peers
        assertThat(d.select("table.sockets thead th").eachText()).containsExactly("Port", "Protocol", "Local address",
                "State", "Process");
        assertThat(d.select("table.sockets td.remote")).isEmpty();
        assertThat(rows(d)).containsExactly(
                "53 | DNS (domain) | UDP | 127.0.0.53 | only from the machine itself | bound (UDP) | — | systemd-resolve (PID 612)",
                "5353 | mDNS (mdns) | UDP | 0.0.0.0 | every address of the machine | bound (UDP) | — | avahi-daemon (PID 700)",
                "22 | ssh | TCP | 0.0.0.0 | every address of the machine | listening | — | sshd (PID 812)",
                "80 | http, www, www-http | TCP | :: | every address of the machine | listening | — | nginx (PID 900) and nginx (PID 901)",
                "5432 | postgresql | TCP | 127.0.0.1 | only from the machine itself | listening | — | not in the output",
                "3000 | Grafana, Ruby on Rails, Next.js | TCP | 0.0.0.0 | every address of the machine | listening | — | node (PID 1500)");
        assertThat(d.select("table.sockets tbody th a").eachAttr("href")).containsExactly("/ports/53", "/ports/5353",
                "/ports/22", "/ports/80", "/ports/5432", "/ports/3000");
        // the names are those of the port lists
        assertThat(page(h.get("/ports/page/21")).select("table.ports tbody tr").eachText()).contains(
                "5353 mDNS (mdns)");
        assertThat(d.select("p.hint").eachText()).contains("Some sockets name no process: ss and netstat on Linux "
                + "show processes only with -p, and only those of the user who ran them (run them as root); netstat on "
                + "Windows shows them with -o.");
        assertThat(d.select("section[aria-labelledby=unread-h] > p").text())
                .isEqualTo("One line is not a socket of this output; here it is with the reason.");
        assertThat(unread(d)).containsExactly("8 | this line was cut by the terminal | Not a socket line of this "
                + "output. In English: has the state \"this\", expected one of ss's (LISTEN, UNCONN, ESTAB, TIME-WAIT...)");
        assertThat(d.select("table.unread span[lang=en]").text()).startsWith("has the state");
        // the paste stays in the form, to be corrected and sent again
        assertThat(d.select("textarea#output").first().wholeText()).isEqualTo(capture("ss-tulpn.txt"));
    }

    @Test
    void ssConnections_nameThePeer_itsPort_andTheKernelInTimeWait() {
        Document d = page(paste(h, "/explain-output", capture("ss-tanp.txt")));
        assertThat(d.select("p[role=status]").text()).isEqualTo("Read as ss output: 5 sockets.");
        assertThat(rows(d)).containsExactly(
                "22 | ssh | TCP | 0.0.0.0 | every address of the machine | listening | — | sshd (PID 812)",
                "22 | ssh | TCP | 10.0.0.5 |  | connected | 10.0.0.9:51234 (unassigned) | sshd (PID 3001)",
                "18850 | unassigned | TCP | 10.0.0.5 |  | connected | 140.82.112.25:443 (https) | git-remote-http (PID 4100)",
                "51000 | unassigned | TCP | 10.0.0.5 |  | TIME-WAIT: closed, the port held a while | 93.184.215.14:80 "
                        + "(http, www, www-http) | none: the kernel holds the port until TIME-WAIT ends",
                "8080 | http-alt | TCP | ::1 | only from the machine itself | CLOSE-WAIT: the peer has closed | "
                        + "[::1]:41000 (unassigned) | java (PID 2200)");
        assertThat(d.select("table.sockets thead th").eachText()).containsExactly("Port", "Protocol", "Local address",
                "State", "Remote end", "Process");
        assertThat(d.select("table.sockets td span.address a").eachAttr("href")).containsExactly("/ports/51234",
                "/ports/443", "/ports/80", "/ports/41000");
        // every socket names its process or says why none: no note, no unread lines
        assertThat(d.select("p.hint").eachText()).noneMatch(t -> t.startsWith("Some sockets"));
        assertThat(d.select("table.unread")).isEmpty();
        assertThat(d.select("h2").eachText()).containsExactly("What the output shows", "Paste the output",
                "What it reads");
    }

    @Test
    void linuxNetstat_saysWhyItsUnixSocketLinesWereNotRead() {
        Document d = page(paste(h, "/explain-output", capture("netstat-linux.txt")));
        assertThat(d.select("p[role=status]").text()).isEqualTo("Read as netstat (Linux) output: 7 sockets.");
        assertThat(rows(d)).hasSize(7).contains("22 | ssh | TCP | 10.0.0.5 |  | connected | 10.0.0.9:51234 "
                + "(unassigned) | sshd: alice [p (PID 3001)");
        assertThat(d.select("section[aria-labelledby=unread-h] > p").text())
                .isEqualTo("2 lines are not sockets of this output; here they are with the reasons.");
        assertThat(unread(d)).containsExactly(
                "11 | Proto RefCnt Flags Type State I-Node PID/Program name Path | A unix socket, not a network one.",
                "12 | unix 2 [ ACC ] STREAM LISTENING 16001 1/init /run/systemd/private | A unix socket, not a "
                        + "network one.");
        assertThat(d.select("table.unread span[lang=en]")).isEmpty();
    }

    /**
     * Each reason the page words itself is one the reader gives for a real line: a change of the
     * reader's words shows here, not as an English reason on a page of another language.
     */
    @Test
    void everyReasonThePageWordsItself_comesFromTheReader() {
        String lsof = "COMMAND     PID   USER   FD   TYPE             DEVICE SIZE/OFF NODE NAME\n"
                + "launchd       1   root    7u  IPv6 0x8a1f0c2b3d4e5f61      0t0  TCP *:22 (LISTEN)\n"
                + "identitys   901  alice   20u  IPv4 0x8a1f0c2b3d4e5fe0      0t0  UDP *:*\n";
        String windows = "  Proto  Local Address          Foreign Address        State           PID\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1012\r\n"
                + "  RpcSs\r\n"
                + "  TCP    192.168.1.20:49811     140.82.112.25:443      ÉTABLI          7712\r\n";
        String powerShell = "\"LocalAddress\",\"LocalPort\",\"RemoteAddress\",\"RemotePort\",\"State\",\"OwningProcess\"\n"
                + "\"::\",\"135\",\"::\",\"0\",\"Listen\",\"1012\"\n"
                + "\"::\",\"136\",\"::\",\"0\",\"Closed\",\"1012\"\n";
        assertThat(unread(page(paste(h, "/explain-output", lsof)))).containsExactly(
                "3 | identitys 901 alice 20u IPv4 0x8a1f0c2b3d4e5fe0 0t0 UDP *:* | Not a TCP or UDP socket with a port.");
        assertThat(unread(page(paste(h, "/explain-output", windows)))).containsExactly(
                "3 | RpcSs | Not a TCP or UDP line of netstat.",
                "4 | TCP 192.168.1.20:49811 140.82.112.25:443 ÉTABLI 7712 | A state that is not read: netstat on "
                        + "Windows writes states in the display language, and only English ones are read.");
        assertThat(unread(page(paste(h, "/explain-output", powerShell)))).containsExactly(
                "3 | \"::\",\"136\",\"::\",\"0\",\"Closed\",\"1012\" | Not a socket this command lists.");
        // and in another language, the same reasons in its words
        assertThat(unread(page(paste(h, "/de/explain-output", windows)))).containsExactly(
                "3 | RpcSs | Keine TCP- oder UDP-Zeile von netstat.",
                "4 | TCP 192.168.1.20:49811 140.82.112.25:443 ÉTABLI 7712 | Ein Zustand, der nicht gelesen wird: "
                        + "netstat unter Windows schreibt Zustände in der Anzeigesprache, gelesen werden nur englische.");
    }

    @Test
    void windowsNetstat_namesTheProcessIds() {
        Document d = page(paste(h, "/explain-output", capture("windows-netstat.txt")));
        assertThat(d.select("p[role=status]").text()).isEqualTo("Read as netstat (Windows) output: 13 sockets.");
        assertThat(rows(d)).startsWith(
                "135 | RPC Endpoint Mapper (epmap) | TCP | 0.0.0.0 | every address of the machine | listening | — | PID 1012",
                "445 | SMB (microsoft-ds) | TCP | 0.0.0.0 | every address of the machine | listening | — | PID 4");
        // a long IPv6 address may break after a colon, and only there
        assertThat(d.select("td.local span.address").get(8).html()).isEqualTo(
                "fe80:<wbr>:<wbr>1c2d:<wbr>3e4f:<wbr>5a6b:<wbr>7c8d%12<wbr>");
        assertThat(d.select("td.local span.address").get(0).html()).isEqualTo("0.0.0.0<wbr>");
    }

    @Test
    void manyUnreadLines_listTheFirstHundred_andCountTheRest() {
        StringBuilder text = new StringBuilder(capture("ss-tanp.txt"));
        for (int i = 0; i < 130; i++) {
            text.append("garbage ").append(i).append('\n');
        }
        Document d = page(paste(h, "/explain-output", text.toString()));
        assertThat(d.select("section[aria-labelledby=unread-h] > p").eachText()).containsExactly(
                "130 lines are not sockets of this output; here they are with the reasons.",
                "30 more lines were not read.");
        assertThat(d.select("table.unread tbody tr")).hasSize(CaptureReport.MOST_UNREAD);
        assertThat(unread(d).get(0)).startsWith("7 | garbage 0 | Not a socket line of this output.");
    }

    @Test
    void nothingPasted_isA400_withTheFormAndTheReason() {
        for (String body : new String[] {"output=", "output=+%0D%0A%09+", "", "other=1"}) {
            HttpResponse<byte[]> r = h.post("/explain-output", body, "Content-Type", FORM);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            Document d = page(r);
            assertThat(d.select("p.error[role=alert]").text()).as(body)
                    .isEqualTo("Nothing was pasted: paste the output of one of the commands below.");
            assertThat(d.select("textarea#output").attr("aria-describedby")).isEqualTo("output-error output-hint");
            assertThat(d.select("table")).isEmpty();
            BadInputTest.assertNoInternals(Harness.text(r));
        }
    }

    @Test
    void binaryPaste_isA400_thatDoesNotShowItAgain() {
        HttpResponse<byte[]> r = paste(h, "/explain-output", "Netid State\n\u0000\u0001\u0002 ELF\u0000");
        assertThat(r.statusCode()).isEqualTo(400);
        Document d = page(r);
        assertThat(d.select("p.error").text()).isEqualTo(
                "What was sent is not text: paste what the command printed, as text.");
        assertThat(d.select("textarea#output").first().wholeText()).isEmpty();
        // bytes that are not UTF-8 are not text either
        HttpResponse<byte[]> latin = h.post("/explain-output", "output=Netid%FFState", "Content-Type", FORM);
        assertThat(latin.statusCode()).isEqualTo(400);
        assertThat(page(latin).select("p.error").text()).isEqualTo(
                "What was sent is not text: paste what the command printed, as text.");
        BadInputTest.assertNoInternals(Harness.text(latin));
    }

    @Test
    void textOfNoKnownCommand_isA400_thatKeepsTheTextToCorrect() {
        String text = "Dear admin,\nport 22 is open <script>alert(1)</script>\n";
        HttpResponse<byte[]> r = paste(h, "/explain-output", text);
        assertThat(r.statusCode()).isEqualTo(400);
        String html = Harness.text(r);
        assertThat(html).doesNotContain("<script>alert");
        Document d = page(r);
        assertThat(d.select("p.error").text()).isEqualTo("This is not output of ss, netstat, lsof or PowerShell that "
                + "the page knows: no line is a header or a socket of those commands. Paste the whole output, with its "
                + "header line.");
        assertThat(d.select("textarea#output").first().wholeText()).isEqualTo(text);
        assertThat(html).doesNotContain("not output this command knows", "the pasted output is not");
        BadInputTest.assertNoInternals(html);
    }

    @Test
    void pasteOver256KiB_is413_announcedOrNot() {
        String message = "The pasted output is larger than 256 KiB, the most this page reads: paste a part of it, such "
                + "as the listening sockets only.";
        // a text over the limit in a body under the body's limit
        String text = capture("ss-tanp.txt") + "x".repeat(ExplainRoutes.MOST_TEXT);
        HttpResponse<byte[]> r = paste(h, "/explain-output", text);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Document d = page(r);
        assertThat(d.select("h1").text()).isEqualTo("413: Request too large");
        assertThat(d.select("main p.lead").text()).isEqualTo(message);
        // a body announced larger than any paste the page reads: refused from its headers. The
        // client waits for the server's word before sending the body (Expect: 100-continue):
        // otherwise the server's close, while the body is still being sent, may reset the
        // connection before the client reads the answer (seen on a loaded machine)
        String huge = "output=" + "%3A".repeat(ExplainRoutes.MOST_TEXT + 400);
        HttpResponse<byte[]> announced = h.send(HttpRequest.newBuilder(h.uri("/explain-output")).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(huge)), "Content-Type", FORM);
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(page(announced).select("main p.lead").text()).isEqualTo(message);
        assertThat(announced.headers().firstValue("Connection")).hasValue("close");
        // sent in chunks, without a length: the limit holds while reading
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofString(huge);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> s) {
                inner.subscribe(s);
            }
        };
        HttpResponse<byte[]> unannounced = h.send(HttpRequest.newBuilder(h.uri("/explain-output")).POST(chunked),
                "Content-Type", FORM);
        assertThat(unannounced.statusCode()).isEqualTo(413);
        assertThat(page(unannounced).select("main p.lead").text()).isEqualTo(message);
    }

    @Test
    void pasteFromAnotherSite_is403() {
        String message = "Pasted output is accepted only from this site's own form.";
        String body = "output=" + Urls.encode(capture("ss-tulpn.txt"));
        for (String[] headers : new String[][] {{"Origin", "https://evil.example"}, {"Origin", "null"},
            {"Sec-Fetch-Site", "cross-site"}}) {
            HttpResponse<byte[]> r = h.post("/explain-output", body, "Content-Type", FORM, headers[0], headers[1]);
            assertThat(r.statusCode()).as(headers[1]).isEqualTo(403);
            assertThat(page(r).select("main p.lead").text()).isEqualTo(message);
            assertThat(Harness.text(r)).doesNotContain("sshd");
        }
    }

    @Test
    void otherMediaTypesAndMethods_areRefused() {
        HttpResponse<byte[]> json = h.post("/explain-output", "{}", "Content-Type", "application/json");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(page(json).select("main p.lead").text()).isEqualTo(
                "Send the form as application/x-www-form-urlencoded, not application/json.");
        HttpResponse<byte[]> none = h.post("/explain-output", "output=x");
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(page(none).select("main p.lead").text()).isEqualTo(
                "Send the form as application/x-www-form-urlencoded; the request names no Content-Type.");
        HttpResponse<byte[]> put = h.method("PUT", "/explain-output");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST, HEAD");
    }

    @Test
    void tooManyPastesFromOneNetwork_is429WithRetryAfter() {
        try (Harness limited = Harness.start(Harness.settings().withPasteLimit(6, 3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(paste(limited, "/explain-output", capture("ss-tanp.txt")).statusCode()).isEqualTo(200);
            }
            HttpResponse<byte[]> r = paste(limited, "/de/explain-output", capture("ss-tanp.txt"));
            assertThat(r.statusCode()).isEqualTo(429);
            long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertThat(wait).isBetween(1L, 10L);
            assertThat(Jsoup.parse(Harness.text(r)).select("main p.lead").text()).isEqualTo(
                    "Zu viele Einfügungen aus Ihrem Netz; versuchen Sie es in "
                            + (wait == 1 ? "einer Sekunde" : wait + " Sekunden") + " erneut.");
            // refused requests spend nothing: a paste from another site is refused for its origin
            assertThat(limited.post("/explain-output", "output=x", "Content-Type", FORM, "Origin", "https://evil.example")
                    .statusCode()).isEqualTo(403);
            // the page itself stays open
            assertThat(limited.get("/explain-output").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void inGermanAndArabic_everyWordIsTheLanguagesAndLinksStayInIt() {
        Document de = page(paste(h, "/de/explain-output", capture("ss-tanp.txt")));
        assertThat(de.select("html").attr("lang")).isEqualTo("de");
        HtmlPagesTest.assertAccessibleHtml(de);
        assertThat(de.select("h1").text()).isEqualTo("Ausgabe von ss, netstat oder lsof erklären");
        assertThat(de.select("p[role=status]").text()).isEqualTo("Gelesen als Ausgabe von ss: 5 Sockets.");
        assertThat(de.select("table.sockets thead th").eachText()).containsExactly("Port", "Protokoll",
                "Lokale Adresse", "Zustand", "Gegenstelle", "Prozess");
        assertThat(rows(de).get(0)).isEqualTo("22 | ssh | TCP | 0.0.0.0 | jede Adresse des Rechners | lauscht | — | "
                + "sshd (PID 812)");
        assertThat(rows(de).get(3)).contains("TIME-WAIT: geschlossen, der Port wird noch eine Weile gehalten");
        assertThat(de.select("table.sockets a").eachAttr("href")).allMatch(href -> href.startsWith("/de/ports/"));
        assertThat(de.select("form.explain").attr("action")).isEqualTo("/de/explain-output");

        Document ar = page(paste(h, "/ar/explain-output", capture("ss-tulpn.txt")));
        assertThat(ar.select("html").attr("lang")).isEqualTo("ar");
        assertThat(ar.select("html").attr("dir")).isEqualTo("rtl");
        HtmlPagesTest.assertAccessibleHtml(ar);
        // the format's name is a left-to-right run between isolate marks
        assertThat(ar.select("p[role=status]").text()).contains("\u2066ss\u2069");
        assertThat(ar.select("table.sockets a").eachAttr("href")).allMatch(href -> href.startsWith("/ar/ports/"));
        // addresses and pasted lines read left to right, as typed
        assertThat(ar.select("span.address").eachAttr("dir")).containsOnly("ltr");
        assertThat(ar.select("table.unread code").attr("dir")).isEqualTo("ltr");
        assertThat(ar.select("table.unread code").text()).isEqualTo("this line was cut by the terminal");
    }

    @Test
    void inEveryLanguage_noEnglishSentenceOfTheFrame() throws IOException {
        List<String> sentences = LanguagesTest.englishFrameSentences();
        List<String> found = new ArrayList<>();
        for (Edition e : h.server.site().editions().subList(1, h.server.site().editions().size())) {
            // listeners and connections, lines in the reasons the page words itself and in the reader's
            for (String text : List.of(capture("ss-tanp.txt") + capture("ss-tulpn.txt"), capture("netstat-linux.txt"))) {
                Document d = Jsoup.parse(Harness.text(paste(h, "/" + e.code() + "/explain-output", text)));
                assertThat(d.select("table.unread tbody tr")).as(e.code()).isNotEmpty();
                // the reader's own words are English by design, and marked so
                d.select("[lang=en]").remove();
                d.select("textarea, code, pre").remove();
                String visible = d.text();
                for (String s : sentences) {
                    if (visible.contains(s)) {
                        found.add(e.code() + ": " + s);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void nothingOfAPaste_isLoggedOrCached(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("access.log");
        String marker = "secret-process-name-4711";
        try (Harness logged = Harness.start(Harness.settings().withAccessLog(log.toString()))) {
            String text = capture("ss-tanp.txt").replace("git-remote-http", marker);
            HttpResponse<byte[]> r = paste(logged, "/explain-output", text);
            assertThat(Harness.text(r)).contains(marker);
            assertThat(Harness.text(logged.get("/explain-output"))).doesNotContain(marker);
            assertThat(Harness.text(logged.get("/de/explain-output"))).doesNotContain(marker);
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"POST /explain-output HTTP/1.1\" 200 ");
        assertThat(String.join("\n", lines)).doesNotContain(marker, "sshd", "output=");
    }
}
