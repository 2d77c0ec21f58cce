package dev.portolan.cli;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.snapshot.SnapshotStore;
import dev.portolan.core.snapshot.SnapshotStore.HistoryFate;
import dev.portolan.core.snapshot.SnapshotStore.ReleaseInHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sentences the import and update commands print. */
final class Reports {
    private Reports() {}

    /**
     * What an import did: the release made active (or why not), then what became of each release
     * in the history, oldest first, and the history's extent when it changed.
     */
    static void install(Console console, SnapshotStore.InstallResult result, Path historyFile) {
        PrintWriter out = console.out();
        var info = result.snapshot().info();
        int records = result.snapshot().assignments().size();
        SnapshotStore.HistoryUpdate history = result.history();
        switch (result.outcome()) {
            case ALREADY_ACTIVE -> out.println("already active: " + info.describe() + ", " + count(records) + " records"
                    + (history.written() ? "" : "; nothing changed"));
            case INSTALLED -> {
                out.println("imported " + info.describe() + ", " + count(records) + " records");
                out.println("now active; stored as " + result.file());
                if (result.previous() != null) {
                    out.println("previously: " + result.previous().info().describe());
                }
            }
            case HISTORY_ONLY -> {
                RegistrySnapshot active = java.util.Objects.requireNonNull(result.previous());
                out.println("not made active: " + info.label() + " is a release of " + info.updated()
                        + ", older than the active release of " + SnapshotStore.effectiveDate(active).map(Object::toString)
                                .orElse("unknown date") + "; use --force to make it active");
            }
        }
        List<ReleaseInHistory> releases = new ArrayList<>(history.releases());
        releases.sort(Comparator.comparing(ReleaseInHistory::release, Comparator.nullsLast(Comparator.naturalOrder())));
        for (ReleaseInHistory r : releases) {
            String line = line(r);
            boolean obvious = result.outcome() == SnapshotStore.Outcome.ALREADY_ACTIVE && r.fate() == HistoryFate.KNOWN
                    && releases.size() == 1;
            if (line != null && !obvious) {
                out.println(line);
            }
        }
        ChangeLog log = history.history();
        if (history.written() && log != null) {
            List<LocalDate> dates = log.releases();
            out.println("history: " + count(dates.size()) + " releases, " + dates.get(0) + " to "
                    + dates.get(dates.size() - 1) + "; stored in " + historyFile);
        }
        if (result.outcome() == SnapshotStore.Outcome.HISTORY_ONLY && !history.written()) {
            out.println("nothing changed");
        }
        out.flush();
    }

    /** What became of one release in the history, or null when the store keeps none. */
    private static @org.jspecify.annotations.Nullable String line(ReleaseInHistory r) {
        return switch (r.fate()) {
            case ADDED -> "added to the history: the release of " + r.release() + " (" + r.label() + ")";
            case KNOWN -> "already in the history: the release of " + r.release() + " (" + r.label() + ")";
            case SAME_RECORDS -> "not added to the history: " + r.label() + ", the release of " + r.release()
                    + ", holds the same records as the history's release of " + r.other();
            case KEPT_OWN -> "not added to the history: " + r.label() + " is the release of " + r.release()
                    + ", which the history holds with other records; it keeps its own";
            case UNDATED -> "not added to the history: " + r.label() + " states no release date (IANA's CSV file "
                    + "has none)";
            case NOT_KEPT -> null;
        };
    }

    static String count(long n) {
        // as String.format(Locale.ROOT, "%,d", n) prints it, without java.util.Formatter, whose
        // regular expression and locale data cost a command some milliseconds
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        int length = digits.length() - sign;
        StringBuilder out = new StringBuilder(digits.length() + length / 3);
        out.append(digits, 0, sign);
        for (int i = 0; i < length; i++) {
            if (i > 0 && (length - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(sign + i));
        }
        return out.toString();
    }
}
