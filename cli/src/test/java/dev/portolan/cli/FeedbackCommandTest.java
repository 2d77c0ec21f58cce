package dev.portolan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portolan.core.StoreException;
import dev.portolan.store.FeedbackStore;
import dev.portolan.store.Reaction;
import dev.portolan.store.Vote;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code portolan feedback}: the least helpful pages, from the votes in the home's database. */
class FeedbackCommandTest {
    @TempDir
    Path home;

    private Path db() {
        return home.resolve("portolan.db");
    }

    /** Ports 8080 (7 unhelpful, 1 neutral, 2 helpful), 443 (1, 0, 0), 22 (3, 2, 10), 6667 (12, 0, 1), 80 (0, 0, 5). */
    private void someVotes() throws StoreException {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            votes(store, 8080, 7, 1, 2);
            votes(store, 443, 1, 0, 0);
            votes(store, 22, 3, 2, 10);
            votes(store, 6667, 12, 0, 1);
            votes(store, 80, 0, 0, 5);
        }
    }

    private static void votes(FeedbackStore store, int port, int unhelpful, int neutral, int helpful)
            throws StoreException {
        for (int i = 0; i < unhelpful; i++) {
            store.record(new Vote(port, "en", Reaction.UNHELPFUL));
        }
        for (int i = 0; i < neutral; i++) {
            store.record(new Vote(port, "de-CH", Reaction.NEUTRAL));
        }
        for (int i = 0; i < helpful; i++) {
            store.record(new Vote(port, "fr", Reaction.HELPFUL));
        }
    }

    @Test
    void table_listsTheLeastHelpfulPagesFirst() throws Exception {
        someVotes();

        Cli.Run run = Cli.run(home, "feedback");

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "PORT  UNHELPFUL  NEUTRAL  HELPFUL  TOTAL",
                "6667         12        0        1     13",
                "8080          7        1        2     10",
                "443           1        0        0      1",
                "22            3        2       10     15",
                "",
                "database: " + db());
    }

    @Test
    void json_isOneObjectPerPage() throws Exception {
        someVotes();

        Cli.Run run = Cli.run(home, "feedback", "--format", "json", "--limit", "2");

        assertThat(run.code()).isZero();
        JsonNode pages = new ObjectMapper().readTree(run.out());
        assertThat(pages.size()).isEqualTo(2);
        assertThat(pages.get(0).toString()).isEqualTo(
                "{\"port\":6667,\"unhelpful\":12,\"neutral\":0,\"helpful\":1,\"total\":13}");
        assertThat(pages.get(1).toString()).isEqualTo(
                "{\"port\":8080,\"unhelpful\":7,\"neutral\":1,\"helpful\":2,\"total\":10}");
    }

    @Test
    void csv_hasAHeaderAndOneLinePerPage() throws Exception {
        someVotes();

        Cli.Run run = Cli.run(home, "feedback", "-f", "csv", "-n", "0");

        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactly("port,unhelpful,neutral,helpful,total", "6667,12,0,1,13",
                "8080,7,1,2,10", "443,1,0,0,1", "22,3,2,10,15");
    }

    @Test
    void limit_cutsTheList() throws Exception {
        someVotes();

        assertThat(Cli.run(home, "feedback", "-n", "1", "-f", "csv").outLines())
                .containsExactly("port,unhelpful,neutral,helpful,total", "6667,12,0,1,13");
    }

    @Test
    void noDatabase_listsNothingAndCreatesNothing() {
        Cli.Run table = Cli.run(home, "feedback");
        Cli.Run json = Cli.run(home, "feedback", "--format", "json");
        Cli.Run csv = Cli.run(home, "feedback", "--format", "csv");

        assertThat(table.code()).isZero();
        assertThat(table.outLines()).containsExactly("no page has a 'not helpful' vote yet", "",
                "database: " + db() + " (none yet)");
        assertThat(json.out()).isEqualTo("[ ]\n");
        assertThat(csv.outLines()).containsExactly("port,unhelpful,neutral,helpful,total");
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void onlyHelpfulVotes_listNothing() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(db())) {
            votes(store, 80, 0, 1, 5);
        }

        assertThat(Cli.run(home, "feedback").outLines()).containsExactly("no page has a 'not helpful' vote yet", "",
                "database: " + db());
    }

    @Test
    void limitOutOfRange_isBadInput() {
        for (String limit : List.of("-1", "65537")) {
            Cli.Run run = Cli.run(home, "feedback", "--limit", limit);

            assertThat(run.code()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).containsExactly(
                    "portolan: --limit " + limit + " is out of range: give 0 (all) to 65536");
        }
    }

    @Test
    void damagedDatabase_isAFailureWithOneLineAndStaysUnchanged() throws Exception {
        Files.writeString(db(), "not a database\n");

        Cli.Run run = Cli.run(home, "feedback");

        assertThat(run.code()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("portolan: feedback database " + db() + " is not an SQLite database "
                + "(it does not start with \"SQLite format 3\"); it was left unchanged: move it away, or set "
                + "PORTOLAN_HOME to another directory");
        assertThat(db()).hasContent("not a database");
    }

    @Test
    void feedback_isACommandNotAServiceName_andGoesThroughPicocli() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        Console console = new Console(sink, sink, Map.of("PORTOLAN_HOME", home.toString()), false);
        for (List<String> args : List.of(List.of("feedback"), List.of("feedback", "-n", "5"),
                List.of("feedback", "--format", "json"), List.of("--debug", "feedback"))) {
            String[] full = Main.withDefaultCommand(args.toArray(String[]::new));
            assertThat(full).as("%s", args).isEqualTo(args.toArray(String[]::new));
            assertThat(FastPath.parse(full, console)).as("%s", args).isNull();
        }
    }

    @Test
    void help_listsTheCommand() {
        Cli.Run run = Cli.run(home, "--help");

        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("\\n  feedback +List the port pages readers found least helpful");
        Cli.Run help = Cli.run(home, "feedback", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).contains("--limit=N", "--format=F", "lower bound of the 95% Wilson interval");
    }
}
