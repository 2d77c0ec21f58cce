package dev.portolan.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: a line per request in the NCSA combined format (Apache's {@code combined}, which
 * log analysers read), formatted by Jetty's {@link CustomRequestLog} after the answer is sent and
 * written by a thread of its own.
 */
final class AccessLog {
    private AccessLog() {}

    /**
     * The log of the settings: null for none ({@code ""}), standard output for {@code -} (a service
     * manager's journal), else the file, appended to and created with its directory.
     *
     * @throws WebServerException if the file cannot be opened for writing
     */
    static @Nullable RequestLog open(String where) throws WebServerException {
        if (where.isEmpty()) {
            return null;
        }
        if (where.equals("-")) {
            return new CustomRequestLog(new Lines(new java.io.FileOutputStream(java.io.FileDescriptor.out), "standard output"),
                    CustomRequestLog.EXTENDED_NCSA_FORMAT);
        }
        Path file = Path.of(where).toAbsolutePath();
        OutputStream out;
        try {
            Files.createDirectories(file.getParent());
            if (Files.isDirectory(file) || Files.exists(file) && !Files.isWritable(file)) {
                throw new IOException("not a writable file");
            }
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new WebServerException("cannot write the access log " + file + ": " + e.getMessage()
                    + " (choose another with --access-log)", e);
        }
        return new CustomRequestLog(new Lines(out, file.toString()), CustomRequestLog.EXTENDED_NCSA_FORMAT);
    }

    /**
     * Writes lines from a thread of its own, in batches: a request only queues its line, without a
     * lock or a system call, and the thread writes what has queued up with one system call,
     * within {@value #PAUSE_MILLIS} ms. Should the output block (a journal that does not keep up),
     * at most {@value #MOST_QUEUED} lines wait; lines past that are dropped, counted and said.
     */
    static final class Lines extends AbstractLifeCycle implements RequestLog.Writer {
        static final int MOST_QUEUED = 65_536;
        static final long PAUSE_MILLIS = 20;
        private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

        private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicLong dropped = new AtomicLong();
        private final Writer out;
        private final String name;
        private volatile boolean running;
        private @Nullable Thread thread;

        Lines(OutputStream out, String name) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            this.name = name;
        }

        @Override
        public void write(String line) {
            if (queued.incrementAndGet() > MOST_QUEUED) {
                queued.decrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            queue.offer(line);
        }

        @Override
        protected void doStart() {
            running = true;
            Thread t = new Thread(this::run, "portolan-access-log");
            t.setDaemon(true);
            thread = t;
            t.start();
        }

        @Override
        protected void doStop() throws InterruptedException {
            running = false;
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
                t.join(TimeUnit.SECONDS.toMillis(5));
            }
        }

        private void run() {
            long lastDropped = 0;
            while (true) {
                boolean stopping = !running;
                try {
                    int n = drain();
                    long d = dropped.get();
                    if (d > lastDropped) {
                        LOG.warn("{} lines of the access log dropped: {} does not keep up", d - lastDropped, name);
                        lastDropped = d;
                    }
                    if (n > 0) {
                        out.flush();
                    }
                    if (stopping) {
                        out.close();
                        return;
                    }
                } catch (IOException e) {
                    LOG.warn("cannot write the access log {}: {}", name, e.getMessage());
                    queue.clear();
                    queued.set(0);
                    if (stopping) {
                        return;
                    }
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS));
            }
        }

        private int drain() throws IOException {
            int n = 0;
            for (String line = queue.poll(); line != null; line = queue.poll()) {
                queued.decrementAndGet();
                out.write(line);
                out.write('\n');
                n++;
            }
            return n;
        }
    }
}
