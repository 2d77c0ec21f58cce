package dev.portolan.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides whether a reader's vote is counted, so that one person cannot inflate a page's votes.
 *
 * <ul>
 *   <li>Votes are limited per <b>network</b>, not per address: a client's IPv4 /24 or IPv6 /64
 *       shares one token bucket ({@link TokenBuckets}), so the many addresses one machine or one
 *       provider customer can use count as one.
 *   <li>A <b>repeat</b> (the same network voting on the same port again within {@link #REPEAT_WINDOW_NANOS})
 *       is answered as counted already and not counted again, however it is sent.
 *   <li>Only a valid vote spends the budget, repeats included: the gate is asked after the vote
 *       has been read and checked, so a malformed request costs its sender nothing and counts
 *       nothing, while a network replaying a vote meets the limit as fast as one voting anew.
 * </ul>
 *
 * What it cannot stop, and docs/web.md says so: a person with addresses in many networks (a
 * botnet, many cloud machines) or readers behind one network address who vote on the same page
 * (they share the network's budget and its one vote a port per window). Thread-safe; its memory is
 * bounded.
 */
final class VoteGate {
    /** How long a network's vote on a port keeps it from counting another there. */
    static final long REPEAT_WINDOW_NANOS = 10 * 60 * 1_000_000_000L;
    /** The most (network, port) pairs remembered; the oldest are forgotten first. */
    static final int MAX_REMEMBERED = 100_000;

    /** What the gate decided. */
    enum Verdict {
        /** Count the vote. */
        COUNT,
        /** Answer as counted, but count nothing: this network voted on this port a moment ago. */
        REPEAT
    }

    private final TokenBuckets budgets;
    private final Map<String, Long> recent = new LinkedHashMap<>(1024, 0.75f, false);

    VoteGate(int perMinute, int burst) {
        this.budgets = new TokenBuckets(perMinute, burst);
    }

    /**
     * Whether a valid vote from a client address on a port is counted.
     *
     * @return the verdict
     * @throws HttpError 429 when the network has spent its budget, with the seconds to wait
     */
    Verdict admit(String address, int port, long nowNanos) {
        String network = network(address);
        String key = network + " " + port;
        // Every valid vote spends the budget, a repeat too: answering one costs a read of the
        // store, so repeats must not come faster than votes may.
        long wait = budgets.take(network, nowNanos);
        if (wait > 0) {
            throw HttpError.tooManyRequests(HttpError.text("error.rateLimited", "seconds", wait), wait);
        }
        synchronized (recent) {
            Long last = recent.get(key);
            if (last != null && nowNanos - last < REPEAT_WINDOW_NANOS) {
                return Verdict.REPEAT;
            }
        }
        synchronized (recent) {
            recent.remove(key);
            recent.put(key, nowNanos);
            while (recent.size() > MAX_REMEMBERED) {
                recent.remove(recent.keySet().iterator().next());
            }
        }
        return Verdict.COUNT;
    }

    /**
     * The network an address belongs to for the limits: its IPv4 /24 ({@code 192.0.2.0/24}) or
     * IPv6 /64 ({@code 2001:db8:1:2::/64}); an IPv4 address written as IPv6 counts as IPv4. An
     * address that is not an IP literal stands for itself.
     */
    static String network(String address) {
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!literal.matches("[0-9a-fA-F:.%]+")) {
            return address; // not a literal: never resolve a name here
        }
        try {
            byte[] b = InetAddress.getByName(literal).getAddress();
            if (b.length == 4) {
                return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                s.append(Integer.toHexString((b[i] & 0xff) << 8 | (b[i + 1] & 0xff))).append(':');
            }
            return s.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
