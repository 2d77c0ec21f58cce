package dev.portolan.store;

import static dev.portolan.store.FeedbackStoreTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An acknowledged vote is there after a close, and after the process is killed. */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void votes_surviveCloseAndReopen() throws Exception {
        Path db = dir.resolve("portolan.db");
        try (FeedbackStore store = FeedbackStore.open(db)) {
            store.record(new Vote(443, "en", Reaction.UNHELPFUL));
            store.record(new Vote(443, "fr", Reaction.HELPFUL));
            store.record(new Vote(22, "en", Reaction.NEUTRAL));
        }
        try (FeedbackStore store = FeedbackStore.open(db)) {
            assertThat(store.counts(443)).isEqualTo(new FeedbackCounts(1, 0, 1));
            assertThat(store.counts(22)).isEqualTo(new FeedbackCounts(0, 1, 0));
        }
    }

    /**
     * A child JVM records votes and prints "ok N" after each {@code record} returns; it is killed
     * with SIGKILL mid-stream (no shutdown hook, no close). Every acknowledged vote must be there.
     */
    @Test
    void acknowledgedVotes_surviveKillMinus9() throws Exception {
        Path db = dir.resolve("portolan.db");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The driver unpacks its native library into org.sqlite.tmpdir and deletes it at exit, which
        // a killed process never reaches: keep that copy in the test's directory.
        Process child = new ProcessBuilder(java, "-Dorg.sqlite.tmpdir=" + dir, "-cp",
                System.getProperty("java.class.path"), VotingProcess.class.getName(), db.toString())
                .redirectError(log.toFile())
                .start();
        int acknowledged = 0;
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("ok ")) {
                    acknowledged = Integer.parseInt(line.substring(3));
                    if (acknowledged >= 300) {
                        child.destroyForcibly(); // SIGKILL on Linux and macOS
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).as("child output %s, stderr %s", lines, Files.readString(log)).isEqualTo(300);
        assertThat(child.exitValue()).isEqualTo(137); // 128 + SIGKILL

        try (FeedbackStore store = FeedbackStore.open(db)) {
            long total = 0;
            for (int p = 0; p < VotingProcess.PORTS; p++) {
                total += store.counts(VotingProcess.FIRST_PORT + p).total();
            }
            assertThat(total).isGreaterThanOrEqualTo(acknowledged);
            assertThat(rows(db, "SELECT count(*) FROM feedback_vote")).containsExactly(Long.toString(total));
        }
    }
}
