package dev.portolan.core.history;

import java.time.LocalDate;
import java.util.List;

/**
 * One release as the change log is built from it.
 *
 * @param date the registry's {@code updated} date
 * @param source where it comes from, for messages: a file name, or the change log
 * @param records its content, sorted in canonical order
 * @param inLog whether it is a release of an existing change log, which {@code source} names
 */
record ReleaseContent(LocalDate date, String source, List<CanonicalRecord> records, boolean inLog) {

    /** How messages name it: its source, and its date unless the source says it. */
    String describe() {
        return inLog ? source : source + " (release of " + date + ")";
    }
}
