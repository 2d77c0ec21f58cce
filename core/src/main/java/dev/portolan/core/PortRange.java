package dev.portolan.core;

/**
 * An inclusive range of port numbers, {@code first <= last}, both within 0-65535. A single port is
 * a range of one.
 */
public record PortRange(int first, int last) implements Comparable<PortRange> {
    /** The lowest port number. */
    public static final int MIN_PORT = 0;
    /** The highest port number: ports are unsigned 16-bit integers. */
    public static final int MAX_PORT = 65_535;
    /** Every port number. */
    public static final PortRange ALL = new PortRange(MIN_PORT, MAX_PORT);

    public PortRange {
        if (first < MIN_PORT || first > MAX_PORT) {
            throw new IllegalArgumentException("port " + first + " is outside 0-65535");
        }
        if (last < MIN_PORT || last > MAX_PORT) {
            throw new IllegalArgumentException("port " + last + " is outside 0-65535");
        }
        if (first > last) {
            throw new IllegalArgumentException("range " + first + "-" + last + " is reversed");
        }
    }

    /** The range holding just {@code port}. */
    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    /** The ports both ranges hold, or empty when they hold none in common. */
    public java.util.Optional<PortRange> intersection(PortRange other) {
        int f = Math.max(first, other.first);
        int l = Math.min(last, other.last);
        return f <= l ? java.util.Optional.of(new PortRange(f, l)) : java.util.Optional.empty();
    }

    public boolean isSingle() {
        return first == last;
    }

    public int size() {
        return last - first + 1;
    }

    /** {@code 80} for a single port, {@code 6000-6063} otherwise, as the registry writes it. */
    @Override
    public String toString() {
        return isSingle() ? Integer.toString(first) : first + "-" + last;
    }

    @Override
    public int compareTo(PortRange o) {
        int c = Integer.compare(first, o.first);
        return c != 0 ? c : Integer.compare(last, o.last);
    }

    // equals and hashCode written out: a record's generated ones are bound through method handles
    // at their first call, which costs a command line's start several milliseconds.
    @Override
    public boolean equals(Object o) {
        return o instanceof PortRange r && first == r.first && last == r.last;
    }

    @Override
    public int hashCode() {
        return first * 65_537 + last;
    }
}
