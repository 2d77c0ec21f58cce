package dev.portolan.web;

import java.net.URI;
import java.util.Locale;

/**
 * Every setting of the web server, validated.
 *
 * @param bind the address to listen on ({@code 127.0.0.1}, {@code ::1}, {@code 0.0.0.0})
 * @param port the TCP port to listen on, 1-65535, or 0 for any free port
 * @param publicUrl the address readers use to reach the site ({@code https://ports.example}),
 *     without a trailing slash: canonical links, breadcrumbs and sitemaps name it. Empty means
 *     {@code http://bind:port}
 * @param cacheBytes the most heap bytes the page cache takes, at least 1 MiB: rendered pages, and for
 *     the port pages whose bytes are in the page file, where they are
 * @param feedbackBodyLimit the largest reaction request body in bytes, 64-65536
 * @param votesPerMinute reactions one client address may send per minute, sustained, 1-10000
 * @param voteBurst reactions one client address may send at once, 1-10000
 * @param pastesPerMinute pastes one client network may have explained per minute, sustained, 1-10000
 * @param pasteBurst pastes one client network may have explained at once, 1-10000
 * @param threads the most threads of the server, 4-1000, including one to accept connections and
 *     one per two CPUs to watch them
 * @param hstsSeconds how long browsers are told to reach the site over HTTPS only ({@code
 *     Strict-Transport-Security: max-age}), 0-63072000 (two years); 0 sends no such header. For
 *     a site served over HTTPS (behind a proxy that terminates TLS); browsers ignore it over plain
 *     HTTP
 * @param metrics where {@code /metrics} is served: {@code off}, {@code site} (on the site's own
 *     listener) or {@code HOST:PORT} (a listener of its own, e.g. {@code 127.0.0.1:9464})
 * @param accessLog where a line per request goes, in the NCSA combined format: empty for nowhere,
 *     {@code -} for standard output, else a file (appended to)
 * @param shutdownGraceSeconds how long a stop waits for requests in flight, 0-300
 * @param cacheDirectory the directory of the page file, which keeps the bytes of rendered port
 *     pages on disk (the kernel's page cache holds those read often) instead of in the heap; empty
 *     for none: port pages are then kept in memory, as gzip bytes
 * @param cacheFileBytes the most bytes the page file holds, 0 (no file) or at least 1 MiB; past it
 *     the oldest pages are overwritten and rendered again when asked
 */
