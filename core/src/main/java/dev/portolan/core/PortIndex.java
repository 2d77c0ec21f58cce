package dev.portolan.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Answers "what does the registry say about port P on transport T" for every one of the 65,536 x 4
 * pairs, in constant time.
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
 */
public final class PortIndex {
    private static final int PORTS = PortRange.MAX_PORT + 1;
    /**
     * Questions answered by scanning the records before the index is built. A command-line
     * lookup asks a handful and exits, so building the index (about 10 ms before the JIT warms
     * up) would cost more than it saves; a server asks many and gets the index.
     */
    private static final int SCANS_BEFORE_INDEX = 64;

    private final List<Assignment> assignments;
    private volatile @Nullable Built built;
    private final AtomicInteger scans = new AtomicInteger();

    /** Per transport: offsets into items, compressed-row style (PORTS + 1 entries). */
    private record Built(int[][] offsets, int[][] items) {}

    PortIndex(List<Assignment> assignments) {
        this.assignments = assignments;
    }

    private @Nullable Built index() {
        Built b = built;
        if (b == null && scans.incrementAndGet() > SCANS_BEFORE_INDEX) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = build(assignments);
                    built = b;
                }
            }
        }
        return b;
    }

    private static Built build(List<Assignment> assignments) {
        int[][] offsets = new int[Transport.values().length][];
        int[][] items = new int[Transport.values().length][];
        for (Transport t : Transport.values()) {
            int[] count = new int[PORTS + 1];
            for (Assignment a : assignments) {
                PortRange r = a.ports();
                if (r != null && (a.transport() == null || a.transport() == t)) {
                    for (int p = r.first(); p <= r.last(); p++) {
                        count[p + 1]++;
                    }
                }
            }
            for (int p = 0; p < PORTS; p++) {
                count[p + 1] += count[p];
            }
            int[] fill = count.clone();
            int[] list = new int[count[PORTS]];
            // Records with the transport named come before protocol-less ones (rule 1 before 2).
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < assignments.size(); i++) {
                    Assignment a = assignments.get(i);
                    PortRange r = a.ports();
                    boolean wanted = pass == 0 ? a.transport() == t : a.transport() == null;
                    if (r != null && wanted) {
                        for (int p = r.first(); p <= r.last(); p++) {
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

    /** Records covering the pair, those naming the transport first: the same order as the index. */
    private List<Assignment> scan(int port, Transport t) {
        List<Assignment> named = new ArrayList<>(2);
        List<Assignment> protocolLess = List.of();
        for (Assignment a : assignments) {
            PortRange r = a.ports();
            if (r != null && r.contains(port)) {
                if (a.transport() == t) {
                    named.add(a);
                } else if (a.transport() == null) {
                    if (protocolLess.isEmpty()) {
                        protocolLess = new ArrayList<>(1);
                    }
                    protocolLess.add(a);
                }
            }
        }
        named.addAll(protocolLess);
        return named;
    }

    /** Whether some record names this port with exactly this transport (not protocol-less). */
    public boolean listsExplicitly(int port, Transport t) {
        checkPort(port);
        Built b = index();
        if (b == null) {
            for (Assignment a : scan(port, t)) {
                if (a.transport() == t) {
                    return true;
                }
            }
            return false;
        }
        int[] off = b.offsets()[t.ordinal()];
        int[] list = b.items()[t.ordinal()];
        for (int i = off[port]; i < off[port + 1]; i++) {
            if (assignments.get(list[i]).transport() == t) {
                return true;
            }
        }
        return false;
    }

    /**
     * The entries for every transport of one port, in one pass: each list is never empty. The
     * boolean array says, per transport ordinal, whether a record names that transport explicitly.
     */
    public Map<Transport, List<Assignment>> resolveAll(int port, boolean[] explicit) {
        checkPort(port);
        Map<Transport, List<Assignment>> out = new EnumMap<>(Transport.class);
        if (index() != null) {
            for (Transport t : Transport.values()) {
                explicit[t.ordinal()] = listsExplicitly(port, t);
                out.put(t, resolve(port, t));
            }
            return out;
        }
        List<Assignment> protocolLess = new ArrayList<>(1);
        for (Assignment a : assignments) {
            PortRange r = a.ports();
            if (r != null && r.contains(port)) {
                Transport t = a.transport();
                if (t == null) {
                    protocolLess.add(a);
                } else {
                    explicit[t.ordinal()] = true;
                    out.computeIfAbsent(t, k -> new ArrayList<>(2)).add(a.on(t));
                }
            }
        }
        for (Transport t : Transport.values()) {
            List<Assignment> list = out.computeIfAbsent(t, k -> new ArrayList<>(1));
            for (Assignment a : protocolLess) {
                list.add(a.on(t));
            }
            if (list.isEmpty()) {
                list.add(implied(port, t));
            }
        }
        return out;
    }

    /** The entries for the pair: never empty (see the class comment for the rules). */
    public List<Assignment> resolve(int port, Transport t) {
        checkPort(port);
        Built b = index();
        if (b == null) {
            List<Assignment> found = scan(port, t);
            if (found.isEmpty()) {
                return List.of(implied(port, t));
            }
            List<Assignment> out = new ArrayList<>(found.size());
            for (Assignment a : found) {
                out.add(a.on(t));
            }
            return out;
        }
        int[] off = b.offsets()[t.ordinal()];
        int from = off[port];
        int to = off[port + 1];
        if (from == to) {
            return List.of(implied(port, t));
        }
        int[] list = b.items()[t.ordinal()];
        List<Assignment> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(assignments.get(list[i]).on(t));
        }
        return out;
    }

    static Assignment implied(int port, Transport t) {
        boolean dynamic = RangeClass.of(port) == RangeClass.DYNAMIC;
        return Assignment.builder()
                .ports(PortRange.of(port))
                .transport(t)
                .description("Unassigned")
                .status(AssignmentStatus.UNASSIGNED)
                .reference(Reference.rfc("RFC6335"))
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
