package dev.portolan.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link DurabilityTest}: records votes as fast as it can and prints
 * {@code ok N} after the N-th {@code record} returned, until it is killed.
 */
final class VotingProcess {
    static final int FIRST_PORT = 7000;
    static final int PORTS = 7;

    private VotingProcess() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        FeedbackStore store = FeedbackStore.open(Path.of(args[0]));
        for (int i = 1; i <= 1_000_000; i++) {
            store.record(new Vote(FIRST_PORT + i % PORTS, "en", Reaction.values()[i % 3]));
            out.println("ok " + i);
        }
        // never closed: the test kills this process long before
    }
}
