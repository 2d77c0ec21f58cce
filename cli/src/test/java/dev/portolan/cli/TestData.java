package dev.portolan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared copy of IANA's registry files: {@code PORTOLAN_TEST_DATA} (a system property
 * or an environment variable) when set, otherwise {@code shared/data/iana} beside the project's
 * root directory.
 */
final class TestData {
    static final String VARIABLE = "PORTOLAN_TEST_DATA";

    private TestData() {}

    /** The directory of the shared IANA files, if there is one. */
    static Optional<Path> iana() {
        String configured = System.getProperty(VARIABLE);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        return projectRoot().map(root -> root.toAbsolutePath().getParent())
                .map(parent -> parent.resolve("shared/data/iana"))
                .filter(Files::isDirectory);
    }

    /** Where the data is looked for, for skip messages. */
    static String whereLooked() {
        String configured = System.getProperty(VARIABLE, System.getenv(VARIABLE));
        if (configured != null && !configured.isBlank()) {
            return configured + " (from " + VARIABLE + ")";
        }
        return projectRoot().map(r -> r.toAbsolutePath().getParent().resolve("shared/data/iana").toString())
                .orElse("(project root not found)") + "; set " + VARIABLE + " to the directory to use another";
    }

    /** The directory whose pom.xml is the project's parent POM, found by walking up from the working directory. */
    static Optional<Path> projectRoot() {
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
            // a module names the parent POM inside its <parent> element: look past that element
            String own = text.replaceAll("(?s)<parent>.*?</parent>", "");
            return own.contains("<artifactId>portolan-parent</artifactId>");
        } catch (IOException e) {
            return false;
        }
    }
}
