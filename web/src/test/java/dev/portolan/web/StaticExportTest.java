package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.testsupport.Fixtures;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.knowledge.page.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The static export: layout, the same bytes as the live site, determinism, incremental runs,
 * safety. Most tests export the small registry fixture (a few dozen services) so that each export
 * takes seconds; the comparison with the live site uses the baseline the test server runs on.
 */
class StaticExportTest {
    static final String BASE = "https://ports.example";
    static final List<ULocale> EN_AR = List.of(ULocale.ENGLISH, ULocale.forLanguageTag("ar"));
    static final Registry SMALL = Registry.of(Fixtures.xml());
    static PageSource pages;

    @TempDir
    Path dir;

    @BeforeAll
    static void compose() {
        pages = new PortPages(SMALL, Knowledge.embedded())::page;
    }

    /** The pages of the small registry, composed as the program does. */
    static PageSource smallPages() {
        return new PortPages(SMALL, Knowledge.embedded())::page;
    }

    static StaticExport.Totals export(Path out, PageSource source, int first, int last) throws ExportException {
        return export(SMALL, out, source, first, last);
    }

    static StaticExport.Totals export(Registry registry, Path out, PageSource source, int first, int last)
            throws ExportException {
        return export(registry, out, source, "", first, last);
    }

    /**
     * An export whose pages come from {@code source}, which alters what the registry and
     * knowledge give as {@code pagesId} says ({@code ""}: it does not).
     */
    static StaticExport.Totals export(Registry registry, Path out, PageSource source, String pagesId, int first,
            int last) throws ExportException {
        return new StaticExport(new dev.portolan.knowledge.PortSummaries(registry, Knowledge.embedded()), source,
                pagesId, TestPages.history(), new StaticExport.Options(out, EN_AR, new PortRange(first, last),
                BASE, 2, Gzip.at(Gzip.DEFAULT_LEVEL))).run();
    }

