package dev.portolan.bench;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.Registry;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPage;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.knowledge.text.Messages;
import dev.portolan.knowledge.text.PlainTextPage;
import dev.portolan.web.PageRenderer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one port page costs, per language:
 *
 * <ul>
 *   <li>{@code compose}: {@link PortPages#page} for a random port (language-neutral, so the same
 *       for every {@code lang}; it is here to compare with the rendering);
 *   <li>{@code renderText}: the composed page of a random port turned into text in {@code lang}
 *       ({@link PlainTextPage}: every sentence through ICU MessageFormat, lists, dates, plural
 *       rules, line breaking);
 *   <li>{@code renderHtml}: the same as the web site's HTML page in {@code lang} (templates, escaping,
 *       footnotes, structured data);
 *   <li>{@code renderJson}: the same as the API's JSON in {@code lang}.
 * </ul>
 *
 * The question for a translated site: does rendering in Arabic, Russian or Japanese cost about the
 * same as in English? The {@code registry} parameter picks the full IANA registry or the embedded
 * baseline. Run with:
 *
 * <pre>java -jar bench/target/benchmarks.jar PortPageBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PortPageBenchmark {
    private static final int PAGES = 1024; // a power of two: the cursor wraps with a mask

    @Param({Registries.FULL})
    public String registry;

    @Param({"en", "es", "pt", "fr", "de", "ru", "zh", "ja", "hi", "bn", "id", "vi", "ar", "fa", "ps"})
    public String lang;

    private PortPages pages;
    private PortPage[] composed;
    private int[] ports;
    private PlainTextPage text;
    private PageRenderer site;
    private int cursor;

    @Setup
    public void setUp() {
        pages = new PortPages(Registry.of(Registries.load(registry)), Knowledge.embedded());
        SplittableRandom random = new SplittableRandom(42);
        ports = new int[PAGES];
        composed = new PortPage[PAGES];
        for (int i = 0; i < PAGES; i++) {
            ports[i] = random.nextInt(65_536);
            composed[i] = pages.page(ports[i]);
        }
        text = new PlainTextPage(Messages.of(ULocale.forLanguageTag(lang)), 100);
        site = new PageRenderer(pages.summaries(), Languages.find(lang).orElseThrow(),
                "https://ports.example");
    }

    @Benchmark
    public byte[] renderHtml() {
        return site.html(composed[cursor++ & (PAGES - 1)]);
    }

    @Benchmark
    public byte[] renderJson() {
        return site.json(composed[cursor++ & (PAGES - 1)]);
    }

    /** What the static export renders for a port in a language: both, their sentences formatted once. */
    @Benchmark
    public java.util.List<byte[]> renderHtmlAndJson() {
        return site.htmlAndJson(composed[cursor++ & (PAGES - 1)]);
    }

    @Benchmark
    public PortPage compose() {
        return pages.page(ports[cursor++ & (PAGES - 1)]);
    }

    @Benchmark
    public String renderText() {
        return text.render(composed[cursor++ & (PAGES - 1)]);
    }
}
