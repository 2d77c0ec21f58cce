package dev.portolan.web;

import com.ibm.icu.util.ULocale;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Registry;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.knowledge.page.ReleasePages;
import dev.portolan.knowledge.text.Messages;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the whole site as static files that any web server or CDN can serve, at the same
 * addresses as the dynamic site ({@code /ports/60} is {@code ports/60.html}, {@code
 * /es/api/v1/ports/60} is {@code es/api/v1/ports/60.json}, {@code /registry/changes/} is {@code
 * registry/changes/index.html}), each text file with its gzip form
 * beside it. The output is deterministic: the same data and code give the same bytes. A manifest
 * ({@value #MANIFEST}) records every file's SHA-256 and size, and the fingerprints of what the
 * files were made from ({@link ExportInputs}: the program, the registry, the knowledge, the
 * registry's history and the options). The next export into the same directory:
 *
 * <ul>
 *   <li>when every input is as recorded, renders nothing: it checks that each file and its gzip
 *       form are on disk with the recorded sizes, renders again only the files that are not, and
 *       removes what no longer belongs;
 *   <li>otherwise renders everything and writes only files whose content changed;
 * </ul>
 *
 * <p>and in both cases removes the files the last export wrote that this one no longer does. Every
 * file is written under a temporary name and renamed into place, so an interrupted export never
 * leaves a half-written file at a page's address; the export after an interrupted one compares
 * contents on disk and removes the temporary files left behind.
 *
 * <p>Progress can be read from another thread while {@link #run()} works ({@link #done()},
 * {@link #total()}).
 */
public final class StaticExport {
    /** The manifest's file name in the output directory. */
    public static final String MANIFEST = ".portolan-export";
    /** The first line of a manifest of the first format: no inputs, no sizes of the gzip forms. */
    private static final String MANIFEST_HEADER_1 = "# portolan static export: path, sha-256, bytes";
    /** The first line of a manifest of the current format. */
    private static final String MANIFEST_HEADER = "# portolan static export 2: path, sha-256, bytes, gzip bytes";
    private static final String MANIFEST_PREFIX = "# portolan static export";
    private static final String TEMP = ".portolan-tmp";
    private static final String STATE = "state\t";
    private static final String INPUT = "input\t";
    private static final String COMPLETE = "complete";

    /**
     * What to export.
     *
     * @param out the directory to write into: new, empty, or holding an earlier export
     * @param languages the languages, in the switcher's order
     * @param ports the port pages (and their API files) to write; the lists hold only these, the
     *     service pages written are those with a record on one of them, and no written page links
     *     to a port page outside them
     * @param baseUrl the site's public address without a trailing slash, for canonical links and
     *     sitemaps ({@code https://ports.example})
     * @param threads how many threads render and write
     * @param gzip how the gzip forms are compressed
     */
    public record Options(Path out, List<ULocale> languages, PortRange ports, String baseUrl, int threads,
            Gzip gzip) {
        public Options {
            languages = List.copyOf(languages);
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("no language to export");
            }
            if (baseUrl.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                throw new IllegalArgumentException("the base URL holds a space or a control character: " + baseUrl.strip());
            }
            if (baseUrl.endsWith("/")) {
                baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
        }
    }

    /**
     * What an export did.
     *
     * @param pages HTML pages in the export
     * @param files files in the export, gzip forms not counted
     * @param written files written (changed or new), gzip forms not counted
     * @param unchanged files left as they were
     * @param removed files of the earlier export that are gone now
     * @param bytes bytes of the export, gzip forms not counted
     * @param gzipBytes bytes of the gzip forms
     * @param nanos how long it took
     */
    public record Totals(long pages, long files, long written, long unchanged, long removed, long bytes,
            long gzipBytes, long nanos) {
        /** Pages per second. */
        public double pagesPerSecond() {
            return nanos == 0 ? 0 : pages * 1e9 / nanos;
        }
    }

    private final Registry registry;
    private final dev.portolan.knowledge.PortSummaries summaries;
    private final PageSource pages;
    private final ReleasePages releases;
    private final ChangeLog history;
    private final String pagesId;
    private final Options options;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    /**
     * @param summaries the registry and knowledge the pages are made of
     * @param pages the port pages, composed from exactly the registry and knowledge of {@code
     *     summaries} and from {@code history} (as {@code PortPages} does): the export fingerprints
     *     those three, not the pages, to know whether an earlier export is still current
     * @param history the registry's releases: the export writes the list of them, a page a
     *     release and their Atom feed (the port pages tell their own timelines: {@code pages}
     *     composes them)
     */
    public StaticExport(dev.portolan.knowledge.PortSummaries summaries, PageSource pages, ChangeLog history,
            Options options) {
        this(summaries, pages, "", history, options);
    }

    /**
     * An export whose port pages depend on more than the registry, knowledge and history (tests
     * that alter pages).
     *
     * @param pagesId names what else the pages depend on; a different id makes the next export
     *     render everything again
     */
    StaticExport(dev.portolan.knowledge.PortSummaries summaries, PageSource pages, String pagesId, ChangeLog history,
            Options options) {
        this.registry = summaries.registry();
        this.summaries = summaries;
        this.pages = pages;
        this.pagesId = pagesId;
        this.history = history;
        this.releases = new ReleasePages(history);
        this.options = options;
    }

    /** Files finished so far. */
    public long done() {
        return done.get();
    }

    /** Files the export will write or check, known once it has started (0 before). */
    public long total() {
        return total.get();
    }

    /**
     * Writes the export.
     *
     * @throws ExportException if the directory cannot be used or a file cannot be written; files
     *     already renamed into place stay, the manifest of the earlier export stays as it was
     */
    public Totals run() throws ExportException {
        long start = System.nanoTime();
        Path out = options.out().toAbsolutePath().normalize();
        Manifest before = readManifest(out);
        Map<String, String> inputs = ExportInputs.of(summaries, history, pagesId, options);
        Assets assets = new Assets();
        List<Edition> editions = Edition.all(options.languages(), summaries,
                List.of(Messages.PAGES, WebServer.SITE_BUNDLE), assets, options::baseUrl, options.ports());
        List<Task> tasks = tasks(editions, assets);
        // In port order, each stretch of the registry (system ports with many records, then user
        // ports, then the dynamic range with none) brought code paths the compiled code had not
        // seen, and the JIT threw it away and compiled again: 164 methods up to 9 times, 15 s of
        // CPU in an English export. In a mixed order every kind of page comes early (130 methods,
        // 9 s; the export 4 to 9 % faster). Files do not depend on the order; the seed keeps runs
        // alike.
        Collections.shuffle(tasks, new Random(6335));
        total.set(tasks.stream().mapToLong(t -> t.paths().size()).sum());
        // Same program, data and options: the files are what the manifest says they are, unless
        // someone changed them. Checking their sizes costs a stat each, rendering a page a
        // thousand times more.
        boolean current = before.complete() && before.inputs().equals(inputs);
        Writer writer = new Writer(out, before, options.gzip());
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        // After a failure or an interruption the other threads stop at their next task, and this
        // method returns only once they have: no file is still being written when it does.
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Task> render = tasks;
            if (current) {
                render = pool.submit(() -> tasks.parallelStream().filter(t -> {
                    try {
                        if (writer.inPlace(t.paths())) {
                            done.addAndGet(t.paths().size());
                            return false;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return true;
                }).toList()).get();
                if (render.isEmpty() && !writer.hasOrphans()) {
                    // nothing to write, nothing to remove: the manifest stays as it is, byte for byte
                    return writer.totals(0, start);
                }
            }
            // Until the export completes, the manifest names every file the directory may hold
            // (the earlier export's and this one's) and says not to trust its hashes: after an
            // interruption the next export compares contents and still knows which files are
            // Portolan's.
            Map<String, Entry> mayExist = new HashMap<>(before.files());
            for (Task t : tasks) {
                for (String path : t.paths()) {
                    mayExist.putIfAbsent(path, Entry.UNKNOWN);
                }
            }
            writeManifest(out, mayExist, false, Map.of());
            List<Task> work = render;
            pool.submit(() -> work.parallelStream().forEach(t -> {
                if (stop.get()) {
                    return;
                }
                try {
                    List<byte[]> contents = t.render().get();
                    for (int i = 0; i < contents.size(); i++) {
                        writer.file(t.paths().get(i), contents.get(i));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                done.addAndGet(t.paths().size());
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("the export was interrupted; files written so far are complete", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw new ExportException("cannot write the export into " + out + ": " + reason(cause), cause);
        } finally {
            stop.set(true);
            pool.shutdown();
            awaitQuietly(pool);
        }
        long removed = writer.removeOrphans();
        writeManifest(out, writer.after, true, inputs);
        return writer.totals(removed, start);
    }

    /**
     * The files this export writes, by path, each with a way to render it alone; nothing is
     * written. For tests that look at what an export of every port holds without writing it.
     */
    Map<String, Render.One> plan() {
        Assets assets = new Assets();
        List<Edition> editions = Edition.all(options.languages(), summaries,
                List.of(Messages.PAGES, WebServer.SITE_BUNDLE), assets, options::baseUrl, options.ports());
        Map<String, Render.One> files = new TreeMap<>();
        for (Task t : tasks(editions, assets)) {
            for (int i = 0; i < t.paths().size(); i++) {
                int n = i;
                files.put(t.paths().get(i), () -> t.render().get().get(n));
            }
        }
        return files;
    }

    /** Waits for the threads to finish the task they are in (a file each at most). */
    private static void awaitQuietly(ForkJoinPool pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One unit of work: the paths of the files it writes, and how to render their contents, in order. */
    private record Task(List<String> paths, Render render) {
        static Task of(String path, Render.One one) {
            return new Task(List.of(path), () -> List.of(one.get()));
        }
    }

    /** Renders the contents of a task's files. */
    @FunctionalInterface
    interface Render {
        List<byte[]> get() throws IOException;

        /** Renders one file. */
        @FunctionalInterface
        interface One {
            byte[] get() throws IOException;
        }
    }

    private List<Task> tasks(List<Edition> editions, Assets assets) {
        List<Task> tasks = new ArrayList<>();
        PortRange ports = options.ports();
        TreeSet<String> services = Sitemaps.serviceNames(registry.snapshot());
        services.removeIf(name -> !safeName(name) || !belongs(registry.service(name).orElseThrow(), ports));
        for (Edition e : editions) {
            String p = e.frame().language().prefix().isEmpty() ? "" : e.code() + "/";
            HtmlPages html = e.html();
            tasks.add(Task.of(p + "index.html", () -> html.home(Views.Suggestion.NONE)));
            tasks.add(Task.of(p + "search.html", () -> html.search("", null, "")));
            // a static host cannot answer the form's POST: the page says what it reads, without the form
            tasks.add(Task.of(p + "explain-output.html", () -> html.explain(Views.ExplainView.STATIC)));
            tasks.add(Task.of(p + "404.html", () -> html.error(404, e.frame().t("error.notFound"))));
            for (int i = 1; i <= html.indexPages(); i++) {
                int n = i;
                tasks.add(Task.of(p + file(HtmlPages.pagePath("/ports", n), ".html"), () -> html.portIndex(n)));
            }
            for (RangeClass r : RangeClass.values()) {
                for (int i = 1; i <= html.rangePages(r); i++) {
                    int n = i;
                    tasks.add(Task.of(p + file(HtmlPages.pagePath("/ranges/" + r.id(), n), ".html"), () ->
                            html.range(r, n)));
                }
            }
            for (String name : services) {
                tasks.add(Task.of(p + "services/" + name + ".html", () ->
                        html.service(name, registry.service(name).orElseThrow())));
            }
            // the registry's releases; their records link to the port pages this export writes
            ChangePages changes = new ChangePages(e.frame(), ports::contains);
            tasks.add(Task.of(p + file(ChangePages.INDEX, "index.html"), () -> changes.index(releases)));
            for (java.time.LocalDate day : releases.releases()) {
                tasks.add(Task.of(p + file(ChangePages.path(day), ".html"), () ->
                        changes.release(releases, releases.page(day).orElseThrow())));
            }
            tasks.add(Task.of(p + file(ChangePages.FEED, ""), () -> ChangeFeed.of(e.frame(), releases)));
        }
        // a port's page and API file in every language, from one composed page model
        for (int port = ports.first(); port <= ports.last(); port++) {
            int n = port;
            List<String> paths = new ArrayList<>(editions.size() * 2);
            for (Edition e : editions) {
                String p = e.frame().language().prefix().isEmpty() ? "" : e.code() + "/";
                paths.add(p + "ports/" + n + ".html");
                paths.add(p + "api/v1/ports/" + n + ".json");
            }
            tasks.add(new Task(List.copyOf(paths), () -> {
                var page = pages.page(n);
                List<byte[]> out = new ArrayList<>(editions.size() * 2);
                for (Edition e : editions) {
                    out.addAll(e.portFiles(page));
                }
                return out;
            }));
        }
        for (String name : services) {
            tasks.add(Task.of("api/v1/services/" + name + ".json", () ->
                    JsonApi.service(name, registry.service(name).orElseThrow(), ports::contains)));
        }
        tasks.add(Task.of("api/v1/openapi.json", () -> OpenApi.document()));
        // what a web server sends for an address under /api/ that names no file
        tasks.add(Task.of("api/404.json", () -> JsonApi.error(404, editions.get(0).frame().t("error.notFound"))));
        List<Frame.Language> languages = editions.get(0).frame().languages();
        Sitemaps sitemaps = new Sitemaps(options.baseUrl(), languages, ports, services, ChangePages.paths(releases));
        tasks.add(Task.of("sitemap.xml", () -> sitemaps.index()));
        tasks.add(Task.of("robots.txt", () -> sitemaps.robots()));
        for (Frame.Language l : languages) {
            tasks.add(Task.of("sitemaps/" + Sitemaps.pagesPart(l), () -> sitemaps.pages(l)));
            for (int n : Sitemaps.portParts(ports)) {
                tasks.add(Task.of("sitemaps/" + Sitemaps.portsPart(l, n), () -> sitemaps.ports(l, n)));
            }
        }
        for (Map.Entry<String, Rendered> a : assets.all().entrySet()) {
            tasks.add(Task.of(a.getKey().substring(1), () -> a.getValue().identity()));
        }
        return tasks;
    }

    /**
     * Whether a service's page belongs to an export of {@code ports}: one of its records is on a
     * port of them (the port's page shows that record). An export of every port writes every
     * service page, those of names registered without a port too.
     */
    static boolean belongs(List<dev.portolan.core.Assignment> records, PortRange ports) {
        if (ports.equals(PortRange.ALL)) {
            return true;
        }
        for (dev.portolan.core.Assignment a : records) {
            if (a.ports() != null && a.ports().intersection(ports).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, in words: file-system errors name the file and the reason, not only the path. */
    static String reason(Throwable cause) {
        if (cause instanceof java.nio.file.NoSuchFileException f) {
            return "no such file or directory: " + f.getFile();
        }
        if (cause instanceof java.nio.file.AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (cause instanceof java.nio.file.FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        }
        return String.valueOf(cause.getMessage());
    }

    /** The file of a site path: {@code /ports/page/2} is {@code ports/page/2.html}. */
    private static String file(String path, String extension) {
        return path.substring(1) + extension;
    }

    /** Whether a service name can be a file name as it is (IANA names are letters, digits, - . _ +). */
    static boolean safeName(String name) {
        if (name.isEmpty() || name.length() > 64 || name.startsWith(".")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '+')) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the manifest knows of one file: the SHA-256 and size of its content and the size of
     * its gzip form; null and -1 where not known (a file an unfinished export may have written,
     * the gzip sizes of a manifest of the first format).
     */
    private record Entry(@org.jspecify.annotations.Nullable String sha, long bytes, long gzipBytes) {
        static final Entry UNKNOWN = new Entry(null, -1, -1);

        /** The manifest's columns after the path. */
        String columns() {
            return (sha == null ? "-" : sha) + "\t" + (bytes < 0 ? "-" : bytes) + "\t" + (gzipBytes < 0 ? "-" : gzipBytes);
        }

        /** Parses a column of sizes: a number or {@code -}; null when it is neither. */
        static @org.jspecify.annotations.Nullable Long size(String column) {
            if (column.equals("-")) {
                return -1L;
            }
            if (column.isEmpty() || column.length() > 18) {
                return null;
            }
            for (int i = 0; i < column.length(); i++) {
                if (column.charAt(i) < '0' || column.charAt(i) > '9') {
                    return null;
                }
            }
            return Long.parseLong(column);
        }
    }

    /**
     * The files of an export, by path; whether the export that wrote them completed; and the
     * inputs it was made from (empty for an unfinished export and for a manifest of the first
     * format, which recorded none: such an export is rendered again).
     */
    private record Manifest(Map<String, Entry> files, boolean complete, Map<String, String> inputs) {}

    /** The manifest of the earlier export; an empty one for a new or empty directory. */
    private static Manifest readManifest(Path out) throws ExportException {
        Path manifest = out.resolve(MANIFEST);
        if (!Files.exists(out)) {
            return new Manifest(Map.of(), true, Map.of());
        }
        if (!Files.isDirectory(out)) {
            throw new ExportException(out + " is not a directory");
        }
        if (!Files.exists(manifest)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
                if (entries.iterator().hasNext()) {
                    throw new ExportException(out + " is not empty and holds no Portolan export (no " + MANIFEST
                            + "); export into a new or empty directory, so that nothing of yours is overwritten");
                }
            } catch (IOException e) {
                throw new ExportException("cannot read " + out + ": " + e.getMessage(), e);
            }
            return new Manifest(Map.of(), true, Map.of());
        }
        Map<String, Entry> files = new HashMap<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        boolean complete;
        try {
            List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            String header = lines.isEmpty() ? "" : lines.get(0);
            boolean first = header.equals(MANIFEST_HEADER_1);
            if (!first && !header.equals(MANIFEST_HEADER)) {
                if (header.startsWith(MANIFEST_PREFIX)) {
                    throw new ExportException(manifest + " was written by another version of Portolan (its first line"
                            + " is \"" + header + "\", this version reads \"" + MANIFEST_HEADER + "\"); export with"
                            + " that version or into a new directory");
                }
                throw new ExportException(manifest + " is not a Portolan export manifest (its first line is not \""
                        + MANIFEST_HEADER + "\"); move it away or export into a new directory");
            }
            if (lines.size() < 2 || !lines.get(1).startsWith(STATE)) {
                throw new ExportException(manifest + " line 2 is damaged: it does not say whether the export completed;"
                        + " move it away or export into a new directory");
            }
            complete = lines.get(1).equals(STATE + COMPLETE);
            int i = 2;
            for (; !first && i < lines.size() && lines.get(i).startsWith(INPUT); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if (f.length != 3 || f[1].isEmpty()) {
                    throw damaged(manifest, i, lines.get(i));
                }
                inputs.put(f[1], f[2]);
            }
            for (; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if (f.length != (first ? 3 : 4) || f[0].isEmpty() || f[0].startsWith("/") || f[0].contains("..")) {
                    throw damaged(manifest, i, lines.get(i));
                }
                Long bytes = Entry.size(f[2]);
                Long gzip = first ? Long.valueOf(-1) : Entry.size(f[3]);
                boolean hash = f[1].equals("-") || f[1].length() == 64 && f[1].chars().allMatch(
                        c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
                if (bytes == null || gzip == null || !hash) {
                    throw damaged(manifest, i, lines.get(i));
                }
                files.put(f[0], f[1].equals("-") ? Entry.UNKNOWN : new Entry(f[1], bytes, gzip));
            }
        } catch (IOException e) {
            throw new ExportException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
        return new Manifest(files, complete, complete ? inputs : Map.of());
    }

    private static ExportException damaged(Path manifest, int index, String line) {
        return new ExportException(manifest + " line " + (index + 1) + " is damaged: \"" + line
                + "\"; move it away or export into a new directory");
    }

    /**
     * Writes the manifest under a temporary name and renames it into place.
     *
     * @param inputs what the files were made from; empty while an export is unfinished
     */
    private static void writeManifest(Path out, Map<String, Entry> files, boolean complete,
            Map<String, String> inputs) throws ExportException {
        Path manifest = out.resolve(MANIFEST);
        Path tmp = out.resolve(MANIFEST + TEMP);
        try {
            Files.createDirectories(out);
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(MANIFEST_HEADER);
                w.write('\n');
                w.write(STATE + (complete ? COMPLETE : "writing"));
                w.write('\n');
                for (Map.Entry<String, String> e : inputs.entrySet()) {
                    w.write(INPUT + e.getKey() + "\t" + e.getValue());
                    w.write('\n');
                }
                for (Map.Entry<String, Entry> e : new TreeMap<>(files).entrySet()) {
                    w.write(e.getKey());
                    w.write('\t');
                    w.write(e.getValue().columns());
                    w.write('\n');
                }
            }
            Files.move(tmp, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ExportException("cannot write " + manifest + ": " + e.getMessage(), e);
        }
    }

    /** Hashes, compares, compresses and writes files; shared by all threads. */
    private static final class Writer {
        private final Path out;
        private final Manifest before;
        private final Map<String, Entry> after = new ConcurrentHashMap<>();
        private final Map<Path, Boolean> dirs = new ConcurrentHashMap<>();
        private final AtomicLong pages = new AtomicLong();
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong unchanged = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong gzipBytes = new AtomicLong();
        private final ThreadLocal<MessageDigest> sha = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java has SHA-256", e);
            }
        });
        private final Gzip gzip;

        Writer(Path out, Manifest before, Gzip gzip) {
            this.out = out;
            this.before = before;
            this.gzip = gzip;
        }

        /**
         * Whether the files of one task and their gzip forms are on disk with the sizes the
         * manifest records; if so they count as unchanged, without being rendered.
         */
        boolean inPlace(List<String> paths) throws IOException {
            for (String path : paths) {
                Entry e = before.files().get(path);
                if (e == null || e.sha() == null || e.gzipBytes() < 0 || size(out.resolve(path)) != e.bytes()
                        || size(out.resolve(path + ".gz")) != e.gzipBytes()) {
                    return false;
                }
            }
            for (String path : paths) {
                Entry e = before.files().get(path);
                count(path, e);
                unchanged.incrementAndGet();
            }
            return true;
        }

        /** Whether the earlier export holds files that this one did not write (so far). */
        boolean hasOrphans() {
            for (String path : before.files().keySet()) {
                if (!after.containsKey(path)) {
                    return true;
                }
            }
            return false;
        }

        void file(String path, byte[] content) throws IOException {
            String hash = HexFormat.of().formatHex(sha.get().digest(content));
            Path target = out.resolve(path);
            Path gz = out.resolve(path + ".gz");
            if (!before.complete()) {
                // an interrupted export may have left its temporary files
                Files.deleteIfExists(target.resolveSibling(target.getFileName() + TEMP));
                Files.deleteIfExists(gz.resolveSibling(gz.getFileName() + TEMP));
            }
            long gzipSize = before.complete() ? sameAsRecorded(before.files().get(path), hash, content.length, target, gz)
                    : sameOnDisk(target, gz, content);
            if (gzipSize >= 0) {
                count(path, new Entry(hash, content.length, gzipSize));
                unchanged.incrementAndGet();
                return;
            }
            directory(target.getParent());
            byte[] compressed = gzip.compress(content);
            put(target, content);
            put(gz, compressed);
            count(path, new Entry(hash, content.length, compressed.length));
            written.incrementAndGet();
        }

        private void count(String path, Entry e) {
            if (path.endsWith(".html")) {
                pages.incrementAndGet();
            }
            after.put(path, e);
            bytes.addAndGet(e.bytes());
            gzipBytes.addAndGet(e.gzipBytes());
        }

        Totals totals(long removed, long start) {
            return new Totals(pages.get(), after.size(), written.get(), unchanged.get(), removed, bytes.get(),
                    gzipBytes.get(), System.nanoTime() - start);
        }

        /**
         * After a completed export: the size of the gzip form when the manifest records this
         * content and both files are on disk with its sizes, else -1.
         */
        private static long sameAsRecorded(@org.jspecify.annotations.Nullable Entry e, String hash, long length,
                Path target, Path gz) throws IOException {
            if (e == null || !hash.equals(e.sha()) || e.bytes() != length || size(target) != length) {
                return -1;
            }
            long gzipSize = size(gz);
            return gzipSize < 0 || e.gzipBytes() >= 0 && gzipSize != e.gzipBytes() ? -1 : gzipSize;
        }

        /**
         * After an interrupted export: the size of the gzip form when a file and its gzip form
         * hold exactly this content, else -1.
         */
        private static long sameOnDisk(Path target, Path gz, byte[] content) throws IOException {
            if (size(target) != content.length || !java.util.Arrays.equals(Files.readAllBytes(target), content)
                    || size(gz) < 0) {
                return -1;
            }
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
                return java.util.Arrays.equals(in.readAllBytes(), content) ? Files.size(gz) : -1;
            } catch (java.util.zip.ZipException | java.io.EOFException broken) {
                return -1;
            }
        }

        /** The size of a regular file, or -1 when there is none at that path. */
        private static long size(Path file) throws IOException {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return a.isRegularFile() ? a.size() : -1;
            } catch (NoSuchFileException e) {
                return -1;
            }
        }

        /**
         * Creates a file's directory once: other threads writing into it wait until it exists
         * (computeIfAbsent holds them), instead of racing ahead of its creation.
         */
        private void directory(Path dir) {
            dirs.computeIfAbsent(dir, d -> {
                try {
                    Files.createDirectories(d);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Boolean.TRUE;
            });
        }

        /** Writes under a temporary name beside the target, then renames it into place. */
        private static void put(Path target, byte[] content) throws IOException {
            Path tmp = target.resolveSibling(target.getFileName() + TEMP);
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        /**
         * Deletes the files (and gzip forms) of the earlier export that this one did not write,
         * and after an interrupted export the temporary files it may have left beside them.
         */
        long removeOrphans() throws ExportException {
            long removed = 0;
            TreeSet<Path> emptied = new TreeSet<>(java.util.Comparator.reverseOrder());
            for (String path : before.files().keySet()) {
                if (!after.containsKey(path)) {
                    Path target = out.resolve(path);
                    try {
                        Files.deleteIfExists(target);
                        Files.deleteIfExists(out.resolve(path + ".gz"));
                        if (!before.complete()) {
                            Files.deleteIfExists(out.resolve(path + TEMP));
                            Files.deleteIfExists(out.resolve(path + ".gz" + TEMP));
                        }
                    } catch (NoSuchFileException e) {
                        // gone already
                    } catch (IOException e) {
                        throw new ExportException("cannot remove " + target + ": " + e.getMessage(), e);
                    }
                    for (Path d = target.getParent(); d != null && d.startsWith(out) && !d.equals(out); d = d.getParent()) {
                        emptied.add(d);
                    }
                    removed++;
                }
            }
            // the directories of removed files that hold nothing now (a language no longer
            // exported), deepest first; a directory with anything else in it stays
            for (Path d : emptied) {
                try {
                    Files.delete(d);
                } catch (java.nio.file.DirectoryNotEmptyException | NoSuchFileException e) {
                    // still in use, or gone
                } catch (IOException e) {
                    throw new ExportException("cannot remove " + d + ": " + e.getMessage(), e);
                }
            }
            return removed;
        }
    }
}
