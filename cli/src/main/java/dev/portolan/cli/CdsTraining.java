package dev.portolan.cli;

import dev.portolan.core.PortolanException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.snapshot.SnapshotStore;
import dev.portolan.store.FeedbackStore;
import dev.portolan.store.Reaction;
import dev.portolan.store.Vote;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.Map;

/**
 * Build step: runs typical command lines in one JVM so that {@code -XX:ArchiveClassesAtExit}
 * records every class they load into the class-data-sharing archive {@code bin/portolan} uses.
 * Not a command of the program.
 */
final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) {
        String home = args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir") + "/portolan-cds";
        String[][] lines = {
            {"443"}, {"lookup", "ssh", "53/udp", "8000-8002"}, {"lookup", "abc"},
            {"search", "postgers"}, {"search", "network", "time", "-n", "5"},
            {"lookup", "22", "--format", "json"}, {"lookup", "22", "--format", "csv"}, {"22", "-t", "udp"},
            {"status"}, {"status", "--format", "json"}, {"feedback"}, {"--help"}, {"lookup", "--help"}, {"listening"}, {"listening", "--format", "json"},
            {"who", "22"}, {"check", "8080"}, {"suggest", "--seed", "1"}, {"audit"}, {"explain", "443"},
            {"history", "443"}, {"history", "2", "--format", "json"}, {"diff", "2024-08-01", "2025-12-15"},
            {"free", "8080", "--dry-run"}, {"explain", "443", "--lang", "de"},
            // ports with causes not to bind there: privileged, browsers refuse it, AirPlay, NodePort
            {"check", "22"}, {"check", "6000"}, {"check", "5000"}, {"check", "30080"}, {"free", "22", "--dry-run"},
            {"check", "22", "--format", "json"}, {"who", "22", "--format", "json"}, {"--version"},
            {"search", "443"}, {"search", "localhost:8080"}, {"search", "8000-8100/udp"},
        };
        for (String[] line : lines) {
            run(line, home);
        }
        // The everyday commands in every other language: ICU's classes for its plural rules, its
        // formats and right-to-left text differ from one language to the next.
        for (String code : dev.portolan.knowledge.text.Languages.codes()) {
            if (code.equals("en")) {
                continue;
            }
            for (String[] line : new String[][] {{"explain", "443", "--lang", code}, {"who", "22", "--lang", code},
                    {"check", "22", "--lang", code}, {"listening", "--lang", code}, {"search", "dns", "--lang", code},
                    {"suggest", "--seed", "1", "--lang", code}, {"history", "443", "--lang", code}}) {
                run(line, home);
            }
        }
        // Another machine's sockets as ss prints them, read in another language.
        try {
            Path captured = java.nio.file.Files.createTempFile("portolan-training", ".txt");
            java.nio.file.Files.writeString(captured, String.join("\n",
                    "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process",
                    "tcp   LISTEN 0      128    0.0.0.0:22         0.0.0.0:*     users:((\"sshd\",pid=812,fd=3))", ""));
            run(new String[] {"listening", "--from", captured.toString(), "--lang", "ru"}, home);
            run(new String[] {"listening", "--from", captured.toString()}, home);
            java.nio.file.Files.delete(captured);
        } catch (IOException e) {
            throw new UncheckedIOException("class-data-sharing training could not write a capture", e);
        }
        // A port this program holds, so that the classes of a held port's answer (its owner, its
        // unit, the plan to free it) are archived too.
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(held.getLocalPort());
            for (String[] line : new String[][] {{"who", port}, {"check", port}, {"free", port, "--dry-run"},
                    {"who", port, "--format", "json"}, {"check", port, "--format", "json"}}) {
                run(line, home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("class-data-sharing training could not hold a port", e);
        }
        // A port held by another process: the plan to stop it, which the port held above (by this
        // process, which free refuses to stop) does not reach.
        FreeCommand.Step other = FreeCommand.step(new dev.portolan.inspect.SocketOwner(ProcessHandle.current().pid() + 1,
                "training", "training", "nobody"), new java.util.function.LongFunction<java.util.Optional<String>>() {
                    @Override
                    public java.util.Optional<String> apply(long pid) {
                        return java.util.Optional.empty();
                    }
                }, ProcessHandle.current().pid(), 5);
        other.plan(CliText.english());
        // The same command lines answering from an imported snapshot, so that the classes of that
        // path (reading the store) are in the archive too.
        String imported = home + "/imported";
        try {
            RegistrySnapshot baseline = Baseline.load();
            SnapshotStore.at(Path.of(imported)).install(baseline.withInfo(new SnapshotInfo(
                    SnapshotInfo.Source.IANA_XML, "training", null, null)), new SnapshotStore.Policy(0, true));
        } catch (PortolanException e) {
            throw new IllegalStateException("class-data-sharing training could not import: " + e.getMessage(), e);
        }
        for (String[] line : lines) {
            run(line, imported);
        }
        // The feedback listing, from a database with votes, so that SQLite's driver and the
        // schema check are archived too.
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.defaultFile(Map.of("PORTOLAN_HOME", imported)))) {
            store.record(new Vote(443, "en", Reaction.UNHELPFUL));
            store.record(new Vote(443, "de", Reaction.HELPFUL));
            store.record(new Vote(22, "en", Reaction.NEUTRAL));
        } catch (PortolanException e) {
            throw new IllegalStateException("class-data-sharing training could not record votes: " + e.getMessage(), e);
        }
        for (String[] line : new String[][] {{"feedback"}, {"feedback", "--format", "json"}, {"feedback", "-f", "csv"}}) {
            run(line, imported);
        }
    }

    private static void run(String[] line, String home) {
        StringWriter sink = new StringWriter();
        PrintWriter w = new PrintWriter(sink);
        // the terminal as the program has it (asked only by commands that prompt, none here)
        Main.run(line, new Console(w, w, Map.of("PORTOLAN_HOME", home), Console.Terminal.ofThisProcess()));
    }
}
