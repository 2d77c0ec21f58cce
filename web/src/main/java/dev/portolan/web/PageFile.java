package dev.portolan.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered bytes kept on disk instead of in the heap: one temporary file, written as a ring of at
 * most its capacity. The kernel keeps the bytes read often in its page cache, as it does for the
 * files a static web server sends, so the server's own memory holds only where each page is. The
 * file is deleted as soon as it is open (on Windows, when it is closed): nothing is left behind
 * when the server stops or dies.
 *
 * <p>Bytes are addressed by a position that only grows (its remainder by the capacity is the place
 * in the file). A write reserves its span before writing; a span that would cross the end of the
 * file starts again at its beginning. Once the ring has gone round, new writes overwrite the
 * oldest bytes: {@link #holds} tells whether a position's bytes are still there, and {@link #read}
 * checks it again after reading, so a reader never takes overwritten bytes for the page it wanted.
 * Reads and writes from any number of threads go on at once, without locks.
 */
final class PageFile implements AutoCloseable {
    private final FileChannel channel;
    private final long capacity;
    /** The end of the last span reserved: every position below it is taken, up to a lap back. */
    private final AtomicLong reserved = new AtomicLong();

    private PageFile(FileChannel channel, long capacity) {
        this.channel = channel;
        this.capacity = capacity;
    }

    /**
     * Creates the file in a directory (created if need be); the file is removed from the directory
     * at once (on Windows, when it is closed), and its space returned when it is closed or the
     * process ends.
     *
     * @param capacity the most bytes the file holds, at least 1 MiB
     * @throws IOException if the file cannot be created there
     */
    static PageFile create(Path directory, long capacity) throws IOException {
        if (capacity < (1L << 20)) {
            throw new IllegalArgumentException("page file capacity is " + capacity + " bytes, must be at least 1 MiB");
        }
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "portolan-pages-", ".bin");
        try {
            // DELETE_ON_CLOSE unlinks the file right after opening it on Linux and macOS (on
            // Windows, when it is closed)
            return new PageFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE), capacity);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Writes bytes to the file.
     *
     * @return their position, for {@link #read}
     * @throws IOException if they could not be written (the disk is full, say)
     */
    long write(byte[] bytes) throws IOException {
        int length = bytes.length;
        if (length == 0 || length > capacity) {
            throw new IOException("cannot keep " + length + " bytes in a page file of " + capacity);
        }
        long at = reserve(length);
        ByteBuffer source = ByteBuffer.wrap(bytes);
        long place = at % capacity;
        while (source.hasRemaining()) {
            channel.write(source, place + source.position());
        }
        return at;
    }

    private long reserve(int length) {
        while (true) {
            long end = reserved.get();
            long place = end % capacity;
            long start = place + length > capacity ? end + capacity - place : end;
            if (reserved.compareAndSet(end, start + length)) {
                return start;
            }
        }
    }

    /** Whether the bytes written at a position are still there, not yet overwritten. */
    boolean holds(long at) {
        return reserved.get() - at <= capacity;
    }

    /**
     * Reads the bytes written at a position into {@code into}, from its position to its limit.
     *
     * @return true if they were read whole and were still there when read; false if they have
     *     been overwritten meanwhile or could not be read (what {@code into} holds is then useless)
     */
    boolean read(long at, ByteBuffer into) {
        if (!holds(at)) {
            return false;
        }
        long place = at % capacity;
        int first = into.position();
        try {
            while (into.hasRemaining()) {
                if (channel.read(into, place + into.position() - first) < 0) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        // A writer reserves before it writes: had one overwritten these bytes while they were
        // read, its reservation would show now.
        return holds(at);
    }

    /** The bytes of the file in use: what has been written, up to the capacity. */
    long bytes() {
        return Math.min(reserved.get(), capacity);
    }

    /** The most bytes the file holds. */
    long capacity() {
        return capacity;
    }

    /** Closes the file, which gives its space back. */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
