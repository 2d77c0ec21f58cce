package dev.portolan.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Answers "what does the registry say about port P on transport T" for every one of the 65,536 x 4
 * pairs.
 *
 * <p>The rules, applied in this order:
 *
 * <ol>
 *   <li>Records whose port or range covers P and whose protocol is T answer, in registry order.
 *   <li>Records whose port or range covers P and that have no protocol apply to every transport
 *       (older registry entries, such as {@code 51 Reserved}, were made for the number as a whole;
 *       RFC 6335, section 7.2, keeps a number's other transports for the same service).
 *   <li>Otherwise the pair is not listed, and the answer is an implied {@link
 *       AssignmentStatus#UNASSIGNED} entry: in 49152-65535 because IANA never assigns Dynamic
 *       Ports (RFC 6335, section 6), elsewhere because a number nobody holds is unassigned.
 * </ol>
 *
 * <p>The first questions are answered from the records ordered by first port (made at the first
 * question in one counting pass): a binary search finds the records that start at P, and the
 * ranges that start at most the widest range's span before P are the only others that can cover
 * it. After {@value #QUESTIONS_BEFORE_INDEX} questions a compressed index answers in constant time. A
 * command line asks one question or a few thousand ({@code listening} on a busy server) and
 * exits, so building that index (several milliseconds before the JIT warms up) would cost it more
 * than it saves; a server asks many and gets the index.
 */
public final class PortIndex {
    private static final int PORTS = PortRange.MAX_PORT + 1;
    /** Questions answered from the records by first port before the index is built. */
    static final int QUESTIONS_BEFORE_INDEX = 10_000;
    private static final Transport[] TRANSPORTS = Transport.values();

    private final RecordTable records;
    private final AtomicInteger questions = new AtomicInteger();
    private volatile @Nullable Built built;
    private volatile @Nullable ByFirstPort byFirstPort;

    /**
     * The records with a port, ordered by first port (registry order within one), with that port
     * beside each; the ranges among them (last port above the first) apart, in the same order;
     * and the widest range's span.
     */
    private record ByFirstPort(int[] records, int[] firsts, int[] ranges, int[] rangeFirsts, int widest) {}

    /** Per transport: offsets into items, compressed-row style (PORTS + 1 entries). */
    private record Built(int[][] offsets, int[][] items) {}

    PortIndex(RecordTable records) {
        this.records = records;
    }

    /** Whether some record names this port with exactly this transport (not protocol-less). */
    public boolean listsExplicitly(int port, Transport t) {
        checkPort(port);
        Built b = index();
        if (b == null) {
            int[] covering = covering(port);
            for (int k = 1; k <= covering[0]; k++) {
                if (records.transport(covering[k]) == t) {
                    return true;
                }
            }
            return false;
        }
        int[] off = b.offsets()[t.ordinal()];
        int[] list = b.items()[t.ordinal()];
        for (int i = off[port]; i < off[port + 1]; i++) {
            if (records.transport(list[i]) == t) {
                return true;
            }
        }
        return false;
    }

    /** The entries for the pair: never empty (see the class comment for the rules). */
    public List<Assignment> resolve(int port, Transport t) {
        List<Assignment> out = listed(port, t);
        if (out.isEmpty()) {
            out.add(implied(port, t));
        }
        return out;
    }

    /**
     * The records of the pair by rules 1 and 2 alone: empty where the registry lists nothing (no
     * implied entry, which a caller that only wants the listed services need not make).
     */
    public List<Assignment> listed(int port, Transport t) {
        checkPort(port);
        List<Assignment> out = new ArrayList<>(2);
        Built b = index();
        if (b == null) {
            List<Assignment> protocolLess = new ArrayList<>(1);
            int[] covering = covering(port);
            for (int k = 1; k <= covering[0]; k++) {
                int i = covering[k];
                Transport rt = records.transport(i);
                if (rt == t) {
                    out.add(records.get(i));
                } else if (rt == null) {
                    protocolLess.add(records.get(i).on(t));
                }
            }
            out.addAll(protocolLess);
        } else {
            int[] off = b.offsets()[t.ordinal()];
            int[] list = b.items()[t.ordinal()];
            for (int i = off[port]; i < off[port + 1]; i++) {
                out.add(records.get(list[i]).on(t));
            }
        }
        return out;
    }

    /**
     * The entries for every transport of one port: each list is never empty. {@code explicit},
     * indexed by transport ordinal, is set where a record names that transport.
     */
    public Map<Transport, List<Assignment>> resolveAll(int port, boolean[] explicit) {
        checkPort(port);
        Map<Transport, List<Assignment>> out = new EnumMap<>(Transport.class);
        for (Transport t : TRANSPORTS) {
            explicit[t.ordinal()] = listsExplicitly(port, t);
            out.put(t, resolve(port, t));
        }
        return out;
    }

    /**
     * The records whose port or range covers {@code port}, in registry order: their count, then
     * their indexes.
     */
    private int[] covering(int port) {
        ByFirstPort f = byFirstPort();
        int from = lowerBound(f.firsts(), port);
        int to = from;
        while (to < f.firsts().length && f.firsts()[to] == port) {
            to++;
        }
        int[] out = new int[1 + to - from + 4];
        int n = 0;
        for (int k = from; k < to; k++) {
            out[++n] = f.records()[k];
        }
        // a range that starts before the port covers it only if it starts within the widest span
        for (int k = lowerBound(f.rangeFirsts(), port - f.widest()); k < f.rangeFirsts().length
                && f.rangeFirsts()[k] < port; k++) {
            int i = f.ranges()[k];
            if (records.lastPort(i) >= port) {
                if (n + 1 == out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[++n] = i;
            }
        }
        // registry order (a handful of records: insertion sort)
        for (int a = 2; a <= n; a++) {
            int v = out[a];
            int b = a - 1;
            while (b >= 1 && out[b] > v) {
                out[b + 1] = out[b];
                b--;
            }
            out[b + 1] = v;
        }
        out[0] = n;
        return out;
    }

    /** The first position in an ascending array whose value is at least {@code value}. */
    private static int lowerBound(int[] ascending, int value) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private ByFirstPort byFirstPort() {
        ByFirstPort f = byFirstPort;
        if (f == null) {
            f = byFirstPort(records);
            byFirstPort = f; // made twice at worst, the same either way
        }
        return f;
    }

    /**
     * The records by first port: in one pass when the registry lists them so already (IANA's
     * files do), else by counting them per port.
     */
    private static ByFirstPort byFirstPort(RecordTable records) {
        // each record's ports read once (the table decodes them), the rest done on arrays
        int n = records.size();
        int[] first = new int[n];
        int[] last = new int[n];
        int withPort = 0;
        int rangeCount = 0;
        int widest = 0;
        boolean ascending = true;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int f = records.firstPort(i);
            first[i] = f;
            if (f >= 0) {
                int l = records.lastPort(i);
                last[i] = l;
                withPort++;
                ascending &= f >= previous;
                previous = f;
                if (l > f) {
                    rangeCount++;
                    widest = Math.max(widest, l - f);
                }
            }
        }
        int[] ordered = new int[withPort];
        int[] firsts = new int[withPort];
        if (ascending) {
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (first[i] >= 0) {
                    ordered[at] = i;
                    firsts[at++] = first[i];
                }
            }
        } else {
            int[] start = new int[PORTS + 1];
            for (int i = 0; i < n; i++) {
                if (first[i] >= 0) {
                    start[first[i] + 1]++;
                }
            }
            for (int p = 0; p < PORTS; p++) {
                start[p + 1] += start[p];
            }
            for (int i = 0; i < n; i++) {
                if (first[i] >= 0) {
                    int at = start[first[i]]++;
                    ordered[at] = i;
                    firsts[at] = first[i];
                }
            }
        }
        int[] ranges = new int[rangeCount];
        int[] rangeFirsts = new int[rangeCount];
        int r = 0;
        for (int k = 0; k < withPort; k++) {
            int i = ordered[k];
            if (last[i] > firsts[k]) {
                ranges[r] = i;
                rangeFirsts[r++] = firsts[k];
            }
        }
        return new ByFirstPort(ordered, firsts, ranges, rangeFirsts, widest);
    }

    private @Nullable Built index() {
        Built b = built;
        if (b == null && questions.incrementAndGet() > QUESTIONS_BEFORE_INDEX) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = build(records);
                    built = b;
                }
            }
        }
        return b;
    }

    private static Built build(RecordTable records) {
        int n = records.size();
        int[][] offsets = new int[TRANSPORTS.length][];
        int[][] items = new int[TRANSPORTS.length][];
        for (Transport t : TRANSPORTS) {
            int[] count = new int[PORTS + 1];
            for (int i = 0; i < n; i++) {
                Transport rt = records.transport(i);
                int first = records.firstPort(i);
                if (first >= 0 && (rt == null || rt == t)) {
                    for (int p = first, last = records.lastPort(i); p <= last; p++) {
                        count[p + 1]++;
                    }
                }
            }
            for (int p = 0; p < PORTS; p++) {
                count[p + 1] += count[p];
            }
            int[] fill = count.clone();
            int[] list = new int[count[PORTS]];
            // Records naming the transport come before protocol-less ones (rule 1 before rule 2).
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < n; i++) {
                    Transport rt = records.transport(i);
                    int first = records.firstPort(i);
                    boolean wanted = pass == 0 ? rt == t : rt == null;
                    if (first >= 0 && wanted) {
                        for (int p = first, last = records.lastPort(i); p <= last; p++) {
                            list[fill[p]++] = i;
                        }
                    }
                }
            }
            offsets[t.ordinal()] = count;
            items[t.ordinal()] = list;
        }
        return new Built(offsets, items);
    }

    static Assignment implied(int port, Transport t) {
        boolean dynamic = RangeClass.of(port) == RangeClass.DYNAMIC;
        return Assignment.builder()
                .ports(PortRange.of(port))
                .transport(t)
                .description("Unassigned")
                .status(AssignmentStatus.UNASSIGNED)
                .reference(new Reference(Reference.Kind.RFC, "RFC6335"))
                .note(dynamic
                        ? "Dynamic and/or Private Port: IANA never assigns ports 49152-65535 (RFC 6335, section 6)."
                        : "Not listed in the registry for " + t.id() + ": no service holds this number.")
                .origin(Assignment.Origin.IMPLIED)
                .build();
    }

    private static void checkPort(int port) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
    }
}
