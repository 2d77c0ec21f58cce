package dev.portolan.cli;

import dev.portolan.web.StaticExport;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows how far an export is, on standard error: on a terminal a bar redrawn in place with the
 * rate and the time left; otherwise a plain line every few seconds, for logs.
 */
final class Progress {
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final StaticExport export;
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    Progress(Console console, StaticExport export) {
        this.err = console.err();
        this.terminal = console.interactive();
        this.export = export;
        this.thread = new Thread(this::loop, "portolan-progress");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops and, on a terminal, clears the bar. */
    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        if (terminal) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void loop() {
        long every = terminal ? 200 : 5_000;
        while (running) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            long total = export.total();
            if (total > 0) {
                err.print(line(export.done(), total, System.nanoTime() - started, terminal));
                err.flush();
            }
        }
    }

    /** One report: the bar (on a terminal) or a plain line, with files done, the rate and the time left. */
    static String line(long done, long total, long nanos, boolean terminal) {
        double seconds = nanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long left = rate > 0 ? Math.round((total - done) / rate) : -1;
        String eta = left < 0 ? "--:--" : String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60);
        int percent = (int) (done * 100 / total);
        if (!terminal) {
            return String.format(Locale.ROOT, "portolan: export %d%% (%,d of %,d files, %,.0f files/s, %s left)%n",
                    percent, done, total, rate, eta);
        }
        int filled = (int) (done * BAR / total);
        return String.format(Locale.ROOT, "\r[%s%s] %3d%% %,d/%,d files %,.0f/s %s left\033[K", "#".repeat(filled),
                " ".repeat(BAR - filled), percent, done, total, rate, eta);
    }
}
