package dev.portolan.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The data files built into the program (the embedded registry and its history, the compiled
 * knowledge, search indexes and message bundles): resources of the class path, read whole.
 *
 * <p>A file is looked for in the directories and jars of the class path ({@code java.class.path})
 * in their order, as the application's class loader would find it, and asked of the class loader
 * when none has it (a jar that only names others in its manifest, a loader of its own). The
 * class loader itself would first ask the runtime's loaders, which look for a name outside their
 * packages in every module of the runtime: several milliseconds of a command line's start for the
 * first file and about one for each further name (bench/README.md). The data files all lie in the
 * first jar ({@code portolan-data.jar}, or {@code portolan.jar} alone).
 */
public final class EmbeddedFiles {
    /**
     * The class path's directories (their paths) and jars ({@code jar:} and the jar's path), in
     * order; read once.
     */
    private static volatile @Nullable List<String> roots;
    private static final String JAR = "jar:";
    /**
     * The jars opened so far, by path, kept open as the class loader keeps its own; {@code null}
     * for one that cannot be opened. Read as zip files: a jar: URL's connection costs the first
     * file some milliseconds more (its URL handler, the jar's manifest, bench/README.md).
     */
    private static final Map<String, @Nullable ZipFile> OPEN = new HashMap<>();

    private EmbeddedFiles() {}

    /**
     * The bytes of a file, or null when the program has none of that name.
     *
     * @param name a class-path resource name, such as {@code knowledge/knowledge.bin} (no leading slash)
     * @throws IOException if the file is there but cannot be read
     */
    public static byte @Nullable [] read(String name) throws IOException {
        List<String> r = roots;
        if (r == null) {
            r = roots(System.getProperty("java.class.path", ""));
            roots = r;
        }
        return read(name, r);
    }

    /** The same, looking in these roots before asking the class loader. */
    static byte @Nullable [] read(String name, List<String> roots) throws IOException {
        for (String root : roots) {
            if (root.startsWith(JAR)) {
                ZipFile jar = open(root.substring(JAR.length()));
                ZipEntry entry = jar == null ? null : jar.getEntry(name);
                if (entry == null || entry.isDirectory()) {
                    continue; // not in this jar, or a jar that cannot be opened: the class loader passes over both
                }
                return readAll(jar, entry);
            }
            // a directory, read as a file (a file: URL's connection would guess its content type
            // from a table the runtime reads from its modules)
            Path file = Path.of(root, name);
            if (Files.isRegularFile(file)) {
                return Files.readAllBytes(file);
            }
        }
        try (InputStream in = EmbeddedFiles.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** A jar of the class path, opened once; {@code null} when it cannot be opened. */
    private static @Nullable ZipFile open(String path) {
        synchronized (OPEN) {
            if (OPEN.containsKey(path)) {
                return OPEN.get(path);
            }
            ZipFile jar;
            try {
                jar = new ZipFile(path);
            } catch (IOException e) {
                jar = null;
            }
            OPEN.put(path, jar);
            return jar;
        }
    }

    /** The directories (their paths) and jars ({@code jar:} and the path) of a class path, in order. */
    static List<String> roots(String classPath) {
        List<String> out = new ArrayList<>(2);
        int from = 0;
        while (from <= classPath.length()) {
            int to = classPath.indexOf(File.pathSeparatorChar, from);
            if (to < 0) {
                to = classPath.length();
            }
            String element = classPath.substring(from, to);
            File f = new File(element.isEmpty() ? "." : element);
            if (f.isDirectory()) {
                out.add(f.getAbsolutePath());
            } else if (element.endsWith(".jar") && f.isFile()) {
                out.add(JAR + f.getAbsolutePath());
            }
            from = to + 1;
        }
        return List.copyOf(out);
    }

    /** The whole content, read into an array of the entry's size when the jar gives it. */
    private static byte[] readAll(ZipFile jar, ZipEntry entry) throws IOException {
        long size = entry.getSize();
        try (InputStream in = jar.getInputStream(entry)) {
            if (size < 0 || size > Integer.MAX_VALUE - 16) {
                return in.readAllBytes();
            }
            byte[] bytes = new byte[(int) size];
            int n = in.readNBytes(bytes, 0, bytes.length);
            if (n < bytes.length) {
                throw new IOException("embedded file cut short: " + n + " of " + bytes.length + " bytes");
            }
            if (in.read() >= 0) {
                throw new IOException("embedded file longer than the " + bytes.length + " bytes its entry gives");
            }
            return bytes;
        }
    }
}
