package dev.portolan.core.baseline;

import dev.portolan.core.EmbeddedFiles;
import dev.portolan.core.history.ChangeLog;
import dev.portolan.core.history.HistoryException;
import dev.portolan.core.history.RegistryHistory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The history of the registry bundled in the program, so that timelines and release pages work
 * offline on a fresh machine: the releases of 2017-03-10, 2018-12-18, 2020-12-29, 2023-01-04 and
 * 2024-08-01 (committed as a change log in {@code core/src/main/baseline}) and the embedded
 * release ({@link Baseline}) as the newest, compiled together at build time.
 */
public final class EmbeddedHistory {
    static final String RESOURCE = "dev/portolan/core/baseline/history.changelog";
    private static volatile ChangeLog loaded;

    private EmbeddedHistory() {}

    /**
     * The bundled change log, read once.
     *
     * @throws IllegalStateException if the program was built without it (a packaging defect)
     */
    public static ChangeLog load() {
        ChangeLog log = loaded;
        if (log == null) {
            try {
                byte[] bytes = EmbeddedFiles.read(RESOURCE);
                if (bytes == null) {
                    throw new IllegalStateException("the embedded history " + RESOURCE + " is missing from the program; "
                            + "rebuild with: mvn -q package");
                }
                log = RegistryHistory.decode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded history cannot be read", e);
            } catch (HistoryException e) {
                throw new IllegalStateException("the embedded history is damaged: " + e.getMessage(), e);
            }
            loaded = log;
        }
        return log;
    }
}
