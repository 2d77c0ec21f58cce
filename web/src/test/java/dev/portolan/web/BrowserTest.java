package dev.portolan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackCounts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The site in a real browser: Debian's chromium driven through its own chromedriver (never a
 * downloaded one). Opens port pages, searches, votes with and without script, checks contrast
 * and phone width in light and dark themes, runs axe-core's accessibility rules, and saves
 * screenshots to {@code target/screenshots}. Skipped when chromium is not installed (Debian:
 * apt-get install chromium chromium-driver).
 */
class BrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** The path of axe-core's axe.min.js, as {@code scripts/fetch-axe-core} prints it. */
    static final String AXE_VARIABLE = "PORTOLAN_AXE_CORE";
    /** Set where the axe-core checks must run (the CI fetches axe-core): without it they fail. */
    static final String EXPECT_AXE_VARIABLE = "PORTOLAN_EXPECT_AXE";
    /** The rules axe-core runs: WCAG 2.0 and 2.1, levels A and AA, and its best practices. */
    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
            "best-practice");

    private static Harness h;
    private ChromeDriverService service;
    private ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "browser tests skipped: needs /usr/bin/chromium and /usr/bin/chromedriver "
                        + "(Debian: apt-get install chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        h = Harness.start();
    }

    @AfterAll
    static void stop() {
        if (h != null) {
            h.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = open(true);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private ChromeDriver open(boolean javascript) {
        if (service == null) {
            service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                    .withLogFile(new File("target/chromedriver.log")).build();
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US", "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return d;
    }

    private void go(String path) {
        browser.get(h.server.url() + path);
    }

    /** A screenshot of the whole page at the given width and colour scheme. */
    private void shot(String name, int width, String scheme) {
        browser.executeScript("document.activeElement && document.activeElement.blur()");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                "deviceScaleFactor", 1, "mobile", width < 600));
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                (int) Math.min(height, 12_000), "deviceScaleFactor", 1, "mobile", width < 600));
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        try {
            Files.write(SHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The lowest contrast ratio of visible text on the page, in the current colour scheme. */
    private double lowestContrast() {
        Object r = browser.executeScript(String.join("\n",
                "function rgb(s) { const m = s.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : m.concat([1]); }",
                "function lum(c) { const a = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });",
                "  return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; }",
                "function bg(e) { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);",
                "  if (c[3] > 0.5) return c; } return [255, 255, 255, 1]; }",
                "let worst = 21, where = '';",
                "for (const e of document.querySelectorAll('body *')) {",
                "  if (!e.offsetParent && e.tagName !== 'BODY') continue;",
                "  const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());",
                "  if (!own) continue;",
                "  const s = getComputedStyle(e); if (s.visibility === 'hidden' || s.display === 'none') continue;",
                "  const a = lum(rgb(s.color)), b = lum(bg(e));",
                "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);",
                "  if (ratio < worst) { worst = ratio; where = e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40); }",
                "}",
                "return [worst, where];"));
        List<?> result = (List<?>) r;
        double worst = ((Number) result.get(0)).doubleValue();
        assertThat(worst).as("lowest contrast at %s", result.get(1)).isGreaterThanOrEqualTo(4.5);
        return worst;
    }

    /**
     * At the narrowest width WCAG 1.4.10 asks for (320 CSS px), a phone's (390) and a desktop's
     * (1280) no page scrolls sideways, in a left-to-right language, a right-to-left one and one
     * without spaces between words; the pages include the operating systems' table, the longest
     * commands (60327) and a release of the registry with its 140 records.
     */
    @Test
    void noPageScrollsSideways_at320_390And1280px_inEnglishArabicAndJapanese() {
        List<String> overflowing = new java.util.ArrayList<>();
        for (String lang : List.of("", "/ar", "/ja")) {
            for (String path : List.of("/", "/ports/443", "/ports/60", "/ports/60327", "/ports/25565", "/ports",
                    "/ranges/system", "/search?q=redis", "/services/https", "/registry/changes/",
                    "/registry/changes/2025-12-15")) {
                go(lang + path);
                for (int width : List.of(320, 390, 1280)) {
                    String over = overflow(width);
                    if (over != null) {
                        overflowing.add(lang + path + " at " + width + " px: " + over);
                    }
                }
            }
        }
        assertThat(overflowing).isEmpty();
    }

    /**
     * The axe.min.js named by {@value #AXE_VARIABLE}; without it the axe-core checks are skipped,
     * or fail where {@value #EXPECT_AXE_VARIABLE}{@code =1} says they must run.
     */
    private static String axeCore() throws IOException {
        String named = System.getenv(AXE_VARIABLE);
        Path file = named == null || named.isBlank() ? null : Path.of(named);
        if (file == null || !Files.isRegularFile(file)) {
            String problem = file == null ? AXE_VARIABLE + " is not set" : AXE_VARIABLE + "=" + named + " is no file";
            if ("1".equals(System.getenv(EXPECT_AXE_VARIABLE))) {
                fail(problem + ", but " + EXPECT_AXE_VARIABLE + "=1 requires the axe-core checks; run "
                        + AXE_VARIABLE + "=\"$(scripts/fetch-axe-core)\"");
            }
            assumeTrue(false, "axe-core checks skipped: " + problem + " (" + AXE_VARIABLE
                    + "=\"$(scripts/fetch-axe-core)\" runs them)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * axe-core finds no violation of WCAG 2.0 and 2.1 (A and AA) nor of its best practices on port
     * pages, the home page, a search's results, a range, the list of ports, a service, an error,
     * the list of the registry's releases and the page of one release, in a left-to-right language, a right-to-left one and one without spaces between
     * words, at 320, 390 and 1280 px (at 390 px also in the dark scheme); and on a port page in
     * every other language, whose words and digits differ.
     */
    @Test
    void axeCore_findsNoViolations_onEveryKindOfPage_inThreeLanguagesAndWidths() throws IOException {
        String axe = axeCore();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        List<String> violations = new ArrayList<>();
        int runs = 0;
        for (String lang : List.of("", "/ar", "/ja")) {
            for (String path : List.of("/ports/60", "/ports/443", "/ports/60327", "/", "/search?q=dns",
                    "/ranges/system", "/ports", "/ports/22", "/services/https", "/no-such-page", "/registry/changes/",
                    "/registry/changes/2025-12-15")) {
                go(lang + path);
                browser.executeScript(axe);
                for (int width : List.of(320, 390, 1280)) {
                    for (String scheme : width == 390 ? List.of("light", "dark") : List.of("light")) {
                        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                                "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
                        for (String v : axeViolations()) {
                            violations.add(lang + path + " at " + width + " px, " + scheme + ": " + v);
                        }
                        runs++;
                    }
                }
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
        for (String lang : List.of("/es", "/pt", "/fr", "/de", "/ru", "/zh", "/hi", "/bn", "/id", "/vi", "/fa",
                "/ps")) {
            go(lang + "/ports/443");
            browser.executeScript(axe);
            for (String v : axeViolations()) {
                violations.add(lang + "/ports/443 at 1280 px, light: " + v);
            }
            runs++;
        }
        assertThat(runs).isEqualTo(3 * 12 * 4 + 12);
        assertThat(violations).as("axe-core %s violations", AXE_TAGS).isEmpty();
    }

    /** The states of the explain page a test visits: its form, two reports and a refusal. */
    private static final List<String> EXPLAIN_STATES = List.of("form", "ss-tulpn.txt", "ss-tanp.txt", "refused");

    /**
     * Brings the browser to a state of the explain page in a language: the empty form, the report
     * of a capture pasted into it (a script fills the box; the form posts as without script), or
     * the refusal of a text of no known command.
     */
    private void explain(String lang, String state) {
        go(lang + "/explain-output");
        if (state.equals("form")) {
            return;
        }
        String text = state.equals("refused") ? "Dear admin,\nport 22 is open.\n" : ExplainTest.capture(state);
        browser.executeScript("document.getElementById('output').value = arguments[0]", text);
        browser.findElement(By.cssSelector("form.explain button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(state.equals("refused") ? "p.error" : "table.sockets")));
    }

    /**
     * The explain page posts a paste without script and answers with its sockets, each port a
     * link to its page; its form, reports and refusals scroll sideways at no width, in English,
     * Arabic and Japanese.
     */
    @Test
    void explainPage_postsAPasteWithoutScript_andFitsEveryWidth() {
        browser.quit();
        service = null; // quitting stopped it
        browser = open(false);
        go("/explain-output");
        browser.findElement(By.id("output")).sendKeys(ExplainTest.capture("ss-tulpn.txt"));
        browser.findElement(By.cssSelector("form.explain button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("table.sockets")));
        assertThat(browser.getCurrentUrl()).endsWith("/explain-output");
        assertThat(browser.findElement(By.cssSelector("p[role=status]")).getText())
                .isEqualTo("Read as ss output: 6 sockets.");
        assertThat(browser.findElements(By.cssSelector("table.sockets tbody th a")).stream()
                .map(a -> a.getDomAttribute("href")).toList()).containsExactly("/ports/53", "/ports/5353",
                        "/ports/22", "/ports/80", "/ports/5432", "/ports/3000");
        shot("explain-ss-light", 1280, "light");
        shot("explain-ss-phone-light", 390, "light");
        shot("explain-ss-phone-dark", 390, "dark");
        browser.findElement(By.linkText("22")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/ports/22$"));

        browser.quit();
        service = null;
        browser = open(true);
        List<String> overflowing = new ArrayList<>();
        for (String lang : List.of("", "/ar", "/ja")) {
            for (String state : EXPLAIN_STATES) {
                explain(lang, state);
                assertThat(cspViolations()).isEmpty();
                for (int width : List.of(320, 390, 1280)) {
                    String over = overflow(width);
                    if (over != null) {
                        overflowing.add(lang + "/explain-output (" + state + ") at " + width + " px: " + over);
                    }
                }
            }
        }
        explain("/ar", "ss-tanp.txt");
        shot("explain-ss-ar-phone-light", 390, "light");
        assertThat(overflowing).isEmpty();
    }

    /**
     * axe-core finds no violation on the explain page: its form, the reports of two captures and a
     * refusal, in English, Arabic and Japanese, at 320, 390 and 1280 px (at 390 px in the dark
     * scheme too).
     */
    @Test
    void axeCore_findsNoViolations_onTheExplainPage() throws IOException {
        String axe = axeCore();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        List<String> violations = new ArrayList<>();
        int runs = 0;
        for (String lang : List.of("", "/ar", "/ja")) {
            for (String state : EXPLAIN_STATES) {
                explain(lang, state);
                browser.executeScript(axe);
                for (int width : List.of(320, 390, 1280)) {
                    for (String scheme : width == 390 ? List.of("light", "dark") : List.of("light")) {
                        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                                List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                                "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
                        for (String v : axeViolations()) {
                            violations.add(lang + "/explain-output (" + state + ") at " + width + " px, " + scheme + ": " + v);
                        }
                        runs++;
                    }
                }
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
        assertThat(runs).isEqualTo(3 * 4 * 4);
        assertThat(violations).as("axe-core %s violations", AXE_TAGS).isEmpty();
    }

    /**
     * axe-core's violations in the current page: each rule's id, impact and help, with the first
     * few of the elements it names (CSS selectors) and how many there are in all.
     */
    private List<String> axeViolations() {
        Object r = browser.executeAsyncScript(String.join("\n",
                "const done = arguments[arguments.length - 1];",
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})",
                "  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' ['",
                "    + v.nodes.slice(0, 4).map(n => n.target.join(' > ')).join(', ')",
                "    + (v.nodes.length > 4 ? ', ... ' + v.nodes.length + ' elements in all' : '') + ']')),",
                "    e => done(['axe-core failed: ' + e]));"), AXE_TAGS);
        return ((List<?>) r).stream().map(String::valueOf).toList();
    }

    /**
     * A command's copy button is reached with the keyboard alone (Tab, then Enter) and puts the
     * command, exactly as shown, on the clipboard; the command box itself takes focus, so a long
     * line can be scrolled with the arrow keys.
     */
    @Test
    void copyButton_copiesTheExactCommand_withTheKeyboardAlone() {
        go("/ports/22");
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", h.server.url(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement pre = browser.findElement(By.cssSelector("dd.command pre"));
        String command = pre.findElement(By.tagName("code")).getText();
        assertThat(pre.getAttribute("tabindex")).isEqualTo("0");
        WebElement button = browser.findElement(By.cssSelector("dd.command button.copy"));
        assertThat(button.isDisplayed()).isTrue();
        // keyboard only: focus the command box, then Tab to its button and press Enter
        browser.executeScript("arguments[0].focus()", pre);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement()).isEqualTo(button);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElement(button,
                "Copied"));
        Object copied = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('error: ' + e))");
        assertThat(copied).isEqualTo(command);
        assertThat(command).isNotBlank();
    }

    /**
     * The registry's table fits the column at 1280 px without scrolling sideways, and on a phone
     * becomes rows of labelled lines, still a table to assistive technology.
     */
    @Test
    void registryTable_fitsADesktop_andBecomesLabelledRowsOnAPhone() {
        for (String lang : List.of("", "/ar", "/de")) {
            go(lang + "/ports/443");
            for (int width : List.of(1280, 390, 320)) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                        "deviceScaleFactor", 1, "mobile", width < 600));
                List<?> r = (List<?>) browser.executeScript(String.join("\n",
                        "const wrap = document.querySelector('#assignments .table-wrap');",
                        "const td = wrap.querySelector('tbody td');",
                        "return [wrap.scrollWidth - wrap.clientWidth, getComputedStyle(td, '::before').content,",
                        "  wrap.querySelector('table').getAttribute('role'), td.getAttribute('role')];"));
                assertThat(((Number) r.get(0)).intValue()).as("%s at %d px: sideways scroll", lang, width)
                        .isLessThanOrEqualTo(0);
                if (width < 600) {
                    assertThat((String) r.get(1)).as("%s at %d px: label", lang, width).isNotIn("none", "normal", "");
                } else {
                    assertThat((String) r.get(1)).isIn("none", "normal");
                }
                assertThat(List.of(r.get(2), r.get(3))).isEqualTo(List.of("table", "cell"));
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    /** The header takes one row on a desktop and at most two on a phone, in every script. */
    @Test
    void header_takesOneRowOnADesktop_andTwoOnAPhone() {
        List<String> wrong = new java.util.ArrayList<>();
        for (String lang : List.of("", "/ar", "/ja", "/de", "/ru")) {
            go(lang + "/ports/443");
            for (int width : List.of(320, 390, 1280)) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                        "deviceScaleFactor", 1, "mobile", width < 600));
                long rows = ((Number) browser.executeScript(String.join("\n",
                        "const tops = [...document.querySelectorAll('.bar > *')].map(e => e.getBoundingClientRect())",
                        "  .map(b => Math.round(b.top + b.height / 2));",
                        "const rows = []; for (const t of tops.sort((a, b) => a - b)) {",
                        "  if (!rows.length || t - rows[rows.length - 1] > 12) rows.push(t); }",
                        "return rows.length;"))).longValue();
                if (rows > (width < 600 ? 2 : 1)) {
                    wrong.add(lang + " at " + width + " px: " + rows + " rows");
                }
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** At a phone's width (390 px) the page does not scroll sideways. */
    /** How far the page scrolls sideways at this width and its first element past the edge, or null. */
    private String overflow(int width) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                "deviceScaleFactor", 1, "mobile", width < 600));
        try {
            List<?> result = (List<?>) browser.executeScript(String.join("\n",
                    "const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                    "let widest = '';",
                    "if (over > 0) { for (const e of document.querySelectorAll('body *')) {",
                    "  const b = e.getBoundingClientRect();",
                    "  if (b.right > document.documentElement.clientWidth + 1 || b.left < -1) {",
                    "    widest = e.tagName + '.' + e.className + ' ' + Math.round(b.left) + '..' + Math.round(b.right); break; } } }",
                    "return [over, widest];"));
            int over = ((Number) result.get(0)).intValue();
            return over > 0 ? over + " px over, " + result.get(1) : null;
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void assertNoOverflowAtPhoneWidth() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                "deviceScaleFactor", 1, "mobile", true));
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0);
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to")).toList();
    }

    @Test
    void portPages_renderInLightDarkAndPhoneWidths() {
        for (int port : new int[] {60, 443, 60327}) {
            go("/ports/" + port);
            assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Port " + port);
            assertThat(browser.findElements(By.cssSelector("ol.notes li"))).isNotEmpty();
            // the structured data is readable in the page, and the policy blocked nothing
            Object types = browser.executeScript("return [...document.querySelectorAll("
                    + "'script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent)['@type'])");
            assertThat(((List<?>) types).stream().map(String::valueOf).toList()).contains("BreadcrumbList", "FAQPage");
            assertThat(cspViolations()).isEmpty();
            // the skip link is the first stop of the keyboard and becomes visible
            browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getAttribute("class")).isEqualTo("skip");
            assertThat(focused.getRect().getY()).isGreaterThanOrEqualTo(0);

            shot("port-" + port + "-light", 1280, "light");
            double light = lowestContrast();
            shot("port-" + port + "-dark", 1280, "dark");
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            double dark = lowestContrast();
            String background = (String) browser.executeScript("return getComputedStyle(document.body).backgroundColor");
            assertThat(background).isEqualTo("rgb(20, 23, 27)");
            assertThat(light).isGreaterThanOrEqualTo(4.5);
            assertThat(dark).isGreaterThanOrEqualTo(4.5);

            assertNoOverflowAtPhoneWidth();
            shot("port-" + port + "-phone-light", 390, "light");
            shot("port-" + port + "-phone-dark", 390, "dark");
        }
    }

    /**
     * Arabic and Pashto pages run right to left, mirrored (the brand at the right edge, the
     * switcher at the left), while command blocks stay left to right; the language switcher opens
     * without script and leads to the same page in another language.
     */
    @Test
    void rightToLeftPages_mirrorTheLayout_butNotTheCommands() {
        for (String lang : List.of("ar", "ps")) {
            go("/" + lang + "/ports/443");
            assertThat(browser.executeScript("return getComputedStyle(document.body).direction")).isEqualTo("rtl");
            assertThat(browser.executeScript("return document.documentElement.lang")).isEqualTo(lang);
            WebElement pre = browser.findElement(By.cssSelector("dl.commands pre"));
            assertThat(browser.executeScript("return getComputedStyle(arguments[0]).direction", pre)).isEqualTo("ltr");
            assertThat(browser.executeScript("return getComputedStyle(arguments[0]).textAlign", pre)).isEqualTo("left");
            // the command's text starts at the block's left edge, as typed
            Number preLeft = (Number) browser.executeScript("return arguments[0].getBoundingClientRect().left", pre);
            Number codeLeft = (Number) browser.executeScript(
                    "const r = document.createRange(); r.selectNodeContents(arguments[0].querySelector('code'));"
                            + " return r.getClientRects()[0].left", pre);
            assertThat(codeLeft.doubleValue() - preLeft.doubleValue()).isBetween(0.0, 20.0);
            // mirrored: the brand sits right of the language switcher
            Number brand = (Number) browser.executeScript(
                    "return document.querySelector('.brand').getBoundingClientRect().left");
            Number switcher = (Number) browser.executeScript(
                    "return document.querySelector('details.languages').getBoundingClientRect().left");
            assertThat(brand.doubleValue()).isGreaterThan(switcher.doubleValue());
            assertThat(cspViolations()).isEmpty();
            shot("port-443-" + lang + "-light", 1280, "light");
            assertThat(lowestContrast()).isGreaterThanOrEqualTo(4.5);
            assertNoOverflowAtPhoneWidth();
            shot("port-443-" + lang + "-phone-dark", 390, "dark");
        }
        go("/ps/ports/443");
        browser.findElement(By.cssSelector("details.languages summary")).click();
        shot("port-443-ps-switcher", 1280, "light");
        browser.findElement(By.cssSelector("details.languages a[hreflang=fr]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/fr/ports/443"));
        assertThat(browser.executeScript("return getComputedStyle(document.body).direction")).isEqualTo("ltr");
    }

    @Test
    void search_fromTheHomePage() {
        go("/");
        shot("home-light", 1280, "light");
        shot("home-phone-dark", 390, "dark");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("remote desktop");
        box.submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("results-h")));
        assertThat(browser.getCurrentUrl()).endsWith("/search?q=remote+desktop");
        List<String> hits = browser.findElements(By.cssSelector("ol.hits li")).stream()
                .map(WebElement::getText).toList();
        assertThat(hits.get(0)).startsWith("Port 3389 RDP (ms-wbt-server) TCP, UDP");
        shot("search-light", 1280, "light");
        browser.findElement(By.linkText("Port 3389")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/ports/3389");
        // one port goes straight to its page
        go("/");
        browser.findElement(By.id("q")).sendKeys("22");
        browser.findElement(By.id("q")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/ports/22$"));
    }

    @Test
    void vote_withScript_usesTheApiAndShowsTheThanks() throws StoreException {
        FeedbackCounts before = h.feedback.counts(443);
        go("/ports/443");
        WebElement helpful = browser.findElement(By.cssSelector("button[value=helpful]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", helpful);
        helpful.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("thanks")));
        assertThat(browser.getCurrentUrl()).endsWith("/ports/443");
        assertThat(browser.findElement(By.id("thanks")).getText()).isEqualTo("Thank you: your reaction was recorded.");
        assertThat(h.feedback.counts(443).helpful()).isEqualTo(before.helpful() + 1);
        assertThat(cspViolations()).isEmpty();
        shot("vote-script", 1280, "light");
    }

    @Test
    void vote_withoutScript_postsTheFormAndComesBack() throws StoreException {
        browser.quit();
        service = null; // quitting stopped it
        browser = open(false);
        FeedbackCounts before = h.feedback.counts(60);
        go("/ports/60");
        assertThat(browser.findElement(By.id("thanks")).isDisplayed()).isFalse();
        WebElement unhelpful = browser.findElement(By.cssSelector("button[value=unhelpful]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", unhelpful);
        unhelpful.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("#thanks"));
        assertThat(browser.getCurrentUrl()).endsWith("/ports/60#thanks");
        assertThat(browser.findElement(By.id("thanks")).isDisplayed()).isTrue();
        assertThat(h.feedback.counts(60).unhelpful()).isEqualTo(before.unhelpful() + 1);
        shot("vote-form", 390, "dark");
    }
}
