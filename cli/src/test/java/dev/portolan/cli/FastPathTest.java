package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Plain lookups ({@code portolan 443}, {@code portolan lookup 53/udp ssh}) skip picocli; the same
 * lookups with an option go through it. Both must print the same and exit the same.
 */
class FastPathTest {
    @TempDir
    Path home;

    @TempDir
    Path files;

    static Stream<List<String>> lookups() {
        return Stream.of(
                List.of("443"), List.of("lookup", "443"), List.of("22", "80", "443"),
                List.of("lookup", "53/udp", "ssh", "8000-8002"), List.of("60"), List.of("60327"), List.of("ssh"),
                List.of("SSH/TCP"), List.of("+22"), List.of("00022"), List.of("0"), List.of("65535"),
                List.of("8000 - 8001"), List.of(" 22 "), List.of("lookup", "1-200"),
                List.of("-1"), List.of("65536"), List.of("abc"), List.of("80/xyz"), List.of("9000-8000"),
                List.of("-22x"), List.of("22", "nosuchservice"), List.of("9".repeat(70)));
    }

    private static String[] viaPicocli(List<String> args) {
        List<String> a = new ArrayList<>(args);
        if (!a.get(0).equals("lookup")) {
            a.add(0, "lookup");
        }
        a.addAll(List.of("--format", "table"));
        return a.toArray(String[]::new);
    }

    private static void assertSame(Cli.Run plain, Cli.Run picocli) {
        assertThat(picocli.code()).isEqualTo(plain.code());
        assertThat(picocli.out()).isEqualTo(plain.out());
        assertThat(picocli.err()).isEqualTo(plain.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void plainLookupTakesTheFastPath(List<String> args) {
        String[] full = args.get(0).equals("lookup") ? args.toArray(String[]::new)
                : Stream.concat(Stream.of("lookup"), args.stream()).toArray(String[]::new);
        assertThat(Main.isPlainLookup(Main.withDefaultCommand(args.toArray(String[]::new)))).isTrue();
        assertThat(Main.isPlainLookup(full)).isTrue();
        assertThat(Main.isPlainLookup(viaPicocli(args))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void bothPathsPrintTheSame(List<String> args) {
        assertSame(Cli.run(home, args.toArray(String[]::new)), Cli.run(home, viaPicocli(args)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lookups")
    void bothPathsPrintTheSameFromImportedData(List<String> args) {
        Path f = RegistryFixtures.writeXml(files, "registry.xml", LocalDate.of(2025, 6, 1),
                RegistryFixtures.RECORDS);
        assertThat(Cli.run(home, "import", f.toString()).code()).isZero();

        assertSame(Cli.run(home, args.toArray(String[]::new)), Cli.run(home, viaPicocli(args)));
    }

    @Test
    void optionsAnywhereLeaveTheFastPath() {
        assertThat(Main.isPlainLookup(new String[] {"lookup", "22", "--debug"})).isFalse();
        assertThat(Main.isPlainLookup(new String[] {"lookup", "-t", "udp", "22"})).isFalse();
        assertThat(Main.isPlainLookup(new String[] {"lookup", "@args.txt"})).isFalse();
        assertThat(Main.isPlainLookup(new String[] {"lookup", ""})).isFalse();
        assertThat(Main.isPlainLookup(new String[] {"search", "22"})).isFalse();
    }

    @Provide
    Arbitrary<List<String>> argumentLists() {
        return Arbitraries.of("22", "443", "0", "65535", "60", "60327", "8000-8003", "53/udp", "80/tcp", "7/sctp",
                "ssh", "HTTP", "domain/udp", "-1", "65536", "abc", "x/y", "9000-8000", "+5", "007", "-3x", "1-",
                "22/", "/tcp", "a.b", "a_b", "99999999999999999999999").list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 60)
    void anyArgumentsPrintTheSameOnBothPaths(@ForAll("argumentLists") List<String> args) {
        Path nowhere = Path.of(System.getProperty("java.io.tmpdir"), "portolan-test-no-home-" + ProcessHandle.current().pid());
        assertSame(Cli.run(nowhere, args.toArray(String[]::new)), Cli.run(nowhere, viaPicocli(args)));
    }
}
