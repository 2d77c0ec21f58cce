package dev.portolan.web;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Reads the body of a request (a reaction is the only thing sent to the site) before any of the
 * site's threads handles it, without holding a thread while its bytes arrive, and within a
 * deadline. A client that trickles its body a byte a second, or never finishes it, costs a
 * buffer of at most the body limit, not a thread; at the deadline it gets a 408. A body whose
 * chunked framing is broken gets a 400; one that the client abandons ends the exchange quietly.
 * The handlers behind see the body in memory: complete, or, when it grows past the limit, its
 * first limit + 1 bytes, which they refuse (413) as they would a body announced too large.
 *
 * <p>A request that announces a length above the limit goes on unread: the site refuses it from
 * its headers.
 */
final class BufferedBodies extends Handler.Wrapper {
    /** The longest a body may take to arrive. */
    static final long DEADLINE_SECONDS = 10;

    private final int limit;

    BufferedBodies(int limit, Handler handler) {
        super(handler);
        this.limit = limit;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length == 0 || length > limit || length < 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        read(request, new java.io.ByteArrayOutputStream(Math.max(16, (int) Math.min(length, limit + 1L))), body);
        Scheduler.Task deadline = request.getComponents().getScheduler().schedule(
                () -> body.completeExceptionally(new TimeoutException()), DEADLINE_SECONDS, TimeUnit.SECONDS);
        body.whenComplete((bytes, failure) -> {
            deadline.cancel();
            request.getContext().execute(() -> dispatch(request, response, callback, bytes, failure));
        });
        return true;
    }

    /**
     * Reads what has arrived, and asks to be called again when more does: no thread waits. Stops
     * at the end, at a failure, or one byte past the limit.
     */
    private void read(Request request, java.io.ByteArrayOutputStream into, CompletableFuture<byte[]> body) {
        while (!body.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> read(request, into, body));
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                body.completeExceptionally(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            int take = Math.min(bytes.remaining(), limit + 1 - into.size());
            byte[] part = new byte[take];
            bytes.get(part);
            into.write(part, 0, take);
            boolean last = chunk.isLast();
            chunk.release();
            if (last || into.size() > limit) {
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
