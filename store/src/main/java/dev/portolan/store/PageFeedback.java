package dev.portolan.store;

import java.util.Objects;

/**
 * The votes on the page of one port.
 *
 * @param port the port, 0-65535
 * @param counts its votes over all languages
 */
public record PageFeedback(int port, FeedbackCounts counts) {
    public PageFeedback {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range: expected 0-65535");
        }
        Objects.requireNonNull(counts, "counts");
    }
}
