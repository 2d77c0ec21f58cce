package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The start-up rules of docs/architecture.md ("A lean start-up path"), held without timing: an
 * everyday command, run as its own process, links no lambda (the first costs a start some 7 ms,
 * each further one about 0.2 ms, bench/README.md) and loads no ICU class (every language is
 * formatted without it; only a page's line breaking needs it). The JVM's class-loading log says
 * which classes a run loaded; a lambda shows there as a class named {@code ...$$Lambda$...}, ours
 * or the JDK's.
 *
 * <p>The commands chosen depend on nothing of this machine: lookups, searches, and {@code check} of
 * port 1, which nothing holds on a machine that runs these tests. They compile no regular
 * expression either (the JDK's own use lambdas).
 */
class StartupPathTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"443", "443 --format json", "22/udp", "check 1", "free 1 --dry-run", "search postgres",
        "search postgers", "search 8000-8100/udp", "search localhost:8080", "--version", "status", "status --format json"})
    void anEverydayEnglishCommand_linksNoLambda_andLoadsNoIcu(String line) throws Exception {
        assertLeanStart(line);
    }

    /**
     * The same in other languages for the commands that format no page (the page's line breaking
     * is ICU's): their plural rules, numbers, lists and dates come from the compiled formatting
     * data, and right-to-left text is isolated with the compiled bidirectional properties.
     */
    @ParameterizedTest
    @ValueSource(strings = {"check 1 --lang ar", "check 1 --lang de", "check 1 --lang ja", "check 1 --lang zh-Hans",
        "check 1 --lang hi", "who 1 --lang ps", "who 1 --lang ru", "free 1 --dry-run --lang fa",
        "search escritorio remoto --lang es", "search dns --lang ar"})
    void aCommandInAnotherLanguage_linksNoLambda_andLoadsNoIcu(String line) throws Exception {
        assertLeanStart(line);
    }

    private void assertLeanStart(String line) throws Exception {
        Path log = home.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xlog:class+load:file=" + log,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(line.split(" ")));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("out.txt").toFile());
        pb.environment().put("PORTOLAN_HOME", home.resolve("home").toString());
        pb.environment().put("LANG", "C");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(home.resolve("out.txt"))).isZero();

        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(loaded).as("classes loaded").hasSizeGreaterThan(400);
        assertThat(loaded).filteredOn(l -> l.contains("dev.portolan.cli.Main ")).isNotEmpty();
        assertThat(loaded).as("lambdas linked by " + line).filteredOn(l -> l.contains("$$Lambda")).isEmpty();
        assertThat(loaded).as("regular expressions compiled by " + line)
                .filteredOn(l -> l.contains(" java.util.regex.Pattern ")).isEmpty();
        assertThat(loaded).as("ICU classes loaded by " + line).filteredOn(l -> l.contains(" com.ibm.icu.")).isEmpty();
    }
}
