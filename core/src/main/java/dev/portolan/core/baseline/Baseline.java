package dev.portolan.core.baseline;

import dev.portolan.core.EmbeddedFiles;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.SnapshotInfo;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The registry bundled in the program, so that every command answers offline on a fresh machine: a
 * whole release of the IANA registry (public domain, CC0 1.0) with its ranges, dates, people,
 * references and notes, compiled at build time from {@code core/src/main/baseline}. An import or
 * an update replaces it with a newer release.
 */
public final class Baseline {
    static final String RESOURCE = "dev/portolan/core/baseline/baseline.snapshot";

    private Baseline() {}

    /**
     * Whether a snapshot is the embedded baseline that a file compiled from it at build time
     * describes by its label and number of records (the search's index, the suggester's
     * candidates): an imported release never is, whatever it holds.
     */
    public static boolean is(RegistrySnapshot snapshot, String label, int records) {
        return snapshot.info().source() == SnapshotInfo.Source.BASELINE && snapshot.info().label().equals(label)
                && snapshot.assignments().size() == records;
    }

    /**
     * Loads the bundled snapshot.
     *
     * @throws IllegalStateException if the program was built without it (a packaging defect)
     */
    public static RegistrySnapshot load() {
        try {
            byte[] bytes = EmbeddedFiles.read(RESOURCE);
            if (bytes == null) {
                throw new IllegalStateException("the embedded baseline " + RESOURCE + " is missing from the program; "
                        + "rebuild with: mvn -q package");
            }
            return SnapshotCodec.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded baseline cannot be read", e);
        } catch (SnapshotCodec.CorruptSnapshotException e) {
            throw new IllegalStateException("the embedded baseline is damaged: " + e.getMessage(), e);
        }
    }
}
