package dev.portolan.cli;

import dev.portolan.core.Registry;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.StoreException;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.snapshot.SnapshotStore;
import java.util.Optional;

/** Finds the data that answers: the newest imported snapshot, or else the embedded baseline. */
final class ActiveRegistry {
    private ActiveRegistry() {}

    /**
     * The store of the Portolan home, which keeps the history of the registry: the one embedded in
     * the program, with every release imported into the home ({@link ActiveHistory}).
     */
    static SnapshotStore store(Console console) {
        // a class rather than a method reference: linking one costs a start (bench/README.md)
        return SnapshotStore.at(SnapshotStore.home(console.env()), new java.util.function.Supplier<>() {
            @Override
            public dev.portolan.core.history.ChangeLog get() {
                return EmbeddedHistory.load();
            }
        });
    }

    /**
     * The registry to answer from. A damaged imported snapshot does not stop the program: it
     * answers from the baseline and says so on standard error.
     */
    static Registry load(Console console) {
        SnapshotStore store = store(console);
        RegistrySnapshot snapshot;
        try {
            Optional<RegistrySnapshot> active = store.active();
            snapshot = active.isPresent() ? active.get() : Baseline.load();
        } catch (StoreException e) {
            console.err().println("warning: " + e.getMessage() + "; answering from the embedded baseline "
                    + "(repair with: portolan update, or portolan import FILE)");
            snapshot = Baseline.load();
        }
        return Registry.of(snapshot);
    }
}
