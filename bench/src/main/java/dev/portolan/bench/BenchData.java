package dev.portolan.bench;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the full IANA registry files the benchmarks read.
 *
 * <p>The files live in {@code shared/data/iana} beside the repository: the directory whose
 * {@code pom.xml} declares {@code portolan-parent} is found by walking up from the working
 * directory (or from the benchmark jar), and {@code shared/data/iana} is looked for in its parent
 * and, for checkouts nested deeper than the shared folder, in the parents above that. The system
 * property {@code portolan.data} names another directory instead:
 *
 * <pre>java -Dportolan.data=/path/to/iana -jar bench/target/benchmarks.jar</pre>
 *
 * <p>JMH passes the launching JVM's options to its forks, so the property reaches the forks.
 */
public final class BenchData {
    /** The system property that overrides where the registry files are. */
    public static final String PROPERTY = "portolan.data";
    /** The full registry in XML, as IANA publishes it. */
    public static final String XML = "service-names-port-numbers.xml";
    /** The full registry in CSV, gzip-compressed. */
    public static final String CSV_GZ = "service-names-port-numbers.csv.gz";

    private static final String PARENT_ARTIFACT = "<artifactId>portolan-parent</artifactId>";

    private BenchData() {}

    /** The path of one registry file; fails with a message naming where it was looked for. */
    public static Path file(String name) {
        List<Path> tried = new ArrayList<>();
        for (Path dir : candidates()) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                return f;
            }
            tried.add(f);
        }
        throw new IllegalStateException("the benchmark needs the full IANA registry file " + name
                + " but it is not at " + (tried.isEmpty() ? "any known place" : String.join(" nor ", tried.stream()
                        .map(Path::toString).toList()))
                + "; put it there or run with -D" + PROPERTY + "=DIRECTORY (the directory holding " + name + ")");
    }

    /** The full registry, read from the XML file. */
    public static RegistrySnapshot fullRegistry() {
        Path xml = file(XML);
        try {
            return RegistryFileReader.read(xml);
        } catch (RegistryFormatException e) {
            throw new IllegalStateException("cannot read the full registry " + xml + ": " + e.getMessage(), e);
        }
    }

    /** Directories that may hold the files, most specific first. */
    static List<Path> candidates() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return List.of(Path.of(override).toAbsolutePath().normalize());
        }
        Set<Path> out = new LinkedHashSet<>();
        for (Path start : starts()) {
            Path root = repositoryRoot(start);
            if (root == null) {
                continue;
            }
            for (Path p = root.getParent(); p != null; p = p.getParent()) {
                out.add(p.resolve("shared").resolve("data").resolve("iana"));
            }
        }
        return List.copyOf(out);
    }

    private static List<Path> starts() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize());
        try {
            var source = BenchData.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                starts.add(Path.of(source.getLocation().toURI()).toAbsolutePath().normalize());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // Only a second guess: the working directory is tried first.
        }
        return starts;
    }

    /** The nearest directory at or above {@code start} whose pom.xml is the Portolan parent. */
    private static @Nullable Path repositoryRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                try {
                    if (Files.readString(pom, StandardCharsets.UTF_8).contains(PARENT_ARTIFACT)) {
                        return p;
                    }
                } catch (IOException e) {
                    // An unreadable pom is not the one we look for; keep walking up.
                }
            }
        }
        return null;
    }
}
