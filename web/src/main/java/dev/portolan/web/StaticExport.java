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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
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
 * ({@value #MANIFEST}) records every file's SHA-256; the next export into the same directory
 * writes only files whose content changed and removes the files the last export wrote that this
 * one no longer does. Every file is written under a temporary name and renamed into place, so an
 * interrupted export never leaves a half-written file at a page's address.
 *
 * <p>Progress can be read from another thread while {@link #run()} works ({@link #done()},
 * {@link #total()}).
 */
public final class StaticExport {
    /** The manifest's file name in the output directory. */
    public static final String MANIFEST = ".portolan-export";
    private static final String MANIFEST_HEADER = "# portolan static export: path, sha-256, bytes";
    private static final String TEMP = ".portolan-tmp";
    private static final String STATE = "state\t";
    private static final String COMPLETE = "complete";
    /** The hash and size of a file an unfinished export may have written. */
    private static final String UNKNOWN = "-\t-";

    /**
     * What to export.
     *
     * @param out the directory to write into: new, empty, or holding an earlier export
     * @param languages the languages, in the switcher's order
     * @param ports the port pages (and their API files) to write; lists and sitemaps name only these
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
    private final Options options;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();

    /**
     * @param history the registry's releases: the export writes the list of them, a page a
     *     release and their Atom feed (the port pages tell their own timelines: {@code pages}
     *     composes them)
     */
    public StaticExport(dev.portolan.knowledge.PortSummaries summaries, PageSource pages, ChangeLog history,
            Options options) {
        this.registry = summaries.registry();
        this.summaries = summaries;
        this.pages = pages;
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
        Assets assets = new Assets();
        List<Edition> editions = Edition.all(options.languages(), summaries,
                List.of(Messages.PAGES, WebServer.SITE_BUNDLE), assets, options::baseUrl);
        List<Task> tasks = tasks(editions, assets);
        // In port order, each stretch of the registry (system ports with many records, then user
        // ports, then the dynamic range with none) brought code paths the compiled code had not
        // seen, and the JIT threw it away and compiled again: 164 methods up to 9 times, 15 s of
        // CPU in an English export. In a mixed order every kind of page comes early (130 methods,
        // 9 s; the export 4 to 9 % faster). Files do not depend on the order; the seed keeps runs
        // alike.
        Collections.shuffle(tasks, new Random(6335));
        total.set(tasks.stream().mapToLong(t -> t.paths().size()).sum());
        // Until the export completes, the manifest names every file the directory may hold (the
        // earlier export's and this one's) and says not to trust its hashes: after an interruption
        // the next export compares contents and still knows which files are Portolan's.
        Map<String, String> mayExist = new HashMap<>(before.files());
        for (Task t : tasks) {
            for (String path : t.paths()) {
                mayExist.putIfAbsent(path, UNKNOWN);
            }
        }
        writeManifest(out, mayExist, false);
        Writer writer = new Writer(out, before, options.gzip());
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        // After a failure or an interruption the other threads stop at their next task, and this
        // method returns only once they have: no file is still being written when it does.
        AtomicBoolean stop = new AtomicBoolean();
        try {
            pool.submit(() -> tasks.parallelStream().forEach(t -> {
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
        writeManifest(out, writer.after, true);
        return new Totals(writer.pages.get(), writer.after.size(), writer.written.get(), writer.unchanged.get(), removed,
                writer.bytes.get(), writer.gzipBytes.get(), System.nanoTime() - start);
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
    private interface Render {
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
        services.removeIf(name -> !safeName(name));
        for (Edition e : editions) {
            String p = e.frame().language().prefix().isEmpty() ? "" : e.code() + "/";
            HtmlPages html = e.html();
            tasks.add(Task.of(p + "index.html", () -> html.home(Views.Suggestion.NONE)));
            tasks.add(Task.of(p + "search.html", () -> html.search("", null, "")));
            // a static host cannot answer the form's POST: the page says what it reads, without the form
            tasks.add(Task.of(p + "explain-output.html", () -> html.explain(Views.ExplainView.STATIC)));
            tasks.add(Task.of(p + "404.html", () -> html.error(404, e.frame().t("error.notFound"))));
            int listPages = HtmlPages.pages(PortRange.MAX_PORT + 1);
            for (int i = 1; i <= listPages; i++) {
                int n = i;
                tasks.add(Task.of(p + file(HtmlPages.pagePath("/ports", n), ".html"), () -> html.portIndex(n)));
            }
            for (RangeClass r : RangeClass.values()) {
                for (int i = 1; i <= HtmlPages.pages(r.ports().size()); i++) {
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
                    JsonApi.service(name, registry.service(name).orElseThrow())));
        }
        tasks.add(Task.of("api/v1/openapi.json", () -> OpenApi.document()));
        // what a web server sends for an address under /api/ that names no file
        tasks.add(Task.of("api/404.json", () -> JsonApi.error(404, editions.get(0).frame().t("error.notFound"))));
        List<Frame.Language> languages = editions.get(0).frame().languages();
        Sitemaps sitemaps = new Sitemaps(options.baseUrl(), registry.snapshot(), languages, ports,
                ChangePages.paths(releases));
        tasks.add(Task.of("sitemap.xml", () -> sitemaps.index()));
        tasks.add(Task.of("robots.txt", () -> sitemaps.robots()));
        for (Frame.Language l : languages) {
            tasks.add(Task.of("sitemaps/" + Sitemaps.pagesPart(l), () -> sitemaps.pages(l)));
            for (int i = 0; i < Sitemaps.PORT_PARTS; i++) {
                int n = i;
                tasks.add(Task.of("sitemaps/" + Sitemaps.portsPart(l, n), () -> sitemaps.ports(l, n)));
            }
        }
        for (Map.Entry<String, Rendered> a : assets.all().entrySet()) {
            tasks.add(Task.of(a.getKey().substring(1), () -> a.getValue().identity()));
        }
        return tasks;
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
     * The files of an export, by path, each with its hash and size ({@value #UNKNOWN} when not yet
     * known), and whether the export that wrote them completed.
     */
    private record Manifest(Map<String, String> files, boolean complete) {}

    /** The manifest of the earlier export; an empty one for a new or empty directory. */
    private static Manifest readManifest(Path out) throws ExportException {
        Path manifest = out.resolve(MANIFEST);
        if (!Files.exists(out)) {
            return new Manifest(Map.of(), true);
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
            return new Manifest(Map.of(), true);
        }
        Map<String, String> files = new HashMap<>();
        boolean complete;
        try {
            List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(MANIFEST_HEADER)) {
                throw new ExportException(manifest + " is not a Portolan export manifest (its first line is not \""
                        + MANIFEST_HEADER + "\"); move it away or export into a new directory");
            }
            if (lines.size() < 2 || !lines.get(1).startsWith(STATE)) {
                throw new ExportException(manifest + " line 2 is damaged: it does not say whether the export completed;"
                        + " move it away or export into a new directory");
            }
            complete = lines.get(1).equals(STATE + COMPLETE);
            for (int i = 2; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t");
                if (f.length != 3 || f[0].isEmpty() || f[0].startsWith("/") || f[0].contains("..")) {
                    throw new ExportException(manifest + " line " + (i + 1) + " is damaged: \"" + lines.get(i)
                            + "\"; move it away or export into a new directory");
                }
                files.put(f[0], f[1] + "\t" + f[2]);
            }
        } catch (IOException e) {
            throw new ExportException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
        return new Manifest(files, complete);
    }

    /** Writes the manifest under a temporary name and renames it into place. */
    private static void writeManifest(Path out, Map<String, String> files, boolean complete) throws ExportException {
        Path manifest = out.resolve(MANIFEST);
        Path tmp = out.resolve(MANIFEST + TEMP);
        try {
            Files.createDirectories(out);
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(MANIFEST_HEADER);
                w.write('\n');
                w.write(STATE + (complete ? COMPLETE : "writing"));
                w.write('\n');
                for (Map.Entry<String, String> e : new TreeMap<>(files).entrySet()) {
                    w.write(e.getKey());
                    w.write('\t');
                    w.write(e.getValue());
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
        private final Map<String, String> after = new ConcurrentHashMap<>();
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

        void file(String path, byte[] content) throws IOException {
            if (path.endsWith(".html")) {
                pages.incrementAndGet();
            }
            MessageDigest d = sha.get();
            String entry = HexFormat.of().formatHex(d.digest(content)) + "\t" + content.length;
            after.put(path, entry);
            bytes.addAndGet(content.length);
            Path target = out.resolve(path);
            Path gz = out.resolve(path + ".gz");
            if (before.complete() ? entry.equals(before.files().get(path)) && Files.exists(target) && Files.exists(gz)
                    : sameOnDisk(target, gz, content)) {
                unchanged.incrementAndGet();
                gzipBytes.addAndGet(Files.size(gz));
                return;
            }
            directory(target.getParent());
            byte[] compressed = gzip.compress(content);
            gzipBytes.addAndGet(compressed.length);
            put(target, content);
            put(gz, compressed);
            written.incrementAndGet();
        }

        /** After an interrupted export: whether a file and its gzip form hold exactly this content. */
        private static boolean sameOnDisk(Path target, Path gz, byte[] content) throws IOException {
            if (!Files.isRegularFile(target) || !Files.isRegularFile(gz) || Files.size(target) != content.length
                    || !java.util.Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
                return java.util.Arrays.equals(in.readAllBytes(), content);
            } catch (java.util.zip.ZipException | java.io.EOFException broken) {
                return false;
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

        /** Deletes the files (and gzip forms) of the earlier export that this one did not write. */
        long removeOrphans() throws ExportException {
            long removed = 0;
            for (String path : before.files().keySet()) {
                if (!after.containsKey(path)) {
                    try {
                        Files.deleteIfExists(out.resolve(path));
                        Files.deleteIfExists(out.resolve(path + ".gz"));
                    } catch (NoSuchFileException e) {
                        // gone already
                    } catch (IOException e) {
                        throw new ExportException("cannot remove " + out.resolve(path) + ": " + e.getMessage(), e);
                    }
                    removed++;
                }
            }
            return removed;
        }

    }
}
