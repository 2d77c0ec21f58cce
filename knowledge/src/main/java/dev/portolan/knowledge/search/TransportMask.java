package dev.portolan.knowledge.search;

import dev.portolan.core.Transport;
import java.util.EnumSet;
import java.util.Set;

/** Transports as the index packs them: a bit per {@link Transport}, 0 for "every transport". */
final class TransportMask {
    private TransportMask() {}

    /** The bit of a transport, 0 for null (every transport). */
    static int of(Transport t) {
        return t == null ? 0 : 1 << t.ordinal();
    }

    /** The bits of some transports; 0 for none. */
    static int of(Set<Transport> transports) {
        int m = 0;
        for (Transport t : transports) {
            m |= of(t);
        }
        return m;
    }

    /** The transports of some bits. */
    static Set<Transport> transports(int mask) {
        Set<Transport> out = EnumSet.noneOf(Transport.class);
        for (Transport t : Transport.values()) {
            if ((mask & of(t)) != 0) {
                out.add(t);
            }
        }
        return out;
    }
}
