package dev.portolan.knowledge.page;

import dev.portolan.core.Transport;
import dev.portolan.knowledge.CommonName;
import dev.portolan.knowledge.Headline;
import dev.portolan.knowledge.MalwareAssociation;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.ProgramPort;
import dev.portolan.knowledge.ProgramUse;
import dev.portolan.knowledge.ProtocolNote;
import dev.portolan.knowledge.SecurityNote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sentences that say what the curated knowledge knows of a port, each citing its sources: the
 * name people use, what the protocol is, which programs use the port, and the abuse it is known
 * for. The port page and the command line's answers ({@code lookup}, {@code check}, {@code who})
 * take them from here, so both say the same thing in the same words.
 */
public final class KnownSentences {
    private KnownSentences() {}

    /*
     * Loops rather than streams and method references here: these sentences are written by the
     * command line too, and each lambda costs its start to link (bench/README.md).
     */

    /** Whether any of {@code wanted} is among {@code transports}. */
    private static boolean anyOf(Collection<Transport> wanted, Collection<Transport> transports) {
        for (Transport t : wanted) {
            if (transports.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** The common name of that name. */
    private static CommonName named(List<CommonName> names, String name) {
        for (CommonName c : names) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new java.util.NoSuchElementException("no common name " + name);
    }

    /** "SMB (Server Message Block) is the name people use for microsoft-ds, ..." for each common name. */
    public static List<Text> names(PortSummary s) {
        String p = Integer.toString(s.port());
        List<Text> out = new ArrayList<>();
        for (Headline.Label l : s.headline().labels()) {
            if (!l.common().isEmpty()) {
                CommonName n = named(s.serviceNames(), l.common());
                out.add(Text.of("overview.commonName", "name", l.common(), "expansion", l.expansion(),
                        "hasExpansion", l.expansion().isEmpty() ? "no" : "yes", "service", l.service(), "port", p)
                        .citing(n.cites()));
            }
        }
        return out;
    }

    /** What the protocol on the port is, one sentence or two per note. */
    public static List<Text> protocols(PortSummary s) {
        String p = Integer.toString(s.port());
        List<Text> out = new ArrayList<>();
        for (ProtocolNote n : s.protocols()) {
            out.add(Text.of(n.key(), "port", p).citing(n.cites()));
        }
        return out;
    }

    /** One sentence per program's use of the port, on any of {@code transports}; repeats left out. */
    public static List<Text> programs(PortSummary s, Collection<Transport> transports) {
        String p = Integer.toString(s.port());
        Set<Text> out = new LinkedHashSet<>();
        for (ProgramUse u : s.programs()) {
            if (anyOf(transports, u.use().transports())) {
                out.add(use(u, p));
            }
        }
        return List.copyOf(out);
    }

    /** "Redis (Redis Sentinel) uses TCP port 26379 for communication between cluster nodes (since version 2.8)." */
    static Text use(ProgramUse u, String port) {
        ProgramPort pp = u.use();
        String versions = pp.since().isEmpty() ? (pp.until().isEmpty() ? "none" : "until")
                : (pp.until().isEmpty() ? "since" : "between");
        String key = switch (pp.usage()) {
            case EXAMPLE -> "uses.itemExample";
            case OPTIONAL -> "uses.itemOptional";
            case DEFAULT -> pp.ports().isSingle() ? "uses.item" : "uses.itemRange";
        };
        return Text.of(key, "software", u.program().name(),
                "component", ProgramPort.nested(pp.component()), "hasComponent", pp.component().isEmpty() ? "no" : "yes",
                "port", port, "low", Integer.toString(pp.ports().first()), "high", Integer.toString(pp.ports().last()),
                "transports", labels(pp.transports()), "role", Text.of("role." + pp.role()), "versions", versions,
                "since", ProgramPort.nested(pp.since()), "until", ProgramPort.nested(pp.until())).citing(pp.cites());
    }

    /** Known abuse on any of {@code transports}: security notes, most serious first, then malware. */
    public static List<Text> security(PortSummary s, Collection<Transport> transports) {
        String p = Integer.toString(s.port());
        List<Text> out = new ArrayList<>();
        for (SecurityNote n : s.security()) {
            if (anyOf(transports, n.transports())) {
                out.add(Text.of(n.key(), "port", p, "transports", labels(n.transports())).citing(n.cites()));
            }
        }
        for (MalwareAssociation m : s.malware()) {
            if (anyOf(transports, m.transports())) {
                out.add(Text.of("security.malware", "name", m.name(), "kind", Text.of("malware.kind." + m.kind()),
                        "year", m.year(), "port", p, "transports", labels(m.transports())).citing(m.cites()));
            }
        }
        return out;
    }

    /** Transports as sentences name them, in transport order: TCP, UDP. */
    public static List<Object> labels(Set<Transport> transports) {
        List<Object> out = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (transports.contains(t)) {
                out.add(t.id().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
