package dev.portolan.cli;

import dev.portolan.core.snapshot.SnapshotStore;
import java.util.Locale;

/** Sentences the import and update commands print. */
final class Reports {
    private Reports() {}

    static void install(Console console, SnapshotStore.InstallResult result) {
        var info = result.snapshot().info();
        int records = result.snapshot().assignments().size();
        if (result.outcome() == SnapshotStore.Outcome.ALREADY_ACTIVE) {
            console.out().println("already active: " + info.describe() + ", " + count(records) + " records; nothing changed");
        } else {
            console.out().println("imported " + info.describe() + ", " + count(records) + " records");
            console.out().println("now active; stored as " + result.file());
            if (result.previous() != null) {
                console.out().println("previously: " + result.previous().info().describe());
            }
        }
        console.out().flush();
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
