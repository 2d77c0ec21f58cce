package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portolan.core.baseline.Baseline;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad lookup and search input: exit code 2, one exact line on standard error, nothing on standard output. */
class LookupAndSearchErrorTest {
    private static final String RANGE_RULE = "is out of range: port numbers are 0 to 65535";
    private static final String TRANSPORT_RULE = "expected tcp, udp, sctp or dccp";
    private static final String NO_WORDS = "has no letters or digits: give a port (443) or a name (ssh)";
    private static final String EMPTY =
            "the search query is empty: give a port (443), a range (8000-8100) or a name (ssh, postgres)";

    @TempDir
    Path home;

    /** The run failed as bad input with exactly the one error line {@code expected} and no output. */
    private static void assertRefusedAsBadInput(Cli.Run run, String expected) {
        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(expected);
        assertThat(run.out()).isEmpty();
    }

    static Stream<Arguments> badLookups() {
        String baseline = Baseline.load().info().describe();
        return Stream.of(
                Arguments.of(List.of("lookup", "-1"), "portolan: port -1 in \"-1\" " + RANGE_RULE),
                Arguments.of(List.of("-1"), "portolan: port -1 in \"-1\" " + RANGE_RULE),
                Arguments.of(List.of("65536"), "portolan: port 65536 in \"65536\" " + RANGE_RULE),
                Arguments.of(List.of("lookup", "65536/udp"), "portolan: port 65536 in \"65536/udp\" " + RANGE_RULE),
                Arguments.of(List.of("abc"),
                        "portolan: no service named \"abc\" in the " + baseline + "; try: portolan search abc"),
                Arguments.of(List.of("80/xyz"),
                        "portolan: unknown transport \"xyz\" in \"80/xyz\": " + TRANSPORT_RULE),
                Arguments.of(List.of("9000-8000"),
                        "portolan: range \"9000-8000\" is reversed: write the lower port first, as in 8000-9000"),
                Arguments.of(List.of("8000-70000"), "portolan: port 70000 in \"8000-70000\" " + RANGE_RULE),
                Arguments.of(List.of("123456789012345678901234567890"),
                        "portolan: port 12345678901234567890... in \"12345678901234567890...\" " + RANGE_RULE),
                Arguments.of(List.of("9".repeat(100)),
                        "portolan: argument is 100 characters long, at most 64 are accepted: expected a port 0-65535 "
                                + "(443), port/transport (53/udp), range (8000-8010) or service name (ssh)"),
                Arguments.of(List.of("lookup", ""),
                        "portolan: empty argument: expected a port 0-65535 (443), port/transport (53/udp), "
                                + "range (8000-8010) or service name (ssh)"),
                Arguments.of(List.of("lookup", "a\u0001b"),
                        "portolan: \"a?b\" is not a port, range or service name: expected a port 0-65535 (443), "
                                + "port/transport (53/udp), range (8000-8010) or service name (ssh)"),
                Arguments.of(List.of("22", "65536"), "portolan: port 65536 in \"65536\" " + RANGE_RULE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLookups")
    void badLookupArgumentIsOneLineAndExitCode2(List<String> args, String expected) {
        assertRefusedAsBadInput(Cli.run(home, args.toArray(String[]::new)), expected);
    }

    /** The same arguments with an option go through picocli instead of the fast path: same error. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badLookups")
    void badLookupArgumentGivesTheSameErrorThroughPicocli(List<String> args, String expected) {
        assertRefusedAsBadInput(Cli.runViaPicocli(home, args.toArray(String[]::new)), expected);
    }

    static Stream<Arguments> badOptionValues() {
        return Stream.of(
                Arguments.of(List.of("lookup", "80", "--transport", "xyz"),
                        "portolan: --transport \"xyz\" is not a transport: " + TRANSPORT_RULE),
                Arguments.of(List.of("lookup", "80", "-t", "xyz"),
                        "portolan: --transport \"xyz\" is not a transport: " + TRANSPORT_RULE),
                Arguments.of(List.of("lookup", "ssh/sctp", "--transport", "tcp"),
                        "portolan: the argument names sctp but --transport is tcp: give one of them"),
                Arguments.of(List.of("search", "ssh", "--transport", "xyz"),
                        "portolan: --transport \"xyz\" is not a transport: " + TRANSPORT_RULE),
                Arguments.of(List.of("search", ""), "portolan: " + EMPTY),
                Arguments.of(List.of("search", "   "), "portolan: " + EMPTY),
                Arguments.of(List.of("search", "..."), "portolan: the search query \"...\" " + NO_WORDS),
                Arguments.of(List.of("search", "!?", "#"), "portolan: the search query \"!? #\" " + NO_WORDS),
                Arguments.of(List.of("search", "\u0001\u0002"), "portolan: the search query holds the control or "
                        + "invalid character U+0001; type a port, a range or words"),
                Arguments.of(List.of("search", "x".repeat(201)),
                        "portolan: the search query is 201 characters long; at most 200 are accepted"),
                Arguments.of(List.of("search", "70000"), "portolan: there is no port 70000: ports are numbered 0 to 65535"),
                Arguments.of(List.of("search", "9000-8000"),
                        "portolan: the range 9000-8000 ends before it starts: write the lower port first (8000-9000)"),
                Arguments.of(List.of("search", "53/udp", "--transport", "tcp"),
                        "portolan: the query names udp but --transport is tcp: give one of them"),
                Arguments.of(List.of("search", "ssh", "--lang", "xx"),
                        "portolan: --lang 'xx' is not a language of the pages; choose one of en, es, pt, fr, de, ru, zh, "
                                + "ja, hi, bn, id, vi, ar, fa, ps"),
                Arguments.of(List.of("search", "ssh", "--limit", "-1"),
                        "portolan: --limit -1 is out of range: give 0 (all) to 10000"),
                Arguments.of(List.of("search", "ssh", "--limit", "10001"),
                        "portolan: --limit 10001 is out of range: give 0 (all) to 10000"),
                Arguments.of(List.of("update", "--timeout", "0"),
                        "portolan: --timeout 0 is out of range: give 1 to 3600 seconds"),
                Arguments.of(List.of("update", "--url", "ftp://127.0.0.1/registry.xml"),
                        "portolan: --url \"ftp://127.0.0.1/registry.xml\" is not an http or https URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptionValues")
    void badOptionValueIsOneLineAndExitCode2(List<String> args, String expected) {
        assertRefusedAsBadInput(Cli.run(home, args.toArray(String[]::new)), expected);
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("lookup", "80", "--format", "xml"),
                        "portolan: Invalid value for option '--format': expected one of [table, json, csv] "
                                + "(case-insensitive) but was 'xml' (see: portolan lookup --help)"),
                Arguments.of(List.of("search", "ssh", "--format", "xml"),
                        "portolan: Invalid value for option '--format': expected one of [table, json, csv] "
                                + "(case-insensitive) but was 'xml' (see: portolan search --help)"),
                Arguments.of(List.of("search", "ssh", "--limit", "abc"),
                        "portolan: Invalid value for option '--limit': 'abc' is not an int (see: portolan search --help)"),
                Arguments.of(List.of("search"), "portolan: Missing required parameter: 'WORD' (see: portolan search --help)"),
                Arguments.of(List.of("lookup"), "portolan: Missing required parameter: 'ARG' (see: portolan lookup --help)"),
                Arguments.of(List.of("import"), "portolan: Missing required parameter: 'FILE' (see: portolan import --help)"));
    }

    /**
     * Errors picocli finds while parsing: exit code 2, the error on the first line, no stack trace.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorStartsWithOneErrorLineAndHasNoStackTrace(List<String> args, String expected) {
        Cli.Run run = Cli.run(home, args.toArray(String[]::new));

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).first().isEqualTo(expected);
        assertThat(run.err()).doesNotContain("\tat ", "Exception");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorIsOneLine(List<String> args, String expected) {
        Cli.Run run = Cli.run(home, args.toArray(String[]::new));

        assertThat(run.errLines()).containsExactly(expected);
    }

    @Test
    void debugAddsTheStackTraceAfterTheErrorLine() {
        Cli.Run run = Cli.run(home, "lookup", "abc", "--debug");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> lines = run.errLines();
        assertThat(lines.get(0)).startsWith("portolan: no service named \"abc\" in the ");
        assertThat(lines.size()).isGreaterThan(3);
        assertThat(lines.get(1)).startsWith("dev.portolan.core.InvalidQueryException: no service named \"abc\"");
        assertThat(lines.subList(2, lines.size())).anyMatch(l -> l.startsWith("\tat dev.portolan."));
    }

    @Test
    void debugAddsTheStackTraceToUsageErrorsToo() {
        Cli.Run run = Cli.run(home, "lookup", "80", "--format", "xml", "--debug");

        assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines().get(0)).startsWith("portolan: Invalid value for option '--format'");
        assertThat(run.err()).contains("picocli.CommandLine$ParameterException", "\tat ");
    }

    @Test
    void withoutDebugThereIsNoStackTrace() {
        for (String[] args : new String[][] {
            {"lookup", "abc"}, {"lookup", "abc", "--format", "json"}, {"search", "..."}, {"65536"},
        }) {
            Cli.Run run = Cli.run(home, args);

            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.errLines()).as(String.join(" ", args)).hasSize(1);
            assertThat(run.err()).as(String.join(" ", args)).doesNotContain("\tat ", "Exception");
        }
    }
}
