package dev.portolan.web;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.portolan.core.SnapshotInfo;
import java.util.function.Supplier;

/**
 * What {@code /metrics} tells, in the Prometheus text format: requests by route and status, their
 * latency by route, the page cache, votes by outcome, the registry's release and age and its
 * updates, and the JVM's own metrics. Routes are the site's path patterns ({@code /ports/{port}},
 * the same for every language), never the paths readers send, so the number of series stays
 * bounded. Thread-safe.
 */
public final class Metrics {
    /** The route of a request that matched none. */
    static final String UNMATCHED = "unmatched";

    /** Latency buckets, in seconds: from a cache hit (well under a millisecond) to a slow render. */
    private static final double[] LATENCY_BOUNDS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram latency;
    private final Counter votes;
    private final Counter updates;

    /** What happened to a vote. */
    public enum VoteOutcome {
        /** Counted. */
        COUNTED,
        /** A repeat of the network's vote on the port: answered, not counted. */
        REPEAT,
        /** Refused: the network's budget was spent (429). */
        RATE_LIMITED,
        /** Refused: origin, media type, size or content was wrong (4xx). */
        INVALID,
        /** The database could not record it (503). */
        FAILED
    }

    /** What a registry update found. */
    public enum UpdateOutcome {
        /** A newer release was imported and is served now. */
        UPDATED,
        /** The source had nothing newer. */
        UNCHANGED,
        /** The update failed; the data served stays as it was. */
        FAILED
    }

    /**
     * @param cache the page cache to report on
     * @param served the registry data served now
     * @param clock for the registry's age
     */
    Metrics(PageCache cache, Supplier<SnapshotInfo> served, Clock clock) {
        requests = Counter.builder().name("portolan_http_requests")
                .help("HTTP requests answered, by route pattern and status code")
                .labelNames("route", "status").register(registry);
        latency = Histogram.builder().name("portolan_http_request_duration_seconds")
                .help("Time from a request's arrival to the last byte of its answer, by route pattern")
                .classicOnly().classicUpperBounds(LATENCY_BOUNDS)
                .labelNames("route").register(registry);
        votes = Counter.builder().name("portolan_votes")
                .help("Readers' votes by outcome: counted, repeat (answered, not counted), rate_limited, invalid,"
                        + " failed")
                .labelNames("outcome").register(registry);
        updates = Counter.builder().name("portolan_registry_updates")
                .help("Scheduled registry updates by outcome: updated, unchanged, failed")
                .labelNames("outcome").register(registry);
        GaugeWithCallback.builder().name("portolan_page_cache_entries")
                .help("Rendered pages held, in memory or in the page file")
                .callback(cb -> cb.call(cache.entries())).register(registry);
        GaugeWithCallback.builder().name("portolan_page_cache_bytes")
                .help("Heap bytes of the page cache: rendered pages, and where the pages in the page file are")
                .callback(cb -> cb.call(cache.bytes())).register(registry);
        GaugeWithCallback.builder().name("portolan_page_file_bytes")
                .help("Bytes of the page file in use (port pages on disk; the kernel caches those read often)")
                .callback(cb -> cb.call(cache.fileBytes())).register(registry);
        CounterWithCallback.builder().name("portolan_page_cache_lookups")
                .help("Page cache lookups by result: hit (sent from memory or the page file) or miss (rendered)")
                .labelNames("result")
                .callback(cb -> {
                    cb.call(cache.hits(), "hit");
                    cb.call(cache.misses(), "miss");
                }).register(registry);
        GaugeWithCallback.builder().name("portolan_registry_info")
                .help("The registry data served now (always 1; its source, label and 'updated' date are labels)")
                .labelNames("source", "label", "updated")
                .callback(cb -> {
                    SnapshotInfo r = served.get();
                    cb.call(1, r.source().id(), r.label(), r.updated() == null ? "" : r.updated().toString());
                }).register(registry);
        GaugeWithCallback.builder().name("portolan_registry_age_seconds")
                .help("Seconds since the 'updated' date (midnight UTC) of the registry data served now")
                .callback(cb -> {
                    SnapshotInfo r = served.get();
                    if (r.updated() != null) {
                        Instant date = r.updated().atStartOfDay(ZoneOffset.UTC).toInstant();
                        cb.call(Duration.between(date, clock.instant()).toSeconds());
                    }
                }).register(registry);
        JvmMetrics.builder().register(registry);
    }

    /**
     * The series of one route, looked up once: a request then costs no label lookup. Measured on
     * cache hits (wrk, 64 connections, three rounds against the server without metrics): 0.91 of
     * its throughput with a lookup per request, 0.98 with these.
     */
    private final class RouteSeries {
        final String route;
        final DistributionDataPoint latency;
        final AtomicReferenceArray<CounterDataPoint> byStatus = new AtomicReferenceArray<>(600);

        RouteSeries(String route) {
            this.route = route;
            this.latency = Metrics.this.latency.labelValues(route);
        }

        CounterDataPoint requests(int status) {
            if (status < 0 || status >= 600) {
                return Metrics.this.requests.labelValues(route, Integer.toString(status));
            }
            CounterDataPoint p = byStatus.get(status);
            if (p == null) {
                p = Metrics.this.requests.labelValues(route, Integer.toString(status));
                byStatus.set(status, p);
            }
            return p;
        }
    }

    private final ConcurrentHashMap<String, RouteSeries> routes = new ConcurrentHashMap<>();

    /** Records one answered request. */
    void request(String route, int status, long nanos) {
        RouteSeries series = routes.computeIfAbsent(route, RouteSeries::new);
        series.requests(status).inc();
        series.latency.observe(nanos / 1e9);
    }

    /** Records what happened to a vote. */
    void vote(VoteOutcome outcome) {
        votes.labelValues(outcome.name().toLowerCase(java.util.Locale.ROOT)).inc();
    }

    /** Records a scheduled update's outcome. */
    public void update(UpdateOutcome outcome) {
        updates.labelValues(outcome.name().toLowerCase(java.util.Locale.ROOT)).inc();
    }

    /** Writes every metric in the Prometheus text format (version 0.0.4). */
    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }

    /** The text format's media type. */
    static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }

    /** The registry of the metrics, for an exporter of their own. */
    PrometheusRegistry registry() {
        return registry;
    }
}
