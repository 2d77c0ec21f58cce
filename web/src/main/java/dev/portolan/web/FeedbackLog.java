package dev.portolan.web;

import dev.portolan.core.StoreException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where readers' reactions to pages go. The server needs only these two operations; the
 * production implementation adapts the SQLite store, tests may use {@link #inMemory()}.
 * Implementations are safe to call from many threads.
 */
public interface FeedbackLog {

    /** Records one reaction. */
    void record(int port, String lang, Reaction reaction) throws StoreException;

    /** The reactions to one port's pages, in all languages. */
    Counts counts(int port) throws StoreException;

    /** A reader's reaction to a page. */
    enum Reaction {
        UNHELPFUL, NEUTRAL, HELPFUL;

        private final String wire = name().toLowerCase(Locale.ROOT);

        /** The spelling of the JSON API and the HTML form. */
        public String wireName() {
            return wire;
        }

        /** The reaction of a wire name, if it is one (exact, lower case). */
        public static Optional<Reaction> fromWireName(String name) {
            for (Reaction r : values()) {
                if (r.wire.equals(name)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** How often each reaction was given. */
    record Counts(long unhelpful, long neutral, long helpful) {
        public Counts {
            if (unhelpful < 0 || neutral < 0 || helpful < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + unhelpful + ", " + neutral + ", "
                        + helpful);
            }
        }
    }

    /** Reactions kept in memory only, lost when the process ends. */
    static FeedbackLog inMemory() {
        return new FeedbackLog() {
            private final ConcurrentHashMap<Integer, AtomicLongArray> counts = new ConcurrentHashMap<>();

            @Override
            public void record(int port, String lang, Reaction reaction) {
                counts.computeIfAbsent(port, p -> new AtomicLongArray(3)).incrementAndGet(reaction.ordinal());
            }

            @Override
            public Counts counts(int port) {
                AtomicLongArray c = counts.get(port);
                return c == null ? new Counts(0, 0, 0) : new Counts(c.get(0), c.get(1), c.get(2));
            }
        };
    }
}
