package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.testsupport.GeneratedRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everyday lookups and searches skip picocli (see {@link FastPath}); every command line must print
 * the same and exit the same on both paths.
 */
class FastPathTest {
    @TempDir
    Path home;

    @TempDir
    Path files;

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of("443"), List.of("lookup", "443"), List.of("22", "80", "443"),
                List.of("lookup", "53/udp", "ssh", "8000-8002"), List.of("60"), List.of("60327"), List.of("ssh"),
                List.of("SSH/TCP"), List.of("+22"), List.of("00022"), List.of("0"), List.of("65535"),
                List.of("8000 - 8001"), List.of(" 22 "), List.of("lookup", "1-200"),
                List.of("-1"), List.of("65536"), List.of("abc"), List.of("80/xyz"), List.of("9000-8000"),
                List.of("-22x"), List.of("22", "nosuchservice"), List.of("9".repeat(70)),
                List.of("443", "--format", "json"), List.of("443", "-f", "CSV"), List.of("443", "--format=json"),
                List.of("lookup", "-t", "udp", "53"), List.of("22", "--transport", "sctp", "--format", "json"),
                List.of("22", "--transport", "xyz"), List.of("22/tcp", "-t", "udp"), List.of("22", "--format", "xml"),
                List.of("search", "postgers"), List.of("search", "ntp", "-n", "3"), List.of("search", "network", "time",
                        "--limit=5", "--format", "csv"), List.of("search", "ssh", "--limit", "-1"),
                List.of("search", "ssh", "--limit", "abc"), List.of("search", "!!!"), List.of("search", "ssh", "-t", "udp"),
                List.of("search", "ssh", "--debug"), List.of("lookup", "22", "--debug"), List.of("search", "redis", "-n"),
                // regression: an option name where a value belongs is picocli's error on both paths
                List.of("22", "--transport", "-t", "udp"), List.of("search", "ssh", "-n", "--debug"),
                List.of("22", "-f", "-1"), List.of("22", "-t", "22", "--transport=dccp"),
                List.of("search", "x", "-n", "2", "--limit=3"), List.of("22", "--debug", "--debug"),
                List.of("search", "escritorio", "remoto", "--lang", "es"), List.of("search", "redis", "-l", "ja"),
                List.of("search", "dns", "--lang=de", "-n", "3"), List.of("search", "ssh", "--lang", "xx"),
                List.of("search", "ssh", "--lang"), List.of("search", "ssh", "-l", "--debug"),
                List.of("--version"), List.of("-V"), List.of("--version", "--version"), List.of("-V", "22"),
                List.of("status"), List.of("status", "--format", "json"), List.of("status", "-f", "csv"),
                List.of("status", "--format=xml"), List.of("status", "22"));
    }

    private static void assertSame(Cli.Run fast, Cli.Run picocli) {
        assertThat(fast.code()).isEqualTo(picocli.code());
        assertThat(fast.out()).isEqualTo(picocli.out());
        assertThat(firstLines(fast.err())).isEqualTo(firstLines(picocli.err()));
    }

    /** With --debug the stack traces differ in their frames, not in the error line. */
    private static String firstLines(String err) {
        return err.lines().filter(l -> !l.startsWith("\tat ") && !l.startsWith("\t... ")).toList().toString();
    }

    private static String[] full(List<String> args) {
        return Main.withDefaultCommand(args.toArray(String[]::new));
    }

    private Console console() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new Console(sink, sink, Map.of("PORTOLAN_HOME", home.toString()), false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void bothPathsPrintTheSame(List<String> args) {
        assertSame(Cli.run(home, args.toArray(String[]::new)), Cli.runViaPicocli(home, args.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void bothPathsPrintTheSameFromImportedData(List<String> args) {
        Path f = GeneratedRegistry.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1),
                GeneratedRegistry.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        assertSame(Cli.run(home, args.toArray(String[]::new)), Cli.runViaPicocli(home, args.toArray(String[]::new)));
    }

    @Test
    void everydayCommandLinesTakeTheFastPath() {
        for (List<String> args : List.of(List.of("443"), List.of("lookup", "53/udp", "ssh"), List.of("-1"),
                List.of("443", "--format", "json"), List.of("443", "-t", "udp", "-f", "csv"),
                List.of("search", "postgres"), List.of("search", "ntp", "-n", "5", "--format=json"),
                List.of("search", "escritorio", "remoto", "--lang", "es"), List.of("22", "--debug"), List.of("history", "443"), List.of("history", "53/udp", "-f", "json", "-l", "de"),
                List.of("diff", "2024-08-01", "2025-12-15"), List.of("diff", "a.xml", "b.xml", "--format=csv"),
                List.of("--version"), List.of("-V"), List.of("status"), List.of("status", "-f", "json"))) {
            assertThat(FastPath.parse(full(args), console())).as("%s", args).isNotNull();
        }
    }

    @Test
    void everythingElseGoesThroughPicocli() {
        for (List<String> args : List.of(List.of("status", "x"), List.of("import", "x.xml"), List.of("lookup"),
                List.of("lookup", "22", "--help"), List.of("lookup", "@args.txt"), List.of("lookup", ""),
                List.of("lookup", "22", "-x"), List.of("lookup", "22", "--format"), List.of("lookup", "22", "-f", "xml"),
                List.of("lookup", "22", "-n", "3"), List.of("search", "x", "-n", "abc"), List.of("lookup", "--", "22"),
                List.of("search", "--debug"), List.of("lookup", "22", "--debug=yes"),
                List.of("lookup", "22", "--transport", "-t", "udp"), List.of("listening", "--help"),
                List.of("listening", "22"), List.of("who"), List.of("who", "22", "23"), List.of("check", "8080", "-x"),
                List.of("free", "3000", "-yn"), List.of("free", "3000", "--yes=true"), List.of("who", "22", "--tcp", "--tcp"),
                List.of("suggest", "--seed", "1.5"), List.of("explain", "22", "--width", "wide"),
                List.of("audit"), List.of("audit", "--format", "json"), List.of("status", "--help"), List.of("help", "who"))) {
            assertThat(FastPath.parse(args.toArray(String[]::new), console())).as("%s", args).isNull();
        }
    }

    @Test
    void inspectionCommands_areCommands_notServiceNamesToLookUp() {
        for (String command : List.of("listening", "who", "check", "audit", "free", "suggest")) {
            assertThat(full(List.of(command, "22"))).containsExactly(command, "22");
        }
        assertThat(full(List.of("--debug", "who", "22"))).containsExactly("--debug", "who", "22");
    }

    /** Command lines of history and diff: good ones, and each way to get them wrong. */
    static Stream<List<String>> historyLines() {
        return Stream.of(List.of("history", "2"), List.of("history", "443/tcp", "--format", "json"),
                List.of("history", "22", "-f", "csv"), List.of("history", "7", "--lang=ru"), List.of("history"),
                List.of("history", "22", "23"), List.of("history", "ssh"), List.of("history", "70000"),
                List.of("history", "22", "--lang", "xx"), List.of("history", "22", "-f", "xml"), List.of("history", "-1"),
                List.of("diff", "2024-08-01", "2025-12-15"), List.of("diff", "2023-01-04", "2024-08-01", "-f", "csv"),
                List.of("diff", "2025-12-15", "2024-08-01", "--format=json"), List.of("diff", "2024-08-01"),
                List.of("diff", "2024-08-01", "2025-12-15", "2017-03-10"), List.of("diff", "2024-08-02", "2025-12-15"),
                List.of("diff", "2024-8-1", "2025-12-15", "-l", "fr"), List.of("diff", "2025-12-15", "2025-12-15"),
                List.of("diff", "/nonexistent/a.xml", "2025-12-15"), List.of("diff", "2024-08-01", "2025-12-15", "-x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("historyLines")
    void historyAndDiffPrintTheSameOnBothPaths(List<String> args) {
        String[] a = args.toArray(String[]::new);
        assertSame(Cli.run(home, a), Cli.runViaPicocli(home, a));
    }

    @Test
    void historyAndDiff_areCommands_notServiceNamesToLookUp() {
        assertThat(full(List.of("history", "22"))).containsExactly("history", "22");
        assertThat(full(List.of("diff", "2024-08-01", "2025-12-15"))).containsExactly("diff", "2024-08-01", "2025-12-15");
    }

    /** Command lines of the commands that inspect this machine, over fixed sockets. */
    static Stream<List<String>> inspectionLines() {
        return Stream.of(List.of("listening"), List.of("listening", "--tcp"), List.of("listening", "--udp", "-f", "csv"),
                List.of("listening", "-e", "--format=json"), List.of("listening", "--tcp", "--udp"),
                List.of("listening", "--from", "/nonexistent/capture.txt"), List.of("listening", "-f", "xml"),
                List.of("listening", "22"), List.of("listening", "--tcp", "--tcp"), List.of("who", "22"),
                List.of("who", "22/udp"), List.of("who", "5432", "-f", "json"), List.of("who", "99999"), List.of("who"),
                List.of("who", "22", "--udp"), List.of("who", "-1"), List.of("who", "x", "--debug"),
                List.of("check", "8080"), List.of("check", "8081", "--format", "json"), List.of("check", "53/udp"),
                List.of("check", "22", "23"), List.of("free", "22", "--dry-run"), List.of("free", "22", "-n", "--grace", "1"),
                List.of("free", "22", "--grace", "-3", "-n"), List.of("free", "22", "--grace", "x"),
                List.of("free", "65536", "-n"), List.of("suggest", "--seed", "3"), List.of("suggest", "-n", "2", "--seed", "5",
                        "-f", "json"), List.of("suggest", "-n", "0", "--seed", "1"), List.of("suggest", "--seed", "x"),
                List.of("explain", "60", "--width", "60"), List.of("explain", "60", "-w", "10"),
                List.of("explain", "60", "--lang", "xx"), List.of("explain", "60", "61"), List.of("explain"),
                List.of("listening", "--lang", "zh"), List.of("listening", "-l", "ar", "-f", "csv"),
                List.of("who", "22", "--lang=de"), List.of("check", "8081", "-l", "ja"), List.of("free", "22", "-n", "-l", "fr"),
                List.of("suggest", "--seed", "3", "--lang", "ru"), List.of("who", "22", "--lang", "xx"),
                List.of("check", "22", "--lang"));
    }

    private int machines;

    private LocalInspection fixedMachine() {
        FakeProc p = new FakeProc(files.resolve("machine-" + machines++)).tcpListener("0.0.0.0", 22, 612, "sshd")
                .tcpListener("127.0.0.1", 5432, 700, "postgres").udpSocket("127.0.0.53", 53, 0, "");
        return new LocalInspection(p.sockets(), dev.portolan.inspect.audit.MalwarePorts.none());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inspectionLines")
    void inspectionCommandsPrintTheSameOnBothPaths(List<String> args) {
        LocalInspection machine = fixedMachine();
        String[] a = args.toArray(String[]::new);
        assertSame(Cli.run(home, machine, a), Cli.runViaPicocli(home, machine, a));
    }

    /** Every option the fast path reads is one picocli knows for that command, taking a value alike. */
    @Test
    void fastPathOptions_arePicocliOptions() {
        for (String command : List.of("lookup", "search", "explain", "history", "diff", "listening", "who", "check", "free",
                "suggest", "status")) {
            FastPath.Grammar<?> g = FastPath.grammar(command, console(), fixedMachine());
            assertThat(g).as(command).isNotNull();
            picocli.CommandLine cl = new picocli.CommandLine(Main.commands().get(command), new picocli.CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    for (var ctor : cls.getDeclaredConstructors()) {
                        if (ctor.getParameterCount() == 2) {
                            return cls.cast(ctor.newInstance(console(), fixedMachine()));
                        }
                        if (ctor.getParameterCount() == 1) {
                            return cls.cast(ctor.newInstance(console()));
                        }
                    }
                    return picocli.CommandLine.defaultFactory().create(cls);
                }
            });
            g.namesAndWhetherTheyTakeAValue().forEach((name, valued) -> {
                picocli.CommandLine.Model.OptionSpec o = cl.getCommandSpec().findOption(name);
                assertThat(o).as(command + " " + name).isNotNull();
                assertThat(o.arity().max() > 0).as(command + " " + name + " takes a value").isEqualTo(valued);
            });
        }
    }

    /** The command table names each command as its annotation does. */
    @Test
    void commandTable_namesCommandsAsTheirAnnotations() {
        Main.commands().forEach((name, type) -> assertThat(
                type.getAnnotation(picocli.CommandLine.Command.class).name()).isEqualTo(name));
    }

    @Provide
    Arbitrary<List<String>> argumentLists() {
        return Arbitraries.of("22", "443", "0", "65535", "60", "60327", "8000-8003", "53/udp", "80/tcp", "7/sctp",
                "ssh", "HTTP", "domain/udp", "-1", "65536", "abc", "x/y", "9000-8000", "+5", "007", "-3x", "1-",
                "22/", "/tcp", "a.b", "a_b", "99999999999999999999999", "-t", "udp", "--format", "json", "-f",
                "csv", "--debug", "search", "-n", "2", "--limit=1", "--transport=dccp").list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 1000)
    void anyArgumentsPrintTheSameOnBothPaths(@ForAll("argumentLists") List<String> args) {
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "portolan-test-no-home-" + ProcessHandle.current().pid());
        List<String> a = new ArrayList<>(args);
        assertSame(Cli.run(nowhere, a.toArray(String[]::new)), Cli.runViaPicocli(nowhere, a.toArray(String[]::new)));
    }
}
