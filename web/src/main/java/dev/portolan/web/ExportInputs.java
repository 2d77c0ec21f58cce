package dev.portolan.web;

import dev.portolan.core.Registry;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.snapshot.SnapshotCodec;
import dev.portolan.knowledge.page.PortPages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the files of a static export are made from, each as a name and a value that changes
 * whenever the input does: the program, the registry, the curated knowledge, the registry's
 * history, and the options that shape every page (languages, ports, base URL). The manifest
 * records them; an export whose inputs are all equal to the recorded ones renders nothing and
 * only checks that the files are still in place.
 *
 * <p>The program is fingerprinted by the content of the jar or class directories that hold the
 * code of the export, the page composer, the registry and the libraries that turn them into bytes
 * (ICU, jte, Jackson), and by the Java version: a new build, new templates, bundles or assets,
 * or another Java re-render everything. The gzip engine and level are not inputs: the manifest
 * hashes the uncompressed files, so a change of compression does not rewrite an export.
 */
final class ExportInputs {
    /** Classes whose code, and the code beside them, makes an export's bytes. */
    private static final List<Class<?>> CODE = List.of(StaticExport.class, PortPages.class, Registry.class,
            com.ibm.icu.util.ULocale.class, gg.jte.TemplateEngine.class, com.fasterxml.jackson.core.JsonGenerator.class);

    private static volatile String program;

    private ExportInputs() {}

    /**
     * The inputs of an export, in the manifest's order.
     *
     * @param pages what the port pages are composed from beyond the registry, knowledge and
     *     history; empty when they are composed from exactly those
     */
    static Map<String, String> of(dev.portolan.knowledge.PortSummaries summaries, ChangeLog history, String pages,
            StaticExport.Options options) {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("program", program());
        in.put("registry", sha256(SnapshotCodec.encode(summaries.registry().snapshot())));
        in.put("knowledge", summaries.knowledge().fingerprint());
        in.put("history", sha256(history.encode()));
        if (!pages.isEmpty()) {
            in.put("pages", pages);
        }
        List<String> codes = new ArrayList<>();
        options.languages().forEach(l -> codes.add(dev.portolan.knowledge.text.Languages.code(l)));
        in.put("languages", String.join(",", codes));
        in.put("ports", options.ports().first() + "-" + options.ports().last());
        in.put("base-url", options.baseUrl());
        return in;
    }

    /** The fingerprint of the running program's code; computed once per run of the JVM. */
    static String program() {
        String p = program;
        if (p == null) {
            p = computeProgram();
            program = p;
        }
        return p;
    }

    private static String computeProgram() {
        MessageDigest d = sha();
        d.update(("java " + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
        Set<Path> places = new LinkedHashSet<>();
        for (Class<?> c : CODE) {
            Path place = place(c);
            if (place == null) {
                // code that cannot be read cannot be compared: a value that never matches, so that
                // every export renders everything
                return "unknown-" + Long.toHexString(System.nanoTime());
            }
            places.add(place);
        }
        try {
            for (Path place : places) {
                if (Files.isDirectory(place)) {
                    List<Path> files;
                    try (Stream<Path> walk = Files.walk(place)) {
                        files = walk.filter(Files::isRegularFile).sorted().toList();
                    }
                    for (Path f : files) {
                        d.update(place.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                        d.update((byte) 0);
                        update(d, f);
                    }
                } else {
                    update(d, place);
                }
            }
        } catch (IOException e) {
            return "unknown-" + Long.toHexString(System.nanoTime());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The jar or directory a class was loaded from, or null when it cannot be told. */
    private static @org.jspecify.annotations.Nullable Path place(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            Path p = Path.of(url.toURI()).toAbsolutePath().normalize();
            return Files.exists(p) ? p : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void update(MessageDigest d, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;) {
                d.update(buffer, 0, n);
            }
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha().digest(bytes));
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
