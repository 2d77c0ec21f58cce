package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/portolan.service is a unit systemd accepts ({@code systemd-analyze verify}), keeps its
 * sandbox, and gives the server time to stop. Without {@code systemd-analyze} on the PATH the
 * systemd checks are skipped, unless {@value #EXPECT_VARIABLE}{@code =1} says it must be there
 * ({@code .ci/run} sets it): then they fail. The checks of the file's own settings always run.
 */
class SystemdUnitTest {
    static final String EXPECT_VARIABLE = "PORTOLAN_EXPECT_SYSTEMD";
    /** Where the unit expects the installed program; the copy under test points at this checkout. */
    private static final String INSTALLED = "/opt/portolan/";
    /** The server's default --shutdown-grace: the longest it lets requests in flight finish. */
    private static final long DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
    /**
     * {@code systemd-analyze security --offline=yes} rated the unit 1.1 with systemd 252 (Debian 12);
     * the limit leaves room for other versions' weights, not for a lost setting.
     */
    private static final double MOST_EXPOSURE = 2.0;

    @TempDir
    Path dir;

    private static Path repository() {
        // Maven runs the tests in the module's directory
        return Path.of("..").toAbsolutePath().normalize();
    }

    private static Path unitFile() {
        return repository().resolve("deploy").resolve("portolan.service");
    }

    @Test
    void theUnit_keepsItsSandbox_andWaitsLongerThanTheShutdownGrace() throws IOException {
        Map<String, List<String>> service = section(Files.readAllLines(unitFile(), StandardCharsets.UTF_8), "Service");

        assertThat(last(service, "NoNewPrivileges")).contains("yes");
        assertThat(last(service, "ProtectSystem")).contains("strict");
        assertThat(last(service, "ProtectHome")).contains("yes");
        assertThat(last(service, "PrivateTmp")).contains("yes");
        assertThat(last(service, "PrivateDevices")).contains("yes");
        assertThat(last(service, "SystemCallFilter")).as("a system call filter").isPresent();
        assertThat(last(service, "CapabilityBoundingSet")).as("CapabilityBoundingSet= (empty: no capabilities)")
                .contains("");
        assertThat(last(service, "AmbientCapabilities")).as("AmbientCapabilities= (empty)").contains("");

        Optional<String> user = last(service, "User");
        boolean dynamic = last(service, "DynamicUser").filter(v -> v.equals("yes")).isPresent();
        assertThat(dynamic || user.filter(u -> !u.isEmpty() && !u.equals("root") && !u.equals("0")).isPresent())
                .as("runs as a user other than root (User=%s, DynamicUser=%s)", user.orElse(""), dynamic)
                .isTrue();

        Optional<String> stop = last(service, "TimeoutStopSec");
        assertThat(stop).as("TimeoutStopSec").isPresent();
        assertThat(seconds(stop.orElseThrow()))
                .as("TimeoutStopSec=%s is longer than the default shutdown grace", stop.orElseThrow())
                .isGreaterThan((double) DEFAULT_SHUTDOWN_GRACE_SECONDS);
        assertThat(service.getOrDefault("SuccessExitStatus", List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split("\\s+")))).as("SuccessExitStatus (SIGTERM's 143)").contains("143");

        // measured: the JVM writes the code it generates and then runs it, and stops at start-up
        // without writable executable memory
        assertThat(last(service, "MemoryDenyWriteExecute")).as("MemoryDenyWriteExecute").isNotEqualTo(Optional.of("yes"));
        // measured: with /proc limited to processes, Java 17 sees no IPv6 and no cgroup limits
        assertThat(last(service, "ProcSubset")).as("ProcSubset").isNotEqualTo(Optional.of("pid"));

        assertThat(last(service, "ExecStart")).hasValueSatisfying(
                exec -> assertThat(exec).startsWith(INSTALLED + "bin/portolan serve "));
    }

    @Test
    void timeSpans_readAsSystemdReadsThem() {
        assertThat(seconds("30")).isEqualTo(30.0);
        assertThat(seconds("30s")).isEqualTo(30.0);
        assertThat(seconds("1min 30s")).isEqualTo(90.0);
        assertThat(seconds("2m500ms")).isEqualTo(120.5);
        assertThat(seconds("infinity")).isInfinite();
    }

    @Test
    void systemdAnalyzeVerify_acceptsTheUnit() throws IOException, InterruptedException {
        String analyze = systemdAnalyze();
        Path copy = installedHere();

        Run run = run(analyze, "verify", copy.toString());
        System.out.println("systemd-analyze verify " + copy.getFileName() + ": exit " + run.status
                + (run.lines.isEmpty() ? ", nothing printed" : ", printed:"));
        run.lines.forEach(line -> System.out.println("  " + line));

        assertThat(run.status).as("systemd-analyze verify's exit status; it printed %s", run.lines).isZero();
        // systemd-analyze also loads the units this one names (multi-user.target and what it pulls
        // in); what it says about those is the machine's business, not this unit's
        List<String> aboutTheUnit = run.lines.stream()
                .filter(line -> line.contains(copy.getFileName().toString()) || line.contains(dir.toString()))
                .toList();
        assertThat(aboutTheUnit).as("what systemd-analyze verify says about the unit").isEmpty();
    }

    @Test
    void systemdAnalyzeSecurity_ratesTheUnitsExposureLow() throws IOException, InterruptedException {
        String analyze = systemdAnalyze();
        Run version = run(analyze, "--version");
        Matcher m = Pattern.compile("^systemd (\\d+)").matcher(version.lines.isEmpty() ? "" : version.lines.get(0));
        assumeTrue(m.find() && Integer.parseInt(m.group(1)) >= 250,
                "systemd-analyze security --offline needs systemd 250 or later: " + version.lines);
        Path copy = installedHere();

        Run run = run(analyze, "security", "--offline=yes", "--no-pager", copy.toString());
        Matcher overall = Pattern.compile("Overall exposure level for \\S+: (\\d+(?:\\.\\d+)?)")
                .matcher(String.join("\n", run.lines));
        if (!overall.find()) {
            fail("systemd-analyze security printed no exposure level (exit " + run.status + "):\n"
                    + String.join("\n", run.lines));
        }
        double exposure = Double.parseDouble(overall.group(1));
        System.out.println("systemd-analyze security --offline=yes: exposure " + exposure + " ("
                + version.lines.get(0) + ")");
        run.lines.stream().filter(line -> line.startsWith("\u2717")).forEach(line -> System.out.println("  " + line));

        assertThat(exposure).as("exposure level (0 = fully sandboxed, 10 = not at all)").isLessThan(MOST_EXPOSURE);
    }

    /** systemd-analyze on the PATH; skips the test, or fails it where systemd is expected. */
    private static String systemdAnalyze() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "systemd-analyze"))) {
                return Path.of(d, "systemd-analyze").toString();
            }
        }
        if ("1".equals(System.getenv(EXPECT_VARIABLE))) {
            fail(EXPECT_VARIABLE + "=1 but systemd-analyze is not on the PATH (Debian: apt-get install systemd)");
        }
        assumeTrue(false, "systemd-analyze is not on the PATH");
        throw new AssertionError("unreachable");
    }

    /** A copy of the unit that runs this checkout's bin/portolan, which verify wants to exist. */
    private Path installedHere() throws IOException {
        String unit = Files.readString(unitFile(), StandardCharsets.UTF_8);
        Path launcher = repository().resolve("bin").resolve("portolan");
        assertThat(launcher).isExecutable();
        assertThat(unit).contains("ExecStart=" + INSTALLED + "bin/portolan ");
        // % starts a specifier in a unit file; quotes keep a path with spaces one word
        String here = repository().toString().replace("%", "%%") + "/";
        unit = unit.replace("ExecStart=" + INSTALLED + "bin/portolan ", "ExecStart=\"" + here + "bin/portolan\" ")
                .replace(INSTALLED, here);
        Path copy = dir.resolve("portolan.service");
        Files.writeString(copy, unit, StandardCharsets.UTF_8);
        return copy;
    }

    private record Run(int status, List<String> lines) { }

    private Run run(String... command) throws IOException, InterruptedException {
        Path output = dir.resolve("systemd-analyze.out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 60 s");
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        return new Run(p.exitValue(), lines);
    }

    /** The settings of one section, each key's values in order (a key may be given several times). */
    static Map<String, List<String>> section(List<String> lines, String name) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        String current = "";
        StringBuilder pending = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))) {
                continue;
            }
            if (line.endsWith("\\")) {
                // a continued line: systemd joins it to the next with a space
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            line = pending.append(line).toString().strip();
            pending.setLength(0);
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1);
            } else if (current.equals(name) && line.contains("=")) {
                int eq = line.indexOf('=');
                settings.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                        .add(line.substring(eq + 1).strip());
            }
        }
        return settings;
    }

    private static Optional<String> last(Map<String, List<String>> settings, String key) {
        List<String> values = settings.getOrDefault(key, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** A systemd time span ({@code 30}, {@code 30s}, {@code 1min 30s}, {@code infinity}) in seconds. */
    static double seconds(String span) {
        String s = span.strip();
        if (s.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)\\s*").matcher(s);
        double total = 0;
        int end = 0;
        while (m.lookingAt()) {
            double n = Double.parseDouble(m.group(1));
            total += n * switch (m.group(2)) {
                case "", "s", "sec", "second", "seconds" -> 1;
                case "us", "usec" -> 1e-6;
                case "ms", "msec" -> 1e-3;
                case "m", "min", "minute", "minutes" -> 60;
                case "h", "hr", "hour", "hours" -> 3600;
                case "d", "day", "days" -> 86_400;
                case "w", "week", "weeks" -> 604_800;
                default -> throw new IllegalArgumentException("not a time span: " + span);
            };
            end = m.end();
            m.region(end, s.length());
        }
        if (end != s.length() || end == 0) {
            throw new IllegalArgumentException("not a time span: " + span);
        }
        return total;
    }
}
