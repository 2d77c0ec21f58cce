package dev.portolan.knowledge.page;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.PrivilegedPorts;
import dev.portolan.knowledge.RangeFacts;
import dev.portolan.knowledge.UnofficialUse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rules that derive sentences from facts for every port, so that each of the 65,536 pages
 * says something true and sourced even where nobody wrote anything about the port.
 */
final class Rules {
    /** NCP socket numbers that carried services were below this (RFC 349 lists them under 256). */
    static final int NCP_LIMIT = 256;

    private Rules() {}

    /** What the title says the port is: its services, or its status. */
    static Text titleWhat(PortFacts f) {
        List<String> services = f.allServices();
        if (!services.isEmpty()) {
            return Text.of("title.assigned", "services", services);
        }
        if (f.reservedOnly()) {
            return Text.of("title.reserved");
        }
        return Text.of(f.range == RangeClass.DYNAMIC ? "title.dynamic" : "title.unassigned");
    }

    /**
     * An even port below 256 that nobody holds on TCP or UDP: in the NCP numbering services sat on
     * odd sockets, and after the move to TCP many even numbers were never taken.
     */
    static boolean ncpOrphan(PortFacts f) {
        return f.port > 0 && f.port < NCP_LIMIT && f.even()
                && f.status(Transport.TCP) == AssignmentStatus.UNASSIGNED
                && f.status(Transport.UDP) == AssignmentStatus.UNASSIGNED;
    }

    /** The line under the title: the most telling fact about the port, by a fixed order of rules. */
    static Text subtitle(PortFacts f) {
        String p = Integer.toString(f.port);
        if (f.port == 0) {
            return Text.of("subtitle.zero").citing(rangeCites(f));
        }
        if (!f.malware.isEmpty() && !f.assignedAnywhere()) {
            return Text.of("subtitle.malware", "name", f.malware.get(0).name()).citing(f.malware.get(0).cites());
        }
        if (f.assignedAnywhere()) {
            List<String> services = f.allServices();
            return Text.of("subtitle.assigned", "services", services, "transports", transports(f.assignedTransports()))
                    .citing(PortPages.REGISTRY);
        }
        if (f.reservedOnly()) {
            return Text.of("subtitle.reserved").citing(PortPages.REGISTRY);
        }
        if (ncpOrphan(f)) {
            return Text.of("subtitle.ncpOrphan").citing(PortPages.REGISTRY);
        }
        if (!f.uses.isEmpty()) {
            return Text.of("subtitle.unofficial", "software", software(f.uses)).citing(f.uses.get(0).cites());
        }
        if (f.range == RangeClass.DYNAMIC) {
            return Text.of(f.ephemeralInside().isEmpty() ? "subtitle.dynamic" : "subtitle.dynamicEphemeral",
                    "port", p).citing(rangeCites(f));
        }
        if (f.range == RangeClass.SYSTEM) {
            return Text.of("subtitle.unassignedSystem").citing(PortPages.REGISTRY);
        }
        if (!f.ephemeralInside().isEmpty()) {
            return Text.of("subtitle.unassignedEphemeral", "systems", systemNames(f.ephemeralInside()))
                    .citing(PortPages.REGISTRY);
        }
        return Text.of("subtitle.unassignedUser").citing(PortPages.REGISTRY);
    }

    private static List<String> rangeCites(PortFacts f) {
        return f.knowledge.range(f.range.id()).map(RangeFacts::cites).orElse(List.of(PortPages.REGISTRY));
    }

    private static List<Object> transports(List<Transport> ts) {
        List<Object> out = new ArrayList<>();
        ts.forEach(t -> out.add(t.id().toUpperCase(java.util.Locale.ROOT)));
        return out;
    }

    private static List<Object> software(List<UnofficialUse> uses) {
        LinkedHashSet<Object> names = new LinkedHashSet<>();
        uses.forEach(u -> names.add(u.software()));
        return new ArrayList<>(names);
    }

    private static List<Object> systemNames(List<EphemeralRange> ranges) {
        LinkedHashSet<Object> names = new LinkedHashSet<>();
        ranges.forEach(r -> names.add(r.system()));
        return new ArrayList<>(names);
    }

    /** The citations of some ephemeral ranges, each once. */
    static List<String> ephemeralCites(List<EphemeralRange> ranges) {
        List<String> c = new ArrayList<>();
        ranges.forEach(r -> c.addAll(r.cites()));
        return PortPages.dedupe(c);
    }

    /** What to do about a listener on the port, from its status and range. */
    static Text exposureAdvice(PortFacts f) {
        String p = Integer.toString(f.port);
        if (f.assignedAnywhere()) {
            return Text.of("security.adviceAssigned", "port", p, "services", f.allServices())
                    .citing(PortPages.REGISTRY);
        }
        if (f.range == RangeClass.DYNAMIC || !f.ephemeralInside().isEmpty()) {
            List<String> c = new ArrayList<>(ephemeralCites(f.ephemeralInside()));
            if (c.isEmpty()) {
                c.addAll(rangeCites(f));
            }
            return Text.of("security.adviceEphemeral", "port", p).citing(c);
        }
        return Text.of("security.adviceUnassigned", "port", p).citing(PortPages.REGISTRY);
    }

