package dev.portolan.cli;

import dev.portolan.core.StoreException;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.history.ChangeLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the history of the registry that answers: the change log embedded in the program merged
 * with the releases imported into the Portolan home (see {@code SnapshotStore#history()}). It is a
 * {@link ChangeLog}, a value the web server can be given as well.
 */
final class ActiveHistory {
    private ActiveHistory() {}

    /**
     * The history to answer from. A damaged history file does not stop the program: it answers
     * from the embedded history and says so on standard error.
     */
    static ChangeLog load(Console console) {
        try {
            java.util.Optional<ChangeLog> home = ActiveRegistry.store(console).history();
            return home.isPresent() ? home.get() : EmbeddedHistory.load();
        } catch (StoreException e) {
            console.err().println("warning: " + e.getMessage() + "; answering from the history embedded in the program");
            console.err().flush();
            return EmbeddedHistory.load();
        }
    }

    /** The releases of {@code history} that the embedded history lacks: those imported into the home. */
    static List<LocalDate> imported(ChangeLog history) {
        Set<LocalDate> embedded = new HashSet<>(EmbeddedHistory.load().releases());
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d : history.releases()) {
            if (!embedded.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
