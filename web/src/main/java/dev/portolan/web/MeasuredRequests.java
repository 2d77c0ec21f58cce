package dev.portolan.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts every request and times it, from its arrival to the last byte of its answer (or its
 * failure), in {@link Metrics}. The route is the pattern the request matched, which the handlers
 * inside name with {@link #route(Request, String)}; a request that matched none is {@value
 * Metrics#UNMATCHED}.
 */
final class MeasuredRequests extends Handler.Wrapper {
    private static final String ATTRIBUTE = MeasuredRequests.class.getName();

    private final Metrics metrics;

    MeasuredRequests(Metrics metrics, Handler handler) {
        super(handler);
        this.metrics = metrics;
    }

    /** The route of one request; set by whichever handler answers it. */
    private static final class Route {
        volatile String name = Metrics.UNMATCHED;
    }

    /**
     * Names the route a request matched ({@code /ports/{port}}). The request may be a wrapper of
     * the one this handler saw: attributes are read through wrappers.
     */
    static void route(Request request, String pattern) {
        if (request.getAttribute(ATTRIBUTE) instanceof Route r) {
            r.name = pattern;
        }
    }

    /** {@link #route(Request, String)} for a servlet request (a Javalin context's). */
    static void route(jakarta.servlet.ServletRequest request, String pattern) {
        if (request.getAttribute(ATTRIBUTE) instanceof Route r) {
            r.name = pattern;
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        Route route = new Route();
        request.setAttribute(ATTRIBUTE, route);
        Callback measured = new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                metrics.request(route.name, response.getStatus(), System.nanoTime() - start);
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                metrics.request(route.name, statusOf(response), System.nanoTime() - start);
                super.failed(x);
            }
        };
        boolean handled;
        try {
            handled = super.handle(request, response, measured);
        } catch (Exception | Error e) {
            metrics.request(route.name, 500, System.nanoTime() - start);
            throw e;
        }
        if (!handled) {
            metrics.request(route.name, 404, System.nanoTime() - start);
        }
        return handled;
    }

    /** The status of an answer that failed on its way: what was set, or 500 if nothing was. */
    private static int statusOf(Response response) {
        int status = response.getStatus();
        return status == 0 || status == 200 && !response.isCommitted() ? 500 : status;
    }
}
