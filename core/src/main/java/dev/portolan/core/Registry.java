package dev.portolan.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of {@code core}: answers lookups over one snapshot. Instances are immutable and
 * safe to share between threads; the index of service names is built on first use. (The search,
 * which also reads the curated knowledge, is the knowledge module's {@code PortSearch}.)
 */
public final class Registry {
    private final RegistrySnapshot snapshot;
    private final PortIndex ports;
    private volatile @Nullable Map<String, List<Integer>> names;
    /** Questions by name answered before the index of names is built. */
    private static final int NAME_QUESTIONS_BEFORE_INDEX = 4;
    private final java.util.concurrent.atomic.AtomicInteger nameQuestions = new java.util.concurrent.atomic.AtomicInteger();

    private Registry(RegistrySnapshot snapshot) {
        this.snapshot = snapshot;
        this.ports = new PortIndex(snapshot.records());
    }

    /**
     * The records named so (service name or alias, in any case), in order, or null for none: the
     * first few questions compare the records' names in place (a command line asks one or two,
     * and building the index of every name cost it some 15 ms), later ones ask the index.
     */
    private @Nullable List<Integer> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (names == null && nameQuestions.incrementAndGet() <= NAME_QUESTIONS_BEFORE_INDEX) {
            List<Integer> hits = snapshot.records().named(lower);
            return hits.isEmpty() ? null : hits;
        }
        return names().get(lower);
    }

    /** Service names and aliases, lower-case, to record positions; built on first use. */
    private Map<String, List<Integer>> names() {
        Map<String, List<Integer>> n = names;
        if (n == null) {
            synchronized (this) {
                n = names;
                if (n == null) {
                    n = buildNames(snapshot);
                    names = n;
                }
            }
        }
        return n;
    }

    private static Map<String, List<Integer>> buildNames(RegistrySnapshot snapshot) {
        Map<String, List<Integer>> byName = new HashMap<>();
        RecordTable records = snapshot.records();
        for (int i = 0; i < records.size(); i++) {
            // the names alone: building every record would cost a command line far more
            for (String name : records.names(i)) {
                byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(2)).add(i);
            }
        }
        return byName;
    }

    public static Registry of(RegistrySnapshot snapshot) {
        return new Registry(snapshot);
    }

    public RegistrySnapshot snapshot() {
        return snapshot;
    }

    /** The port index: what the registry says about any (port, transport) pair. */
    public PortIndex ports() {
        return ports;
    }

    /**
     * Rows for one parsed argument. A port or range gives rows for tcp and udp always, and for sctp
     * and dccp where a record names them; a transport in the query (or {@code only}) narrows that
     * to one transport, which then always has a row.
     *
     * @throws InvalidQueryException if a service name is unknown, or the query's transport and
     *     {@code only} disagree
     */
    public List<PortEntry> lookup(PortQuery query, @Nullable Transport only) throws InvalidQueryException {
        Transport t = narrow(query.transport().orElse(null), only);
        List<PortEntry> out = new ArrayList<>();
        if (query instanceof PortQuery.Port p) {
            addPort(out, p.port(), t);
        } else if (query instanceof PortQuery.Range r) {
            for (int port = r.ports().first(); port <= r.ports().last(); port++) {
                addPort(out, port, t);
            }
        } else if (query instanceof PortQuery.Service s) {
            addService(out, s.name(), t);
        }
        return out;
    }

    private static @Nullable Transport narrow(@Nullable Transport inQuery, @Nullable Transport only)
            throws InvalidQueryException {
        if (inQuery != null && only != null && inQuery != only) {
            throw new InvalidQueryException("the argument names " + inQuery.id() + " but --transport is "
                    + only.id() + ": give one of them");
        }
        return inQuery != null ? inQuery : only;
    }

    private void addPort(List<PortEntry> out, int port, @Nullable Transport only) {
        if (only != null) {
            for (Assignment a : ports.resolve(port, only)) {
                out.add(new PortEntry(port, only, a));
            }
            return;
        }
        boolean[] explicit = new boolean[Transport.values().length];
        Map<Transport, List<Assignment>> all = ports.resolveAll(port, explicit);
        for (Transport t : Transport.values()) {
            if (t == Transport.TCP || t == Transport.UDP || explicit[t.ordinal()]) {
                for (Assignment a : all.get(t)) {
                    out.add(new PortEntry(port, t, a));
                }
            }
        }
    }

    private void addService(List<PortEntry> out, String name, @Nullable Transport only)
            throws InvalidQueryException {
        List<Integer> hits = named(name);
        if (hits == null) {
            throw new InvalidQueryException("no service named \"" + name + "\" in the " + snapshot.info().describe()
                    + "; try: portolan search " + name);
        }
        int before = out.size();
        for (int i : hits) {
            addAssignment(out, snapshot.assignments().get(i), only);
        }
        if (out.size() == before && only != null) {
            throw new InvalidQueryException("service \"" + name + "\" has no " + only.id() + " entry in the registry");
        }
    }

    private static void addAssignment(List<PortEntry> out, Assignment a, @Nullable Transport only) {
        PortRange r = a.ports();
        List<Transport> transports = a.transport() != null ? List.of(a.transport())
                : List.of(Transport.TCP, Transport.UDP);
        if (r == null) {
            if (only == null || a.transport() == null || a.transport() == only) {
                out.add(new PortEntry(null, a.transport(), a));
            }
            return;
        }
        for (Transport t : transports) {
            if (only != null && t != only) {
                continue;
            }
            {
                for (int p = r.first(); p <= r.last(); p++) {
                    out.add(new PortEntry(p, t, a.on(t)));
                }
            }
        }
    }

    /** The entries of a service name, if it is registered. */
    public Optional<List<Assignment>> service(String name) {
        List<Integer> hits = named(name);
        if (hits == null) {
            return Optional.empty();
        }
        List<Assignment> out = new ArrayList<>(hits.size());
        for (int i : hits) {
            out.add(snapshot.assignments().get(i));
        }
        return Optional.of(List.copyOf(out));
    }
}
