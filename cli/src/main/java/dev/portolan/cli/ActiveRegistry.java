package dev.portolan.cli;

import dev.portolan.core.Registry;
import dev.portolan.core.StoreException;
import dev.portolan.core.baseline.Baseline;
import dev.portolan.core.baseline.EmbeddedHistory;
import dev.portolan.core.snapshot.SnapshotStore;
import dev.portolan.knowledge.search.PortSearch;
import dev.portolan.knowledge.search.SearchIndexFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
        return active(console).registry();
    }

    /**
     * The registry to answer from, as {@link #load}, with the file it was read from.
     *
     * @param registry the registry
     * @param store the home's store
     * @param file the imported snapshot's file; {@code null} for the embedded baseline
     */
    record Active(Registry registry, SnapshotStore store, @Nullable Path file) {
        /**
         * Where the search keeps its index of this registry; {@code null} for the embedded
         * baseline, whose index the program carries.
         */
        @Nullable SearchIndexFile searchIndex() {
            return file == null ? null : ActiveRegistry.searchIndex(store, file);
        }
    }

    /** The registry to answer from, with the file it was read from. */
    static Active active(Console console) {
        SnapshotStore store = store(console);
        try {
            Optional<Path> file = store.activeFile();
            if (file.isPresent()) {
                Registry registry = Registry.of(store.readActive(file.get()));
                return new Active(registry, store, file.get());
            }
        } catch (StoreException e) {
            console.err().println("warning: " + e.getMessage() + "; answering from the embedded baseline "
                    + "(repair with: portolan update, or portolan import FILE)");
        }
        return new Active(Registry.of(Baseline.load()), store, null);
    }

    /**
     * Makes the search's index of a snapshot an import has just made active, so that the first
     * search after it answers as fast as the next ones. Nothing for an import that left the active
     * snapshot as it was. The import stands whatever happens here: a failure is only a warning
     * (the next search makes the index).
     */
    static void indexForSearch(Console console, SnapshotStore store, SnapshotStore.InstallResult result) {
        if (result.outcome() != SnapshotStore.Outcome.INSTALLED) {
            return;
        }
        SearchIndexFile index = searchIndex(store, result.file());
        if (index == null) {
            return;
        }
        try {
            PortSearch.over(Registry.of(result.snapshot()), index);
        } catch (RuntimeException e) {
            console.err().println("warning: the search's index of the new release was not made (" + e.getMessage()
                    + "); the next search makes it");
        }
    }

    /** The index file of a stored snapshot; none when the snapshot file cannot be examined. */
    private static @Nullable SearchIndexFile searchIndex(SnapshotStore store, Path snapshotFile) {
        try {
            return SearchIndexFile.of(store.cacheDirectory(), snapshotFile);
        } catch (IOException e) {
            // the snapshot was just read: this is a file removed in between; the search indexes
            // the registry it has
            return null;
        }
    }
}