public record WebSettings(String bind, int port, String publicUrl, long cacheBytes, int feedbackBodyLimit,
        int votesPerMinute, int voteBurst, int pastesPerMinute, int pasteBurst, int threads, long hstsSeconds,
        String metrics, String accessLog, int shutdownGraceSeconds, String cacheDirectory, long cacheFileBytes) {

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default address: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** How long a stop waits for requests in flight, by default. */
    public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;
    /**
     * The default heap for the page cache: 96 MiB, enough for where every port page of every
     * language is in the page file (64 bytes each, 60 MiB for the 983,040) and for about a thousand
     * other pages.
     */
    public static final long DEFAULT_CACHE_BYTES = 96L << 20;
    /**
     * The default size of the page file: 4 GiB, enough for every port page of a language both
     * gzip-compressed and not (about 0.6 and 2.4 GiB), and for the gzip bytes of the port pages of
     * two more.
     */
    public static final long DEFAULT_CACHE_FILE_BYTES = 4L << 30;

    public WebSettings {
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind address is empty: give an address such as 127.0.0.1");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port is " + port + ", must be 1-65535 (or 0 for any free port)");
        }
        publicUrl = checkPublicUrl(publicUrl);
        if (cacheBytes < (1L << 20)) {
            throw new IllegalArgumentException("cache size is " + cacheBytes + " bytes, must be at least 1 MiB");
        }
        if (feedbackBodyLimit < 64 || feedbackBodyLimit > 65_536) {
            throw new IllegalArgumentException("feedback body limit is " + feedbackBodyLimit
                    + " bytes, must be 64-65536");
        }
        if (votesPerMinute < 1 || votesPerMinute > 10_000) {
            throw new IllegalArgumentException("votes per minute is " + votesPerMinute + ", must be 1-10000");
        }
        if (voteBurst < 1 || voteBurst > 10_000) {
            throw new IllegalArgumentException("vote burst is " + voteBurst + ", must be 1-10000");
        }
        if (pastesPerMinute < 1 || pastesPerMinute > 10_000) {
            throw new IllegalArgumentException("pastes per minute is " + pastesPerMinute + ", must be 1-10000");
        }
        if (pasteBurst < 1 || pasteBurst > 10_000) {
            throw new IllegalArgumentException("paste burst is " + pasteBurst + ", must be 1-10000");
        }
        if (hstsSeconds < 0 || hstsSeconds > 63_072_000) {
            throw new IllegalArgumentException("HSTS max-age is " + hstsSeconds + " seconds, must be 0-63072000 (two years)");
        }
        if (threads < 4 || threads > 1000) {
            throw new IllegalArgumentException("threads is " + threads + ", must be 4-1000");
        }
        metricsAddress(metrics);
        if (shutdownGraceSeconds < 0 || shutdownGraceSeconds > 300) {
            throw new IllegalArgumentException("shutdown grace is " + shutdownGraceSeconds + " s, must be 0-300");
        }
        if (cacheFileBytes != 0 && cacheFileBytes < (1L << 20)) {
            throw new IllegalArgumentException("page file size is " + cacheFileBytes
                    + " bytes, must be 0 (none) or at least 1 MiB");
        }
    }

    /** Metrics off. */
    public static final String METRICS_OFF = "off";
    /** Metrics at {@code /metrics} on the site's listener. */
    public static final String METRICS_SITE = "site";

    /**
     * The address of a metrics listener of its own, or null for {@code off} and {@code site}.
     *
     * @throws IllegalArgumentException if {@code value} is none of the three forms
     */
    static java.net.@org.jspecify.annotations.Nullable InetSocketAddress metricsAddress(String value) {
        if (value.equals(METRICS_OFF) || value.equals(METRICS_SITE)) {
            return null;
        }
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "" : value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = colon < 0 ? -1 : RequestInput.parsePort(value.substring(colon + 1));
        if (host.isEmpty() || port < 0) {
            throw new IllegalArgumentException("metrics \"" + value + "\" must be off, site, or HOST:PORT such as "
                    + "127.0.0.1:9464");
        }
        return new java.net.InetSocketAddress(host, port);
    }

    /**
     * The defaults: loopback, port 8080, 96 MiB of heap for the page cache and no page file (the
     * command line puts one in the Portolan home), 1 KiB bodies, 10 reactions and 10 pastes a
     * minute, and {@link #defaultThreads()} threads.
     */
    public static WebSettings defaults() {
        return new WebSettings(DEFAULT_BIND, DEFAULT_PORT, "", DEFAULT_CACHE_BYTES, 1024, 10, 10, 10, 10,
                defaultThreads(), 0, METRICS_SITE, "", DEFAULT_SHUTDOWN_GRACE_SECONDS, "", DEFAULT_CACHE_FILE_BYTES);
    }

    /**
     * Four threads per CPU, at least 8: answers from the cache never block, so more threads than
     * that only switch more (measured with bench/web-vs-nginx.sh: on 2 CPUs, 8 threads served a
     * third more requests per second than 32).
     */
    public static int defaultThreads() {
        return Math.min(1000, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /** These settings listening on another address and port. */
    public WebSettings listening(String newBind, int newPort) {
        return new WebSettings(newBind, newPort, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, metrics, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with another public address. */
    public WebSettings withPublicUrl(String url) {
        return new WebSettings(bind, port, url, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, metrics, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with another reaction rate limit. */
    public WebSettings withVoteLimit(int perMinute, int burst) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, perMinute, burst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, metrics, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with another limit of pastes explained. */
    public WebSettings withPasteLimit(int perMinute, int burst) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                perMinute, burst, threads, hstsSeconds, metrics, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with another cache size. */
    public WebSettings withCacheBytes(long bytes) {
        return new WebSettings(bind, port, publicUrl, bytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, metrics, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with another number of request threads. */
    public WebSettings withThreads(int count) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, count, hstsSeconds, metrics, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with a {@code Strict-Transport-Security} max-age in seconds (0 for none). */
    public WebSettings withHsts(long seconds) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, seconds, metrics, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with metrics {@code off}, at the {@code site}, or on a {@code HOST:PORT} of their own. */
    public WebSettings withMetrics(String where) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, where, accessLog, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with an access log: empty for none, {@code -} for standard output, else a file. */
    public WebSettings withAccessLog(String where) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, metrics, where, shutdownGraceSeconds,
                cacheDirectory, cacheFileBytes);
    }

    /** These settings with another wait for requests in flight at a stop. */
    public WebSettings withShutdownGrace(int seconds) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, metrics, accessLog, seconds,
                cacheDirectory, cacheFileBytes);
    }

    /**
     * These settings with a page file in a directory (empty for none), of at most {@code bytes}
     * (0 for none).
     */
    public WebSettings withCacheFile(String directory, long bytes) {
        return new WebSettings(bind, port, publicUrl, cacheBytes, feedbackBodyLimit, votesPerMinute, voteBurst,
                pastesPerMinute, pasteBurst, threads, hstsSeconds, metrics, accessLog, shutdownGraceSeconds,
                directory, bytes);
    }

    /** Whether the page cache keeps port pages in a file: a directory is set and a size above 0. */
    boolean hasCacheFile() {
        return !cacheDirectory.isEmpty() && cacheFileBytes > 0;
    }

    private static String checkPublicUrl(String url) {
        if (url.isEmpty()) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("public URL \"" + url + "\" is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("public URL \"" + url
                    + "\" must be http or https with a host and no query, e.g. https://ports.example");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("public URL \"" + url
                    + "\" has a path; the site is served at the root of its host");
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
