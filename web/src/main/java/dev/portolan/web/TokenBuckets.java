package dev.portolan.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: each holds up to {@code burst} tokens and gains {@code
 * perMinute} tokens a minute; a request takes one. The table forgets full buckets when it grows
 * past {@value #MAX_CLIENTS} addresses, so it stays bounded however many clients come.
 */
final class TokenBuckets {
    static final int MAX_CLIENTS = 10_000;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int burst;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(int perMinute, int burst) {
        this.burst = burst;
        this.tokensPerNano = perMinute / (double) NANOS_PER_MINUTE;
    }

    /**
     * Takes a token for a client.
     *
     * @return 0 when the request may go ahead, else the whole seconds until a token is there
     */
    long take(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            forgetFull(nowNanos);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
        synchronized (b) {
            b.refill(nowNanos, burst, tokensPerNano);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            double missing = 1 - b.tokens;
            return Math.max(1, (long) Math.ceil(missing / tokensPerNano / 1e9));
        }
    }

    private void forgetFull(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                b.refill(nowNanos, burst, tokensPerNano);
                return b.tokens >= burst;
            }
        });
        if (buckets.size() > MAX_CLIENTS) {
            // Everyone is busy: forget the lot rather than grow without bound.
            buckets.clear();
        }
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        void refill(long now, int burst, double perNano) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * perNano);
                last = now;
            }
        }
    }
}
