package dev.portolan.core.history;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.RegistrySnapshot;
import dev.portolan.core.iana.RegistryFileReader;
import dev.portolan.core.testsupport.SharedRegistryData;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The six real releases of the shared data (2017-03-10 to 2025-12-15), each read once per test
 * run. Every method skips the calling test when the shared data is absent.
 */
final class RealReleases {
    static final LocalDate R2017 = LocalDate.of(2017, 3, 10);
    static final LocalDate R2018 = LocalDate.of(2018, 12, 18);
    static final LocalDate R2020 = LocalDate.of(2020, 12, 29);
    static final LocalDate R2023 = LocalDate.of(2023, 1, 4);
    static final LocalDate R2024 = LocalDate.of(2024, 8, 1);
    static final LocalDate R2025 = LocalDate.of(2025, 12, 15);
    static final List<LocalDate> DATES = List.of(R2017, R2018, R2020, R2023, R2024, R2025);

    private static final ConcurrentHashMap<LocalDate, RegistrySnapshot> READ = new ConcurrentHashMap<>();
    private static volatile ChangeLog log;

    private RealReleases() {}

    /** The file of a release: the current XML for 2025-12-15, a history file for the others. */
    static Path file(LocalDate release) {
        return SharedRegistryData.require(release.equals(R2025) ? SharedRegistryData.XML
                : SharedRegistryData.historyRelease(release));
    }

    /** The six files, oldest first. */
    static List<Path> files() {
        List<Path> out = new ArrayList<>();
        for (LocalDate d : DATES) {
            out.add(file(d));
        }
        return out;
    }

    static RegistrySnapshot snapshot(LocalDate release) {
        if (release.equals(R2025)) {
            return SharedRegistryData.xml();
        }
        Path file = file(release);
        return READ.computeIfAbsent(release, d -> {
            try {
                return RegistryFileReader.read(file);
            } catch (RegistryFormatException e) {
                throw new IllegalStateException("the shared release " + file + " cannot be read: " + e.getMessage(), e);
            }
        });
    }

    /** The change log of the six releases, made once. */
    static ChangeLog changeLog() {
        ChangeLog l = log;
        if (l == null) {
            List<RegistrySnapshot> releases = new ArrayList<>();
            for (LocalDate d : DATES) {
                releases.add(snapshot(d));
            }
            try {
                l = RegistryHistory.changeLog(releases);
            } catch (HistoryException e) {
                throw new IllegalStateException("the shared releases make no change log: " + e.getMessage(), e);
            }
            log = l;
        }
        return l;
    }
}
