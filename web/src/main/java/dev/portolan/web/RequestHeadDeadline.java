package dev.portolan.web;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that trickles a request's head (slowloris): one that has received bytes
 * in two looks in a row, a period apart, without a request completing in between, so after one to
 * two periods of trickling. (One look would also catch an honest head that happened to straddle
 * it.) Jetty's idle timeout starts again at every
 * byte, so without this a client sending a header byte a second holds its connection for as long
 * as it likes, and enough such clients use up the server's connections or file descriptors.
 *
 * <p>An idle keep-alive connection receives nothing and is left to the idle timeout; a body is
 * bounded by {@link BufferedBodies}; a request whose answer is slow receives nothing meanwhile.
 * Each open connection is looked at once a period, by the server's scheduler.
 */
final class RequestHeadDeadline implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHeadDeadline.class);

    private final Scheduler scheduler;
    private final long periodMillis;

    RequestHeadDeadline(Scheduler scheduler, long periodMillis) {
        this.scheduler = scheduler;
        this.periodMillis = periodMillis;
    }

    @Override
    public void onOpened(Connection connection) {
        new Watch(connection).next();
    }

    /** One connection's counts at the last look. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private long messages;
        private long bytes;
        /** Whether the last look saw bytes and no request. */
        private boolean trickled;

        Watch(Connection connection) {
            this.connection = connection;
            this.messages = connection.getMessagesIn();
            this.bytes = connection.getBytesIn();
        }

        void next() {
            scheduler.schedule(this, periodMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long m = connection.getMessagesIn();
            long b = connection.getBytesIn();
            boolean trickling = m == messages && b > bytes;
            if (trickling && trickled) {
                LOG.debug("closing {}: bytes for {} ms and no whole request", connection.getEndPoint()
                        .getRemoteSocketAddress(), 2 * periodMillis);
                connection.getEndPoint().close();
                return;
            }
            trickled = trickling;
            messages = m;
            bytes = b;
            next();
        }
    }
}
