package dev.portolan.core.history;

import dev.portolan.core.PortolanException;

/**
 * A change log that cannot be built or read: a registry file that cannot be read or has no
 * release date, a release given twice, or an encoded change log that is damaged, cut short or of
 * another format. The message names the file or the release and says what to do.
 */
public final class HistoryException extends PortolanException {
    HistoryException(String message) {
        super(message);
    }

    HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
