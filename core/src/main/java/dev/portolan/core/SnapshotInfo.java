package dev.portolan.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a snapshot's data comes from.
 *
 * @param source the kind of source
 * @param label a short human description, such as {@code IANA registry of 2025-12-15, SHA-256
 *     18b51f94b72a} for the embedded release or the name of the imported file
 * @param updated the registry's own {@code updated} date, when the source states one
 * @param importedAt when the snapshot was imported into this Portolan home, if it was
 */
public record SnapshotInfo(Source source, String label, @Nullable LocalDate updated, @Nullable Instant importedAt) {

    /** The kinds of source a snapshot is read from. */
    public enum Source {
        /** The IANA release bundled in the program. */
        BASELINE,
        /** IANA's official XML file. */
        IANA_XML,
        /** IANA's official CSV file. */
        IANA_CSV,
        /** A services(5) file such as {@code /etc/services}. */
        SERVICES;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A copy that records the moment of import. */
    public SnapshotInfo importedAt(@Nullable Instant when) {
        return new SnapshotInfo(source, label, updated, when);
    }

    /**
     * The day of the import in UTC, or {@code null} when the moment of import is not recorded.
     * (Computed rather than formatted: java.time's formatters cost a command some milliseconds to
     * set up, bench/README.md.)
     */
    public @Nullable LocalDate importDay() {
        return importedAt == null ? null : LocalDate.ofEpochDay(Math.floorDiv(importedAt.getEpochSecond(), 86_400L));
    }

    /** One line saying which data answers, e.g. {@code IANA registry of 2025-12-15 (imported ...)}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        switch (source) {
            case BASELINE -> s.append("embedded IANA registry");
            case IANA_XML, IANA_CSV -> s.append("IANA registry");
            case SERVICES -> s.append("services file ").append(label);
        }
        if (updated != null) {
            s.append(" of ").append(updated);
        }
        if (source == Source.IANA_XML || source == Source.IANA_CSV) {
            s.append(" (").append(source == Source.IANA_XML ? "XML" : "CSV");
            if (importedAt != null) {
                s.append(", imported ").append(importDay());
            }
            s.append(')');
        }
        return s.toString();
    }
}
