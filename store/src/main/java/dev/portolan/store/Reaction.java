package dev.portolan.store;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A reader's answer to "Was this page helpful?". */
public enum Reaction {
    /** Not helpful. */
    UNHELPFUL("unhelpful"),
    /** So-so: neither. */
    NEUTRAL("neutral"),
    /** Helpful. */
    HELPFUL("helpful");

    private final String wireName;

    Reaction(String wireName) {
        this.wireName = wireName;
    }

    /** The name in forms, JSON and the database: {@code unhelpful}, {@code neutral}, {@code helpful}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The reaction with this wire name. Matching is exact (lower case, no spaces), since the names
     * come from the site's own form.
     *
     * @param name a wire name; null or anything else gives empty
     */
    public static Optional<Reaction> fromWireName(@Nullable String name) {
        if (name != null) {
            for (Reaction r : values()) {
                if (r.wireName.equals(name)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }
}
