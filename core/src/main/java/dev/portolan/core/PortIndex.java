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
 * <p>The first questions are answered by scanning the records' port columns; after {@value
 * #SCANS_BEFORE_INDEX} questions a compressed index answers in constant time. A command-line
 * lookup asks a handful of questions and exits, so building the index first (about 10 ms before
 * the JIT warms up) would cost more than it saves; a server asks many and gets the index.
 */
public final class PortIndex {
    private static final int PORTS = PortRange.MAX_PORT + 1;
    private static final int SCANS_BEFORE_INDEX = 64;
    private static final Transport[] TRANSPORTS = Transport.values();

    private final RecordTable records;
    private final AtomicInteger scans = new AtomicInteger();
    private volatile @Nullable Built built;

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
            for (int i = 0, n = records.size(); i < n; i++) {
                if (records.transport(i) == t && covers(i, port)) {
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
        checkPort(port);
        List<Assignment> out = new ArrayList<>(2);
        Built b = index();
        if (b == null) {
            List<Assignment> protocolLess = new ArrayList<>(1);
            for (int i = 0, n = records.size(); i < n; i++) {
                if (covers(i, port)) {
                    Transport rt = records.transport(i);
                    if (rt == t) {
                        out.add(records.get(i));
                    } else if (rt == null) {
                        protocolLess.add(records.get(i).on(t));
                    }
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
        if (out.isEmpty()) {
            out.add(implied(port, t));
        }
        return out;
    }

    /**
     * The entries for every transport of one port, in one pass: each list is never empty. {@code
     * explicit}, indexed by transport ordinal, is set where a record names that transport.
     */
    public Map<Transport, List<Assignment>> resolveAll(int port, boolean[] explicit) {
        checkPort(port);
        java.util.Arrays.fill(explicit, false);
        Map<Transport, List<Assignment>> out = new EnumMap<>(Transport.class);
        if (index() != null) {
            for (Transport t : TRANSPORTS) {
                explicit[t.ordinal()] = listsExplicitly(port, t);
                out.put(t, resolve(port, t));
            }
            return out;
        }
        List<Assignment> protocolLess = new ArrayList<>(1);
        for (int i = 0, n = records.size(); i < n; i++) {
            if (covers(i, port)) {
                Transport t = records.transport(i);
                if (t == null) {
                    protocolLess.add(records.get(i));
                } else {
                    explicit[t.ordinal()] = true;
                    List<Assignment> named = out.get(t);
                    if (named == null) {
                        named = new ArrayList<>(2);
                        out.put(t, named);
                    }
                    named.add(records.get(i));
                }
            }
        }
        for (Transport t : TRANSPORTS) {
            List<Assignment> list = out.get(t);
            if (list == null) {
                list = new ArrayList<>(1);
                out.put(t, list);
            }
            for (Assignment a : protocolLess) {
                list.add(a.on(t));
            }
            if (list.isEmpty()) {
                list.add(implied(port, t));
            }
        }
        return out;
    }

    private boolean covers(int i, int port) {
        int first = records.firstPort(i);
        return first >= 0 && first <= port && port <= records.lastPort(i);
    }

    private @Nullable Built index() {
        Built b = built;
        if (b == null && scans.incrementAndGet() > SCANS_BEFORE_INDEX) {
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
