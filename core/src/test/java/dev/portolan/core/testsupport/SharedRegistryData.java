package dev.portolan.core.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Locates the shared copy of the IANA registry files that the full-registry tests read.
 *
 * <p>The directory is, in order: the system property or environment variable {@value #VARIABLE};
 * otherwise {@code shared/data/iana} next to the repository root, or else next to the nearest
 * directory further up that has one (for checkouts nested deeper, such as git worktrees), the
 * repository root being the nearest directory above the working directory whose {@code pom.xml}
 * is the {@code portolan-parent} project. When the directory is absent the tests are skipped, not
 * failed.
 */
public final class SharedRegistryData {
    /** System property or environment variable naming the directory of the shared registry files. */
    public static final String VARIABLE = "PORTOLAN_TEST_DATA";
    /** The current registry in XML. */
    public static final String XML = "service-names-port-numbers.xml";
    /** A mid-2024 release of the registry in CSV, gzip-compressed. */
    public static final String CSV_GZ = "service-names-port-numbers.csv.gz";
    /** Older XML releases, gzip-compressed. */
    public static final String HISTORY = "history";
    /** Where the shared data is looked for beside the repository root and the directories above it. */
    private static final String BESIDE = "shared/data/iana";

    private static volatile RegistrySnapshot xmlSnapshot;

    private SharedRegistryData() {}

    /** Where the shared data is expected, whether or not it exists. */
    public static Path expectedDirectory() {
        String configured = System.getProperty(VARIABLE);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path root = repositoryRoot().orElse(null);
        if (root == null || root.getParent() == null) {
            return Path.of(System.getProperty("user.dir")).toAbsolutePath().resolve(BESIDE);
        }
        for (Path dir = root.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(BESIDE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return root.getParent().resolve(BESIDE);
    }

    /** The shared data directory, if it exists. */
    public static Optional<Path> directory() {
        Path dir = expectedDirectory();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The file of an older XML release under {@value #HISTORY}, by its {@code updated} date. */
    public static String historyRelease(LocalDate updated) {
        return HISTORY + "/service-names-port-numbers-" + updated.format(DateTimeFormatter.BASIC_ISO_DATE) + ".xml.gz";
    }

    /** The message of a test skipped for want of the shared data. */
    public static String skipMessage(Path missing) {
        return "shared registry data not found at " + missing + ": skipping";
    }

    /** A file of the shared data; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path dir = expectedDirectory();
        assumeTrue(Files.isDirectory(dir), () -> skipMessage(dir));
        Path file = dir.resolve(relative);
        assumeTrue(Files.exists(file), () -> skipMessage(file));
        return file;
    }

    /** The current XML registry, read once per test run; skips the calling test when absent. */
    public static RegistrySnapshot xml() {
        Path file = require(XML);
        RegistrySnapshot s = xmlSnapshot;
        if (s == null) {
            synchronized (SharedRegistryData.class) {
                s = xmlSnapshot;
                if (s == null) {
                    try {
                        s = RegistryFileReader.read(file);
                    } catch (RegistryFormatException e) {
                        throw new IllegalStateException("the shared registry cannot be read: " + e.getMessage(), e);
                    }
                    xmlSnapshot = s;
                }
            }
        }
        return s;
    }

    /** The nearest directory above the working directory holding the parent POM of Portolan. */
    static Optional<Path> repositoryRoot() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && isParentPom(pom)) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static boolean isParentPom(Path pom) {
        try {
            String text = Files.readString(pom, StandardCharsets.UTF_8);
            // A module's POM names portolan-parent inside <parent>; only the project's own id counts.
            String own = text.replaceAll("(?s)<parent>.*?</parent>", "");
            return own.contains("<artifactId>portolan-parent</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips a jqwik container or property when the shared data is absent. */
    public static final class Required implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            Path dir = expectedDirectory();
            Path file = dir.resolve(XML);
            return Files.isRegularFile(file) ? SkipResult.doNotSkip() : SkipResult.skip(skipMessage(file));
        }
    }
}
