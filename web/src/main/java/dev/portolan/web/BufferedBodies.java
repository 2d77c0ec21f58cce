package dev.portolan.web;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads the body of a request (a reaction, or output pasted into the explain page) before any of
 * the site's threads handles it, without holding a thread while its bytes arrive, and within a
 * deadline. A client that trickles its body a byte a second, or never finishes it, costs a
 * buffer of at most the body limit, not a thread; at the deadline it gets a 408. A body whose
 * chunked framing is broken gets a 400; one that the client abandons ends the exchange quietly.
 * The handlers behind see the body in memory: complete, or, when it grows past the limit, its
 * first limit + 1 bytes, which they refuse (413) as they would a body announced too large.
 *
 * <p>A request that announces a length above the limit goes on unread: the site refuses it from
 * its headers.
 *
 * <p>A few paths take larger bodies ({@link Large}). So that slow senders cannot fill the memory
 * with them, at most {@link Large#atOnce()} such bodies arrive at a time; a request past that gets
 * a 503 at once, and its sender may try again a moment later.
 */
final class BufferedBodies extends Handler.Wrapper {
    /** The longest a body may take to arrive. */
    static final long DEADLINE_SECONDS = 10;

    private final int limit;
    private final Large large;
    private final AtomicInteger largeArriving = new AtomicInteger();

    /**
     * The paths that take larger bodies than the others.
     *
     * @param paths the paths, exactly as requested ({@code /explain-output}, {@code /es/explain-output})
     * @param limit the largest body they take, in bytes
     * @param atOnce how many such bodies may be arriving at the same time
     */
    record Large(Set<String> paths, int limit, int atOnce) {
        Large {
            paths = Set.copyOf(paths);
        }
    }

    BufferedBodies(int limit, Large large, Handler handler) {
        super(handler);
        this.limit = limit;
        this.large = large;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        boolean isLarge = large.paths().contains(request.getHttpURI().getPath());
        int most = isLarge ? large.limit() : limit;
        if (length == 0 || length > most || length < 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (isLarge && largeArriving.incrementAndGet() > large.atOnce()) {
            largeArriving.decrementAndGet();
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(DEADLINE_SECONDS));
            Response.writeError(request, response, callback, 503, "too many large bodies are arriving at once");
            return true;
        }
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        read(request, new java.io.ByteArrayOutputStream(Math.max(16, (int) Math.min(length, most + 1L))), most, body);
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(
                () -> body.completeExceptionally(new TimeoutException()), DEADLINE_SECONDS, TimeUnit.SECONDS);
        body.whenComplete((bytes, failure) -> {
            deadline.cancel();
            if (isLarge) {
                largeArriving.decrementAndGet();
            }
            request.getContext().execute(() -> dispatch(request, response, callback, bytes, failure));
        });
        return true;
    }

    /**
     * Reads what has arrived, and asks to be called again when more does: no thread waits. Stops
     * at the end, at a failure, or one byte past the limit {@code most}.
     */
    private void read(Request request, java.io.ByteArrayOutputStream into, int most, CompletableFuture<byte[]> body) {
        while (!body.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> read(request, into, most, body));
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                body.completeExceptionally(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int take = Math.min(bytes.remaining(), most + 1 - into.size());
            byte[] part = new byte[take];
            bytes.get(part);
            into.write(part, 0, take);
            boolean last = chunk.isLast();
            chunk.release();
            if (last || into.size() > most) {
                body.complete(into.toByteArray());
                return;
            }
        }
    }

    private void dispatch(Request request, Response response, Callback callback, byte[] bytes, Throwable failure) {
        try {
            if (failure == null) {
                if (!super.handle(new Buffered(request, bytes), response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
                return;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                request.fail(cause); // stops reading the rest
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                Response.writeError(request, response, callback, 408, "the request body did not arrive within "
                        + DEADLINE_SECONDS + " seconds");
            } else if (cause instanceof HttpException bad) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                Response.writeError(request, response, callback, bad.getCode(), "the request body is malformed");
            } else if (cause instanceof EofException || cause instanceof java.io.IOException) {
                callback.failed(cause); // the client went away; nothing to answer, nothing to log
            } else {
                Response.writeError(request, response, callback, 400, "the request body cannot be read");
            }
        } catch (Throwable x) {
            callback.failed(x);
        }
    }

    /** A request whose content is the body already read. */
    private static final class Buffered extends Request.Wrapper {
        private Content.Chunk chunk;

        Buffered(Request request, byte[] bytes) {
            super(request);
            this.chunk = Content.Chunk.from(ByteBuffer.wrap(bytes), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = chunk;
            chunk = Content.Chunk.EOF;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