    /** The SHA-256 of a file, in hexadecimal. */
    static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Every file of an export (gzip forms and the manifest included) and its bytes. */
    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void writesEveryKindOfFile_withItsGzipForm() throws Exception {
        StaticExport.Totals t = export(dir, pages, 0, 300);
        for (String f : List.of("index.html", "ar/index.html", "ports.html", "ports/page/2.html", "ar/ports/page/2.html",
                "ranges/system.html", "ranges/system/page/2.html", "ar/ranges/system/page/2.html", "ports/0.html",
                "ports/300.html", "ar/ports/80.html", "services/ntp.html", "ar/services/ssh.html", "search.html",
                "explain-output.html", "ar/explain-output.html",
                "404.html", "ar/404.html", "api/v1/ports/80.json", "ar/api/v1/ports/80.json",
                "api/v1/services/ssh.json", "api/v1/openapi.json", "sitemap.xml", "sitemaps/en-pages.xml",
                "sitemaps/ar-ports-0.xml", "robots.txt")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
            assertThat(Harness.gunzip(Files.readAllBytes(dir.resolve(f + ".gz")))).as(f + ".gz")
                    .isEqualTo(Files.readString(dir.resolve(f)));
        }
        assertThat(dir.resolve("ports/301.html")).doesNotExist();
        // the lists hold the ports exported: two pages of them, in the system range only
        assertThat(dir.resolve("ports/page/3.html")).doesNotExist();
        assertThat(dir.resolve("ranges/user.html")).doesNotExist();
        assertThat(dir.resolve("ranges/dynamic.html")).doesNotExist();
        assertThat(dir.resolve("es")).doesNotExist();
        // the registry's releases, in both languages
        for (String f : List.of("registry/changes/index.html", "registry/changes/2025-12-15.html",
                "registry/changes/2018-12-18.html", "registry/changes.atom", "ar/registry/changes/index.html",
                "ar/registry/changes/2024-08-01.html", "ar/registry/changes.atom")) {
            assertThat(dir.resolve(f)).as(f).isRegularFile();
            assertThat(dir.resolve(f + ".gz")).as(f + ".gz").isRegularFile();
        }
        assertThat(dir.resolve("registry/changes/2017-03-10.html")).doesNotExist();
        assertThat(Files.readString(dir.resolve("sitemaps/ar-pages.xml")))
                .contains("<loc>https://ports.example/ar/registry/changes/2025-12-15</loc>");
        assertThat(Files.readString(dir.resolve("registry/changes.atom")))
                .contains("<id>https://ports.example/registry/changes/2025-12-15</id>");
        try (Stream<Path> assets = Files.list(dir.resolve("assets"))) {
            assertThat(assets.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".gz")))
                    .hasSize(3).allMatch(n -> n.matches("(site|feedback|icon)\\.[0-9a-f]{12}\\.(css|js|svg)"));
        }
        Map<String, byte[]> all = files(dir);
        assertThat(all.keySet()).noneMatch(n -> n.endsWith(".portolan-tmp"));
        long html = all.keySet().stream().filter(n -> n.endsWith(".html")).count();
        assertThat(t.pages()).isEqualTo(html);
        assertThat(t.files()).isEqualTo(all.keySet().stream().filter(n -> !n.endsWith(".gz")
                && !n.equals(StaticExport.MANIFEST)).count());
        assertThat(t.written()).isEqualTo(t.files());
        assertThat(t.unchanged()).isZero();
        assertThat(t.removed()).isZero();
        // the API files carry no votes: a static file cannot count them
        assertThat(Files.readString(dir.resolve("api/v1/ports/80.json"))).doesNotContain("\"feedback\"")
                .contains("\"url\":\"https://ports.example/ports/80\"");
        assertThat(Files.readString(dir.resolve("ar/api/v1/ports/80.json")))
                .contains("\"url\":\"https://ports.example/ar/ports/80\"");
        // lists and sitemaps name only what was exported
        assertThat(Files.readString(dir.resolve("sitemaps/en-ports-0.xml"))).contains("/ports/300<")
                .doesNotContain("/ports/301<");
        assertThat(Files.readString(dir.resolve("sitemap.xml"))).contains("ar-pages.xml").doesNotContain("es-");
        assertThat(Files.readString(dir.resolve("ports/80.html"))).contains("hreflang=\"ar\"")
                .doesNotContain("hreflang=\"es\"");
        // a static host cannot answer the explain page's POST: the page says what it reads, without a form
        org.jsoup.nodes.Document explain = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("explain-output.html")));
        assertThat(explain.select("form.explain, textarea, form[method=post]")).isEmpty();
        assertThat(explain.select("section[aria-labelledby=paste-h] p").first().text()).isEqualTo(
                "This copy of the site is a set of static files: it cannot read pasted output.");
        assertThat(explain.select("dl.reads code").eachText()).contains("ss -tulpn", "netstat -ano");
        // the pages that link to it link to a file the export holds
        assertThat(org.jsoup.Jsoup.parse(Files.readString(dir.resolve("index.html"))).select("a[href=/explain-output]"))
                .isNotEmpty();
        assertThat(org.jsoup.Jsoup.parse(Files.readString(dir.resolve("ar/ports/80.html")))
                .select("a[href=/ar/explain-output]")).isNotEmpty();
        assertThat(dir.resolve("ar/explain-output.html")).isRegularFile();
        assertThat(Files.readString(dir.resolve("sitemaps/ar-pages.xml"))).contains("/ar/explain-output<");
    }

    /**
     * No page of the registry's releases links to a page the export did not write: the releases
     * link only the port pages of the ports exported; the home pages link the list of releases.
     */
    @Test
    void thePagesOfTheReleases_linkOnlyToPagesTheExportWrote() throws Exception {
        export(dir, pages, 0, 300);
        List<String> checked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                String name = dir.relativize(p).toString();
                if (!name.contains("registry/")) {
                    continue;
                }
                checked.add(name);
                for (org.jsoup.nodes.Element a : org.jsoup.Jsoup.parse(Files.readString(p)).select("a[href^=/]")) {
                    String href = a.attr("href").replaceAll("[?#].*", "");
                    if (!written(href)) {
                        missing.add(name + " -> " + href);
                    }
                }
            }
        }
        assertThat(checked).contains("registry/changes/index.html", "registry/changes/2025-12-15.html",
                "ar/registry/changes/2020-12-29.html");
        assertThat(missing).isEmpty();
        for (String home : List.of("index.html", "ar/index.html")) {
            List<String> links = org.jsoup.Jsoup.parse(Files.readString(dir.resolve(home)))
                    .select("a[href$=/registry/changes/]").eachAttr("href");
            assertThat(links).as(home).hasSize(1).allMatch(this::written);
        }
        // a record beyond the ports exported is named, not linked
        String release = Files.readString(dir.resolve("registry/changes/2025-12-15.html"));
        assertThat(release).contains("<a class=\"port\" href=\"/ports/300\">Port 300</a>")
                .contains("<span class=\"port\">Port 2794</span>").doesNotContain("href=\"/ports/2794\"");
    }

    /** Whether an export holds the page of an address, as deploy/nginx.conf finds it. */
    private boolean written(String href) {
        String path = href.substring(1);
        return path.isEmpty() ? Files.isRegularFile(dir.resolve("index.html"))
                : Files.isRegularFile(dir.resolve(path)) || Files.isRegularFile(dir.resolve(path + ".html"))
                        || Files.isRegularFile(dir.resolve(path + ".json"))
                        || Files.isRegularFile(dir.resolve(path).resolve("index.html"));
    }

    /** A page without the parts that name the set of languages. */
    static String comparable(String page) {
        return page.replaceAll("(?s)<link rel=\"alternate\" hreflang=[^>]*>\n", "")
                .replaceAll("(?s)<details class=\"languages\">.*?</details>", "")
                .replaceAll("<sitemap><loc>[^<]*sitemaps/(?!en-|ar-)[^<]*</loc></sitemap>\n", "")
                .replaceAll("Disallow: /(?!ar/)[a-z]{2}/search\n", "");
    }

    @Test
    void theSameData_givesTheSameBytes(@TempDir Path other) throws Exception {
        export(dir, pages, 0, 120);
        export(other, pages, 0, 120);
        Map<String, byte[]> a = files(dir);
        Map<String, byte[]> b = files(other);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        List<String> differ = new ArrayList<>();
        for (String name : a.keySet()) {
            if (!java.util.Arrays.equals(a.get(name), b.get(name))) {
                differ.add(name);
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void aSecondExport_writesOnlyWhatChanged_andRemovesOrphans() throws Exception {
        StaticExport.Totals first = export(dir, pages, 0, 200);
        String manifest = Files.readString(dir.resolve(StaticExport.MANIFEST));
        StaticExport.Totals again = export(dir, pages, 0, 200);
        assertThat(again.written()).isZero();
        assertThat(again.unchanged()).isEqualTo(first.files());
        assertThat(again.removed()).isZero();
        assertThat(Files.readString(dir.resolve(StaticExport.MANIFEST))).isEqualTo(manifest);

        // one port's page changes: its page and API file in both languages, nothing else
        PageSource changed = port -> {
            PortPage p = pages.page(port);
            return port != 80 ? p : new PortPage(p.port(), p.range(), p.title(), Text.of("subtitle.zero"),
                    p.summary(), p.breadcrumbs(), p.sections(), p.faq(), p.related(), p.previous(), p.next(),
                    p.footnotes(), p.data(), p.known());
        };
        long before80 = Files.getLastModifiedTime(dir.resolve("ports/81.html")).toMillis();
        StaticExport.Totals third = export(SMALL, dir, changed, "subtitle of port 80", 0, 200);
        assertThat(third.written()).isEqualTo(4);
        assertThat(third.unchanged()).isEqualTo(first.files() - 4);
        assertThat(Files.getLastModifiedTime(dir.resolve("ports/81.html")).toMillis()).isEqualTo(before80);

        // fewer ports: the others' files and gzip forms go, with the service pages of no port left
        // (HTML in two languages and JSON), and nothing else of the directory
        Files.writeString(dir.resolve("mine.txt"), "not Portolan's");
        StaticExport.Totals fourth = export(SMALL, dir, changed, "subtitle of port 80", 0, 150);
        long services = Sitemaps.serviceNames(SMALL.snapshot()).stream()
                .filter(n -> StaticExport.belongs(SMALL.service(n).orElseThrow(), new PortRange(0, 200))
                        && !StaticExport.belongs(SMALL.service(n).orElseThrow(), new PortRange(0, 150)))
                .count();
        assertThat(fourth.removed()).isEqualTo(50 * 4 + services * 3);
        assertThat(dir.resolve("ports/151.html")).doesNotExist();
        assertThat(dir.resolve("ports/151.html.gz")).doesNotExist();
        assertThat(dir.resolve("ar/api/v1/ports/200.json")).doesNotExist();
        assertThat(dir.resolve("ports/150.html")).isRegularFile();
        assertThat(dir.resolve("mine.txt")).hasContent("not Portolan's");
        assertThat(Files.readString(dir.resolve(StaticExport.MANIFEST))).doesNotContain("ports/151.html\t");
    }

    @Test
    void aNewerRegistry_rewritesOnlyThePagesWhoseRecordsChanged() throws Exception {
        export(dir, pages, 0, 200);
        // the next registry: one description of port 22 changed, and a newer date
        String xml = Fixtures.text(Fixtures.XML).replace("The Secure Shell (SSH) Protocol", "The Secure Shell Protocol")
                .replace(Fixtures.XML_UPDATED, "2026-01-31");
        Registry newer = Registry.of(Fixtures.readBytes(xml.getBytes(StandardCharsets.UTF_8), "newer.xml"));
        String page60 = Files.readString(dir.resolve("ports/60.html"));
        StaticExport.Totals t = export(newer, dir, new PortPages(newer, Knowledge.embedded())::page, 0, 200);
        Map<String, byte[]> now = files(dir);
        assertThat(Files.readString(dir.resolve("ports/22.html"))).contains("The Secure Shell Protocol");
        assertThat(Files.readString(dir.resolve("ports/60.html"))).isEqualTo(page60);
        // port 22's page and API file, the service page of ssh, the lists showing it, the home page with
        // the registry's date: in both languages; nothing else
        assertThat(t.written()).as("written").isBetween(4L, 40L);
        assertThat(t.removed()).isZero();
        assertThat(t.unchanged()).isEqualTo(t.files() - t.written());
        assertThat(now).containsKey("ports/22.html");
    }

    @Test
    void aDirectoryOfSomethingElse_isRefusedUntouched() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> export(dir, pages, 0, 10)).isInstanceOf(ExportException.class)
                .hasMessageContaining("is not empty and holds no Portolan export");
        assertThat(files(dir).keySet()).containsExactly("notes.txt");

        Path file = dir.resolve("notes.txt");
        assertThatThrownBy(() -> export(file, pages, 0, 10)).hasMessageContaining("is not a directory");
    }

    @Test
    void fileSystemErrors_sayWhatWentWrong() {
        assertThat(StaticExport.reason(new java.nio.file.NoSuchFileException("/x/ports/1.html")))
                .isEqualTo("no such file or directory: /x/ports/1.html");
        assertThat(StaticExport.reason(new java.nio.file.AccessDeniedException("/x")))
                .isEqualTo("permission denied: /x");
        assertThat(StaticExport.reason(new java.nio.file.FileSystemException("/x", null, "No space left on device")))
                .isEqualTo("/x: No space left on device");
        assertThat(StaticExport.reason(new IOException("disk on fire"))).isEqualTo("disk on fire");
    }

    @Test
    void aDamagedManifest_isRefusedUntouched() throws Exception {
        export(dir, pages, 0, 5);
        Files.writeString(dir.resolve(StaticExport.MANIFEST), "# portolan static export: path, sha-256, bytes\n"
                + "../../etc/passwd\tx\t1\n");
        Map<String, byte[]> before = files(dir);
        assertThatThrownBy(() -> export(dir, pages, 0, 5)).isInstanceOf(ExportException.class)
                .hasMessageContaining("line 2 is damaged");
        assertThat(files(dir).keySet()).isEqualTo(before.keySet());
        Files.writeString(dir.resolve(StaticExport.MANIFEST), "something else\n");
        assertThatThrownBy(() -> export(dir, pages, 0, 5)).hasMessageContaining("is not a Portolan export manifest");
    }

    @Test
    void aFailedExport_leavesWholeFiles_andTheEarlierManifest() throws Exception {
        export(dir, pages, 0, 100);
        String manifest = Files.readString(dir.resolve(StaticExport.MANIFEST));
        PageSource failing = port -> {
            if (port == 60) {
                throw new UncheckedIOException(new IOException("disk on fire"));
            }
            PortPage p = pages.page(port);
            return new PortPage(p.port(), p.range(), p.title(), Text.of("subtitle.zero"), p.summary(),
                    p.breadcrumbs(), p.sections(), p.faq(), p.related(), p.previous(), p.next(), p.footnotes(),
                    p.data(), p.known());
        };
        assertThatThrownBy(() -> export(SMALL, dir, failing, "failing at port 60", 0, 100))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("disk on fire");
        // the manifest says the export did not complete, and still names every file
        String unfinished = Files.readString(dir.resolve(StaticExport.MANIFEST));
        assertThat(unfinished.lines().skip(1).findFirst()).hasValue("state\twriting");
        assertThat(unfinished).contains("ports/99.html\t");
        for (Map.Entry<String, byte[]> f : files(dir).entrySet()) {
            assertThat(f.getKey()).doesNotEndWith(".portolan-tmp");
            if (f.getKey().endsWith(".html")) {
                assertThat(new String(f.getValue(), StandardCharsets.UTF_8)).as(f.getKey()).contains("</html>");
            }
        }
        // the next good export repairs everything
        StaticExport.Totals t = export(dir, pages, 0, 100);
        assertThat(t.written()).isPositive();
        assertThat(Files.readString(dir.resolve(StaticExport.MANIFEST))).isEqualTo(manifest);
    }
}
