package dev.portolan.cli;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.InvalidQueryException;
import dev.portolan.core.PortQuery;
import dev.portolan.core.PortRange;
import dev.portolan.core.Registry;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.page.PortPages;
import dev.portolan.knowledge.text.Languages;
import dev.portolan.web.ExportException;
import dev.portolan.web.Gzip;
import dev.portolan.web.StaticExport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code portolan export}: the whole web site as static files, written again only where it changed. */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Write the web site as static files for any web server or CDN: every port page in every",
            "language, the JSON API as files, sitemaps, robots.txt, assets and 404 pages, each with a .gz beside it.",
            "Into a directory holding an earlier export, only changed files are written and files no longer part",
            "of the site are removed (the directory's .portolan-export manifest says which are Portolan's); when the",
            "program, the data and the options are those of the last export, no page is rendered: the files are",
            "checked on disk and only missing or altered ones are written again."},
        footer = {"", "Examples:", "  portolan export --out site", "  portolan export --out site --lang en,ar --ports 0-1023",
            "  portolan export --out /srv/ports --base-url https://ports.example --quiet",
            "", "deploy/nginx.conf serves an export at the same addresses as 'portolan serve'."})
final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Directory to write: new, empty, or holding an earlier export.")
    Path out = Path.of("");

    @Option(names = {"-l", "--lang"}, paramLabel = "LANGS",
            description = "Languages, comma-separated (en,ar), or all (default all: "
                    + "en es pt fr de ru zh ja hi bn id vi ar fa ps).")
    String lang = "all";

    @Option(names = "--ports", paramLabel = "RANGE",
            description = "Port pages to write, a port or a range such as 0-1023 (default 0-65535); the lists and "
                    + "service pages written are those of these ports, and no page links to a port page not written.")
    String ports = "0-65535";

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address the site is served at, for canonical links and sitemaps "
                    + "(default http://localhost:8080).")
    String baseUrl = "http://localhost:8080";

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that render and write (1-256; default: one per CPU).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--gzip-level", paramLabel = "N",
            description = "Deflate level of the .gz files, 1 (fastest) to 9 (smallest); default 6.")
    int gzipLevel = Gzip.DEFAULT_LEVEL;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    private final Console console;

    ExportCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InvalidQueryException, dev.portolan.core.StoreException, ExportException,
            InterruptedException {
        StaticExport.Options options = options();
        Registry registry = ActiveRegistry.load(console);
        ChangeLog history = ActiveHistory.load(console);
        PortPages pages = new PortPages(registry, Knowledge.embedded().readWhole(), history);
        StaticExport export = new StaticExport(pages.summaries(), pages::page, history, options);
        if (!quiet && options.gzip().engine() == Gzip.Engine.ZLIB && Gzip.nativeProblem().isPresent()) {
            // the export works, at about half the compression speed: say why, once
            console.err().println("portolan: compressing with zlib: " + Gzip.nativeProblem().get());
        }
        Progress progress = quiet ? null : new Progress(console, export);
        if (progress != null) {
            progress.start();
        }
        StaticExport.Totals t;
        try {
            t = export.run();
        } finally {
            if (progress != null) {
                progress.stop();
            }
        }
        if (!quiet) {
            double seconds = t.nanos() / 1e9;
            console.out().printf(Locale.ROOT, "portolan: exported %,d pages (%,d files: %,d written, %,d unchanged, "
                    + "%,d removed) to %s%n", t.pages(), t.files(), t.written(), t.unchanged(), t.removed(),
                    options.out());
            console.out().printf(Locale.ROOT, "portolan: %,.1f MB, %,.1f MB more as .gz (%s, level %d); %.1f s, "
                    + "%,.0f pages/s%n", t.bytes() / 1e6, t.gzipBytes() / 1e6, options.gzip().engine().label(),
                    options.gzip().level(), seconds, t.pagesPerSecond());
        }
        return ExitCode.OK;
    }

    /** The options, checked: languages offered, a port or a range, a URL, a sane thread count. */
    StaticExport.Options options() throws InvalidQueryException {
        if (threads < 1 || threads > 256) {
            throw new InvalidQueryException("--threads " + threads + " is out of range: give 1-256");
        }
        List<ULocale> languages = new ArrayList<>();
        if (lang.strip().equals("all")) {
            languages.addAll(Languages.all());
        } else {
            Set<ULocale> chosen = new LinkedHashSet<>();
            for (String code : lang.split(",", -1)) {
                chosen.add(Languages.find(code.strip()).orElseThrow(() -> new InvalidQueryException("--lang '"
                        + CommonOptions.printable(code.strip()) + "' is not a language of the pages; choose from "
                        + String.join(",", Languages.codes()) + " or all")));
            }
            // in the site's own order, whatever the order asked
            for (ULocale l : Languages.all()) {
                if (chosen.contains(l)) {
                    languages.add(l);
                }
            }
        }
        PortRange range;
        PortQuery q;
        try {
            q = PortQuery.parse(ports);
        } catch (InvalidQueryException e) {
            throw new InvalidQueryException("--ports: " + e.getMessage());
        }
        if (q instanceof PortQuery.Port p && p.only() == null) {
            range = PortRange.of(p.port());
        } else if (q instanceof PortQuery.Range r && r.only() == null) {
            range = r.ports();
        } else {
            throw new InvalidQueryException("--ports '" + CommonOptions.printable(ports)
                    + "' is not a port or a range such as 0-1023");
        }
        String base = baseUrl.strip();
        if (!(base.startsWith("http://") || base.startsWith("https://")) || base.length() < 10 || base.contains(" ")
                || base.contains("?") || base.contains("#")) {
            throw new InvalidQueryException("--base-url '" + CommonOptions.printable(baseUrl)
                    + "' is not an http(s) address such as https://ports.example");
        }
        if (gzipLevel < 1 || gzipLevel > 9) {
            throw new InvalidQueryException("--gzip-level " + gzipLevel + " is out of range: give 1-9");
        }
        return new StaticExport.Options(out, languages, range, base, threads, Gzip.at(gzipLevel));
    }
}
