package dev.portolan.web;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Rendered pages in memory, as the bytes to send: port pages in a table indexed by language and
 * port (no hashing, no key to build on the hot path), other pages by path. The cache holds at most its
 * budget of bytes; when an entry would pass it, entries are dropped in turn (ports round-robin,
 * then other pages) until a tenth of the budget is free. Two threads rendering the same missing
 * page both render it and one result stays: cheaper than locking, and rare.
 *
 * <p>{@link #clear()} starts a new generation: a page whose rendering began before it (on the data
 * that was replaced) is sent to its reader but not kept. Hits and misses are counted for {@code
 * /metrics}.
 */
final class PageCache {
    private static final int PORTS = 65_536;
    private final AtomicReferenceArray<@Nullable Rendered> ports;
    private final ConcurrentHashMap<String, Rendered> others = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final long budget;
    private int cursor;

    /**
     * @param budget the most bytes to hold
     * @param languages how many languages port pages are kept in
     */
    PageCache(long budget, int languages) {
        this.budget = budget;
        this.ports = new AtomicReferenceArray<>(PORTS * languages);
    }

    /** The page of a port in a language (by index) if it is cached, without rendering it. */
    @Nullable Rendered peekPort(int language, int port) {
        Rendered r = ports.get(language * PORTS + port);
        if (r != null) {
            hits.increment();
        }
        return r;
    }

    /** The page of a port in a language (by index), rendered by {@code render} when absent. */
    Rendered port(int language, int port, IntFunction<Rendered> render) {
        int slot = language * PORTS + port;
        Rendered r = ports.get(slot);
        if (r != null) {
            hits.increment();
            return r;
        }
        misses.increment();
        int before = generation.get();
        r = render.apply(port);
        if (before == generation.get() && ports.compareAndSet(slot, null, r)) {
            admitted(r.size());
        }
        return r;
    }

    /** The page at a key, rendered by {@code render} when absent. */
    Rendered get(String key, Supplier<Rendered> render) {
        Rendered r = others.get(key);
        if (r != null) {
            hits.increment();
            return r;
        }
        misses.increment();
        int before = generation.get();
        r = render.get();
        if (before == generation.get() && others.putIfAbsent(key, r) == null) {
            admitted(r.size());
        }
        return r;
    }

    /** Forgets everything, for example after the data changed. */
    synchronized void clear() {
        generation.incrementAndGet();
        for (int p = 0; p < ports.length(); p++) {
            dropped(ports.getAndSet(p, null));
        }
        for (Iterator<Rendered> it = others.values().iterator(); it.hasNext();) {
            dropped(it.next());
            it.remove();
        }
    }

    /** Answers from the cache, since the start. */
    long hits() {
        return hits.sum();
    }

    /** Answers that had to be rendered, since the start. */
    long misses() {
        return misses.sum();
    }

    /** The bytes held now. */
    long bytes() {
        return bytes.get();
    }

    /** How many pages are held now. */
    int entries() {
        return entries.get();
    }

    private void admitted(long size) {
        entries.incrementAndGet();
        if (bytes.addAndGet(size) > budget) {
            evict();
        }
    }

    private synchronized void evict() {
        long target = budget - budget / 10;
        for (int scanned = 0; scanned < ports.length() && bytes.get() > target; scanned++) {
            dropped(ports.getAndSet(cursor, null));
            cursor = (cursor + 1) % ports.length();
        }
        for (Iterator<Rendered> it = others.values().iterator(); it.hasNext() && bytes.get() > target;) {
            dropped(it.next());
            it.remove();
        }
    }

    private void dropped(@Nullable Rendered old) {
        if (old != null) {
            bytes.addAndGet(-old.size());
            entries.decrementAndGet();
        }
    }
}
