package dev.portolan.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rendered pages, as the bytes to send: port pages in a table indexed by language and port (no
 * hashing, no key to build on the hot path), other pages by path.
 *
 * <p>With a {@link PageFile}, a port page's bytes go to the file and the table keeps only where
 * they are ({@link Spilled}): a port page costs the heap some 64 bytes instead of its 9 KiB of
 * gzip. Its uncompressed bytes are written too once a client that
 * does not accept gzip asks for them. Without a file, or when writing to it fails, a port page is
 * kept in memory as its gzip bytes only ({@link Rendered#compact()}). Other pages are kept in
 * memory whole.
 *
 * <p>The cache holds at most its budget of heap bytes; when an entry would pass it, entries are
 * dropped in turn (ports round-robin, then other pages) until a tenth of the budget is free. A
 * port page whose bytes the file has overwritten since (it is a ring) is dropped when next asked
 * for, and rendered again. Two threads rendering the same missing page both render it and one
 * result stays: cheaper than locking, and rare.
 *
 * <p>{@link #clear()} starts a new generation: a page whose rendering began before it (on the data
 * that was replaced) is sent to its reader but not kept. Hits and misses are counted for {@code
 * /metrics}.
 */
final class PageCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PageCache.class);
    private static final int PORTS = 65_536;
    private final AtomicReferenceArray<@Nullable CachedPage> ports;
    private final ConcurrentHashMap<String, Rendered> others = new ConcurrentHashMap<>();
    private final @Nullable PageFile file;
    private final AtomicBoolean fileFailed = new AtomicBoolean();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger entries = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final long budget;
    private int cursor;

    /**
     * A cache that keeps every page in memory.
     *
     * @param budget the most bytes to hold
     * @param languages how many languages port pages are kept in
     */
    PageCache(long budget, int languages) {
        this(budget, languages, null);
    }

    /**
     * @param budget the most heap bytes to hold
     * @param languages how many languages port pages are kept in
     * @param file where the bytes of port pages go, or null to keep them in memory
     */
    PageCache(long budget, int languages, @Nullable PageFile file) {
        this.budget = budget;
        this.ports = new AtomicReferenceArray<>(PORTS * languages);
        this.file = file;
    }

    /** The page of a port in a language (by index) if it is cached, without rendering it. */
    @Nullable CachedPage peekPort(int language, int port) {
        CachedPage r = ports.get(language * PORTS + port);
        if (r != null) {
            hits.increment();
        }
        return r;
    }

    /**
     * The page of a port in a language (by index), rendered by {@code render} when absent.
     *
     * @param plain whether the client does not accept gzip: a page rendered now then keeps its
     *     uncompressed bytes in the file too
     */
    Rendered port(int language, int port, boolean plain, IntFunction<Rendered> render) {
        int slot = language * PORTS + port;
        CachedPage cached = ports.get(slot);
        if (cached instanceof Rendered r) {
            hits.increment();
            return r;
        }
        if (cached instanceof Spilled s) {
            Rendered r = load(s);
            if (r != null) {
                hits.increment();
                return r;
            }
            drop(slot, s);
        }
        misses.increment();
        int before = generation.get();
        Rendered r = render.apply(port);
        if (before == generation.get()) {
            CachedPage kept = keep(r, plain);
            if (ports.compareAndSet(slot, null, kept)) {
                admitted(kept.size());
            }
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

    /**
     * Reads the bytes of a spilled port page into {@code into}, from its position to its limit
     * (which the caller sets to the length wanted). When the file no longer holds them, the page
     * is dropped from the cache.
     *
     * @param at the position, {@link Spilled#gzipAt()} or {@link Spilled#bodyAt()}
     * @return whether {@code into} now holds the bytes
     */
    boolean read(int language, int port, Spilled page, long at, ByteBuffer into) {
        if (file != null && file.read(at, into)) {
            return true;
        }
        drop(language * PORTS + port, page);
        return false;
    }

    /**
     * The uncompressed bytes of a spilled port page that has only its gzip bytes in the file:
     * inflated, and written to the file for the next client that asks for them.
     *
     * @return the bytes, or null when the file no longer holds the page (it is then dropped)
     */
    byte @Nullable [] body(int language, int port, Spilled page) {
        int slot = language * PORTS + port;
        ByteBuffer gzip = ByteBuffer.allocate(page.gzipLength());
        if (file == null || !page.hasGzip() || !file.read(page.gzipAt(), gzip)) {
            drop(slot, page);
            return null;
        }
        byte[] body = Rendered.inflate(gzip.array());
        try {
            ports.compareAndSet(slot, page, page.withBody(file.write(body)));
        } catch (IOException e) {
            failed(e);
        }
        return body;
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

    /** The heap bytes held now. */
    long bytes() {
        return bytes.get();
    }

    /** The bytes of the page file in use (0 without one). */
    long fileBytes() {
        return file == null ? 0 : file.bytes();
    }

    /** How many pages are held now. */
    int entries() {
        return entries.get();
    }

    /** Closes the page file, if there is one. */
    @Override
    public void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("could not close the page file: {}", e.getMessage());
            }
        }
    }

    /** What the cache keeps of a port page just rendered: where its bytes went in the file, or its gzip bytes. */
    private CachedPage keep(Rendered page, boolean plain) {
        if (file == null || fileFailed.get()) {
            return page.compact();
        }
        byte[] gzip = page.gzip();
        try {
            long gzipAt = gzip == null ? -1 : file.write(gzip);
            long bodyAt = gzip == null || plain ? file.write(page.identity()) : -1;
            return Spilled.of(page, gzipAt, bodyAt);
        } catch (IOException e) {
            failed(e);
            return page.compact();
        }
    }

    /**
     * The bytes of a spilled page back in memory, for the Javalin route; null when the file no
     * longer holds them.
     */
    private @Nullable Rendered load(Spilled page) {
        if (file == null) {
            return null;
        }
        byte[] gzip = null;
        if (page.hasGzip()) {
            ByteBuffer b = ByteBuffer.allocate(page.gzipLength());
            if (!file.read(page.gzipAt(), b)) {
                return null;
            }
            gzip = b.array();
        }
        byte[] body = null;
        if (page.bodyAt() >= 0) {
            ByteBuffer b = ByteBuffer.allocate(page.bodyLength());
            if (!file.read(page.bodyAt(), b)) {
                return null;
            }
            body = b.array();
        }
        return new Rendered(body, gzip, page.etag(false), page.etag(true), page.contentType(), page.cacheControl());
    }

    /** Keeps pages in memory from now on: the file could not be written. Said once. */
    private void failed(IOException e) {
        if (fileFailed.compareAndSet(false, true)) {
            LOG.warn("cannot write rendered pages to their file any more ({}); keeping them in memory", e.toString());
        }
    }

    private void drop(int slot, CachedPage page) {
        if (ports.compareAndSet(slot, page, null)) {
            dropped(page);
        }
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

    private void dropped(@Nullable CachedPage old) {
        if (old != null) {
            bytes.addAndGet(-old.size());
            entries.decrementAndGet();
        }
    }
}
