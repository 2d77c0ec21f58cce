package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Usage help: the program alone, and every command's --help. */
class HelpTest {
    @TempDir
    Path home;

    /** Regression: the program without arguments failed building its usage with a second factory. */
    @Test
    void noArguments_printsUsageAndTheCommands() {
        Cli.Run run = Cli.run(home);
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Usage: portolan").contains("lookup", "explain", "feedback", "listening", "audit");
        assertThat(run.err()).isEmpty();
    }

    /** Regression: subcommands refused --help ("--help is not a port ..."). */
    @ParameterizedTest
    @ValueSource(strings = {"lookup", "search", "explain", "history", "diff", "import", "update", "status", "feedback",
        "listening", "who", "check", "audit"})
    void everyCommand_answersHelp(String command) {
        Cli.Run run = Cli.run(home, command, "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Usage: portolan " + command);
    }
}
