package dev.portolan.knowledge.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.testsupport.SharedRegistryData;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.PortPages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every port page is fully translated: 200 ports drawn with a fixed seed and the edges of the
 * ranges, over the embedded baseline and (when its data is present) the full IANA registry, with
 * their timelines across the registry's releases, each
 * rendered as text in every language. No page shows a raw message key, an unfilled or empty
 * argument or {@code null}, and no page in another language than English keeps an English sentence of ours
 * (see {@link EnglishLeftovers} for what counts as ours and what as data). Every message of every
 * bundle, including plural and select branches no sampled page reaches, is checked as well.
 */
class TranslatedPagesTest {
    /** The seed of the sample: the RFC that named the ranges. */
    static final long SEED = 6335;
    /** How many ports are drawn. */
    static final int DRAWN = 200;
    /** Ports every run renders: the edges of the ranges and the ports the project started from. */
    // the ports, and 24 and 1008, whose records carry no service name
    static final List<Integer> FIXED = List.of(0, 24, 60, 443, 1008, 1023, 1024, 49_151, 49_152, 60_327, 65_535);
    static final List<Integer> PORTS = sample();
    /** Wide enough that no line is wrapped: a sentence is never cut by a line break. */
    private static final int UNWRAPPED = 1_000_000;
    /** How many of a problem's ports its line names. */
    private static final int PORTS_NAMED = 8;

    private static volatile List<PortPage> baseline;
    private static volatile List<PortPage> full;

    static List<Integer> sample() {
        Set<Integer> ports = new LinkedHashSet<>(FIXED);
        Random random = new Random(SEED);
        while (ports.size() < FIXED.size() + DRAWN) {
            ports.add(random.nextInt(65_536));
        }
        return List.copyOf(ports);
    }

    static List<String> languages() {
        return Languages.codes();
    }

    @Test
    void theSampleIsTheSameOnEveryRun() {
        assertThat(PORTS).hasSize(FIXED.size() + DRAWN).doesNotHaveDuplicates().startsWith(FIXED.toArray(Integer[]::new))
                .allSatisfy(p -> assertThat(p).isBetween(0, 65_535));
        assertThat(sample()).isEqualTo(PORTS);
        assertThat(languages()).hasSize(15).startsWith("en");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void baselinePagesAreFullyTranslated(String language) {
        assertTranslated(language, "embedded baseline", baselinePages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void fullRegistryPagesAreFullyTranslated(String language) {
        assertTranslated(language, "full registry", fullPages());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void noMessageOfTheBundleIsLeftInEnglish(String language) {
        List<EnglishLeftovers.Problem> problems = new EnglishLeftovers(locale(language)).bundleProblems();
        assertThat(problems).withFailMessage(() -> problems.size() + " messages of " + Messages.PAGES + "_" + language
                + " keep English:\n" + String.join("\n", problems.stream().map(Object::toString).toList()))
                .isEmpty();
    }

    private static void assertTranslated(String language, String registry, List<PortPage> pages) {
        ULocale locale = locale(language);
        EnglishLeftovers check = new EnglishLeftovers(locale);
        PlainTextPage text = new PlainTextPage(Messages.of(locale), UNWRAPPED);
        // The same problem on many pages is one line, naming the ports it is on.
        Map<String, Set<Integer>> found = new LinkedHashMap<>();
        for (PortPage page : pages) {
            for (EnglishLeftovers.Problem p : check.problems(page, text.render(page))) {
                found.computeIfAbsent(p.what(), w -> new TreeSet<>()).add(page.port());
            }
        }
        List<String> lines = new ArrayList<>();
        found.forEach((what, ports) -> lines.add(language + ", " + portList(ports) + ": " + what));
        assertThat(lines).withFailMessage(() -> lines.size() + " problems on the " + language + " pages of "
                + pages.size() + " ports (" + registry + "):\n" + String.join("\n", lines)).isEmpty();
    }

    private static String portList(Set<Integer> ports) {
        List<String> named = ports.stream().limit(PORTS_NAMED).map(String::valueOf).toList();
        String more = ports.size() > PORTS_NAMED ? " and " + (ports.size() - PORTS_NAMED) + " more" : "";
        return (ports.size() == 1 ? "port " : "ports ") + String.join(", ", named) + more;
    }

    private static ULocale locale(String language) {
        return Languages.find(language).orElseThrow();
    }

    private static List<PortPage> baselinePages() {
        List<PortPage> pages = baseline;
        if (pages == null) {
            pages = pages(new PortPages(Registry.of(Baseline.load()), Knowledge.embedded(), EmbeddedHistory.load()));
            baseline = pages;
        }
        return pages;
    }

    /** The full registry's pages; skips the calling test when the registry data is absent. */
    private static List<PortPage> fullPages() {
        List<PortPage> pages = full;
        if (pages == null) {
            pages = pages(new PortPages(Registry.of(SharedRegistryData.xml()), Knowledge.embedded(), EmbeddedHistory.load()));
            full = pages;
        }
        return pages;
    }

    private static List<PortPage> pages(PortPages composer) {
        return PORTS.stream().map(composer::page).toList();
    }
}