    /** Why the port's status matters to someone who runs or debugs a service. */
    static List<Text> whyItMatters(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Text> out = new ArrayList<>();
        if (f.assignedAnywhere()) {
            out.add(Text.of("why.assigned", "port", p, "services", f.allServices()).citing(PortPages.REGISTRY));
        } else if (f.range == RangeClass.DYNAMIC) {
            out.add(Text.of("why.dynamic", "port", p).citing(rangeCites(f)));
        } else if (f.reservedOnly()) {
            out.add(Text.of("why.reserved", "port", p).citing(PortPages.REGISTRY));
        } else {
            List<String> c = new ArrayList<>(rangeCites(f));
            out.add(Text.of("why.unassigned", "port", p, "range", f.range.id()).citing(c));
        }
        if (f.range != RangeClass.DYNAMIC && !f.ephemeralInside().isEmpty()) {
            out.add(Text.of("why.ephemeralCollision", "port", p, "systems", systemNames(f.ephemeralInside()))
                    .citing(ephemeralCites(f.ephemeralInside())));
        }
        return out;
    }

    static Text whatAnswer(PortFacts f) {
        String p = Integer.toString(f.port);
        if (f.assignedAnywhere()) {
            return Text.of("faq.what.assigned", "port", p, "services", f.allServices(),
                    "transports", transports(f.assignedTransports()), "uses", software(f.uses), "useCount", f.uses.size())
                    .citing(citesWithUses(f, PortPages.REGISTRY));
        }
        if (!f.uses.isEmpty()) {
            return Text.of("faq.what.unofficial", "port", p, "uses", software(f.uses), "reserved",
                    f.reservedOnly() ? "yes" : "no").citing(citesWithUses(f, PortPages.REGISTRY));
        }
        return Text.of("faq.what.nothing", "port", p, "reserved", f.reservedOnly() ? "yes" : "no",
                "range", f.range.id()).citing(PortPages.REGISTRY);
    }

    private static List<String> citesWithUses(PortFacts f, String first) {
        LinkedHashSet<String> c = new LinkedHashSet<>();
        c.add(first);
        f.uses.forEach(u -> c.addAll(u.cites()));
        return List.copyOf(c);
    }

    static Text ownServiceAnswer(PortFacts f) {
        String p = Integer.toString(f.port);
        if (f.range == RangeClass.DYNAMIC) {
            return Text.of("faq.own.dynamic", "port", p).citing(rangeCites(f));
        }
        if (f.assignedAnywhere()) {
            return Text.of("faq.own.assigned", "port", p, "services", f.allServices()).citing(PortPages.REGISTRY);
        }
        List<String> c = new ArrayList<>(rangeCites(f));
        if (!f.ephemeralInside().isEmpty()) {
            c.addAll(ephemeralCites(f.ephemeralInside()));
            return Text.of("faq.own.unassignedEphemeral", "port", p, "systems", systemNames(f.ephemeralInside()))
                    .citing(List.copyOf(new LinkedHashSet<>(c)));
        }
        return Text.of("faq.own.unassigned", "port", p, "range", f.range.id()).citing(c);
    }

    /** Who may bind the port, per system; null when the knowledge has no privilege facts. */
    static @Nullable Text rootAnswer(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Object> restricted = new ArrayList<>();
        List<Object> wildcard = new ArrayList<>();
        List<Object> open = new ArrayList<>();
        LinkedHashSet<String> c = new LinkedHashSet<>();
        for (PrivilegedPorts pp : f.knowledge.privilegedPorts()) {
            if (!pp.restricts(f.port)) {
                open.add(pp.system());
            } else if (pp.exempt().isEmpty()) {
                restricted.add(pp.system());
            } else {
                wildcard.add(pp.system());
            }
            c.addAll(pp.cites());
        }
        if (restricted.isEmpty() && open.isEmpty() && wildcard.isEmpty()) {
            return null;
        }
        return Text.of("faq.root.a", "port", p, "restricted", restricted, "restrictedCount", restricted.size(),
                "wildcard", wildcard, "wildcardCount", wildcard.size(), "open", open, "openCount", open.size())
                .citing(List.copyOf(c));
    }

    static Text ephemeralAnswer(PortFacts f) {
        String p = Integer.toString(f.port);
        List<EphemeralRange> inside = f.ephemeralInside();
        LinkedHashSet<String> c = new LinkedHashSet<>(ephemeralCites(f.knowledge.ephemeralRanges()));
        if (f.range == RangeClass.DYNAMIC) {
            c.addAll(rangeCites(f));
        }
        return Text.of("faq.ephemeral.a", "port", p, "dynamic", f.range == RangeClass.DYNAMIC ? "yes" : "no",
                "systems", systemNames(inside), "count", inside.size()).citing(List.copyOf(c));
    }
}
