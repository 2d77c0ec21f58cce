package dev.portolan.core.history;

import dev.portolan.core.RegistryFormatException;
import dev.portolan.core.iana.RegistryFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Reads the registry files of a change log, each into the content of one release. Files are read
 * on as many threads as there are processors, at most one a file: reading and normalising a
 * release takes a few hundred milliseconds of one processor.
 */
final class ReleaseFiles {
    private static final ThreadFactory THREADS = r -> {
        Thread t = new Thread(r, "portolan-release-reader");
        t.setDaemon(true);
        return t;
    };

    private ReleaseFiles() {}

    /**
     * The content of each file, in the order given.
     *
     * @throws HistoryException naming a file given twice, or the first file in the order given
     *     that cannot be read or states no date
     */
    static List<ReleaseContent> read(Collection<Path> files) throws HistoryException {
        Map<Path, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path previous = seen.putIfAbsent(f.toAbsolutePath().normalize(), f);
            if (previous != null) {
                throw new HistoryException(f + ": is given twice" + (previous.toString().equals(f.toString()) ? ""
                        : " (as " + previous + ")") + "; give each release once");
            }
        }
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            List<ReleaseContent> out = new ArrayList<>(files.size());
            for (Path f : files) {
                out.add(read(f));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, THREADS);
        try {
            List<Future<ReleaseContent>> reads = new ArrayList<>(files.size());
            for (Path f : files) {
                reads.add(pool.submit(() -> read(f)));
            }
            List<ReleaseContent> out = new ArrayList<>(files.size());
            for (Future<ReleaseContent> r : reads) {
                out.add(r.get());
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HistoryException h) {
                throw h;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException("reading the registry files was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ReleaseContent read(Path file) throws HistoryException {
        try {
            return LogBuilder.content(RegistryFileReader.read(file), file.toString());
        } catch (RegistryFormatException e) {
            // the reader's message names the file already
            throw new HistoryException(e.getMessage(), e);
        }
    }
}
