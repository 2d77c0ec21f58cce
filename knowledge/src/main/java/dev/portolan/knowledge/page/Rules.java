package dev.portolan.knowledge.page;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.Headline;
import dev.portolan.knowledge.PrivilegedPorts;
import dev.portolan.knowledge.ProgramUse;
import dev.portolan.knowledge.RangeFacts;
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

    /** What the title says the port is: the name people use, its programs, or its status. */
    static Text titleWhat(PortFacts f) {
        Headline h = f.summary.headline();
        return switch (h.kind()) {
            case SERVICES -> Text.of("title.assigned", "services", labels(h));
            case PROGRAMS -> Text.of("title.programs", "programs", withMore(h.programs(), h.morePrograms()),
                    "registered", h.registered().isEmpty() ? "no" : "yes", "services",
                    new ArrayList<Object>(h.registered()));
            case STATUS -> Text.of(f.reservedOnly() ? "title.reserved"
                    : f.range == RangeClass.DYNAMIC ? "title.dynamic" : "title.unassigned");
        };
    }

    /** The registry's services, each with the name people use for it: "SMB (microsoft-ds)". */
    static List<Object> labels(Headline h) {
        List<Object> out = new ArrayList<>();
        for (Headline.Label l : h.labels()) {
            out.add(Text.of("name.label", "service", l.service(), "common", l.common(),
                    "hasCommon", l.common().isEmpty() ? "no" : "yes"));
        }
        return out;
    }

    /** The labels of a port's assigned services, or its raw service names when it has no labels. */
    static List<Object> serviceLabels(PortFacts f) {
        Headline h = f.summary.headline();
        if (h.kind() == Headline.Kind.SERVICES) {
            return labels(h);
        }
        return new ArrayList<>(f.allServices());
    }

    /**
     * An even port below 256 that nobody holds on TCP or UDP: RFC 349 gave standard services odd
     * socket numbers, and many even numbers below 256 are unassigned today.
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
            return Text.of("subtitle.zero").citing(PortPages.ZERO_CITES);
        }
        if (!f.malware.isEmpty() && !f.assignedAnywhere()) {
            return Text.of("subtitle.malware", "name", f.malware.get(0).name()).citing(f.malware.get(0).cites());
        }
        if (f.assignedAnywhere()) {
            List<String> services = f.allServices();
            return Text.of("subtitle.assigned", "services", services, "transports", transports(f.assignedTransports()))
                    .citing(PortPages.REGISTRY);
        }
        if (!f.uses.isEmpty()) {
            return Text.of("subtitle.unofficial", "software", software(f.uses), "reserved",
                    f.reservedOnly() ? "yes" : "no").citing(citesOfUses(f.uses, Headline.SHOWN));
        }
        if (f.reservedOnly()) {
            return Text.of("subtitle.reserved").citing(PortPages.REGISTRY);
        }
        if (ncpOrphan(f)) {
            return Text.of("subtitle.ncpOrphan").citing(PortPages.REGISTRY);
        }
        if (f.range == RangeClass.DYNAMIC) {
            return Text.of(f.ephemeralInside().isEmpty() ? "subtitle.dynamic" : "subtitle.dynamicEphemeral",
                    "port", p).citing(rangeCites(f));
        }
        if (f.range == RangeClass.SYSTEM) {
            return Text.of("subtitle.unassignedSystem").citing(PortPages.REGISTRY);
        }
        if (!f.ephemeralInside().isEmpty()) {
            List<String> c = new ArrayList<>(List.of(PortPages.REGISTRY));
            c.addAll(ephemeralCites(f.ephemeralInside()));
            return Text.of("subtitle.unassignedEphemeral", "systems", systemNames(f.ephemeralInside()))
                    .citing(PortPages.dedupe(c));
        }
        return Text.of("subtitle.unassignedUser").citing(PortPages.REGISTRY);
    }

    /** The sources of what the page says of the port's range: the range's own, else the registry. */
    static List<String> rangeCites(PortFacts f) {
        java.util.Optional<RangeFacts> r = f.knowledge.range(f.range.id());
        return r.isPresent() ? r.get().cites() : List.of(PortPages.REGISTRY);
    }

    /** RFC 349 itself, the source of what it listed (the event's first citation), or none. */
    static List<String> rfc349Source(PortFacts f) {
        java.util.Optional<dev.portolan.knowledge.HistoryEvent> e = f.knowledge.event("rfc349");
        return e.isPresent() ? e.get().cites().subList(0, 1) : List.of();
    }

    private static List<Object> transports(List<Transport> ts) {
        List<Object> out = new ArrayList<>();
        for (Transport t : ts) {
            out.add(t.id().toUpperCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /**
     * The names of the programs that use a port, each once: the first {@link Headline#SHOWN}, then
     * "N more" as the last item of the list when there are others.
     */
    static List<Object> software(List<ProgramUse> uses) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (ProgramUse u : uses) {
            names.add(u.program().name());
        }
        List<String> shown = new ArrayList<>(names).subList(0, Math.min(Headline.SHOWN, names.size()));
        return withMore(shown, names.size() - shown.size());
    }

    /** Programs named, and "N more" as the last item when the port has others. */
    static List<Object> named(List<String> names, List<ProgramUse> uses) {
        return withMore(names, softwareCount(uses) - names.size());
    }

    /** How many programs use the port. */
    static int softwareCount(List<ProgramUse> uses) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ProgramUse u : uses) {
            names.add(u.program().name());
        }
        return names.size();
    }

    /** Names, and "N more" as the last item when {@code more} is positive. */
    static List<Object> withMore(List<String> names, int more) {
        List<Object> out = new ArrayList<>(names);
        if (more > 0) {
            out.add(Text.of("list.more", "count", more));
        }
        return out;
    }

    /** The citations of the first {@code limit} programs' uses. */
    static List<String> citesOfUses(List<ProgramUse> uses, int limit) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        LinkedHashSet<String> c = new LinkedHashSet<>();
        for (ProgramUse u : uses) {
            if (names.size() < limit || names.contains(u.program().name())) {
                names.add(u.program().name());
                c.addAll(u.use().cites());
            }
        }
        return List.copyOf(c);
    }

    /**
     * The systems whose default ephemeral ranges hold a port, each named with its versions
     * ("Windows XP, Server 2003 and earlier"): a default range is true only of those versions.
     */
    static List<Object> systemNames(List<EphemeralRange> ranges) {
        List<Object> out = new ArrayList<>();
        for (EphemeralRange r : ranges) {
            out.add(systemVersions(r));
        }
        return out;
    }

    /** A system with the versions a fact is true of: "Linux 4.2 and later". */
    static Text systemVersions(EphemeralRange r) {
        return Text.of("system.versions", "system", r.system(),
                "versions", r.since().isEmpty() ? (r.until().isEmpty() ? "all" : "until") : "since",
                "since", r.since(), "until", r.until());
    }

    /** The citations of some ephemeral ranges, each once. */
    static List<String> ephemeralCites(List<EphemeralRange> ranges) {
        List<String> c = new ArrayList<>();
        for (EphemeralRange r : ranges) {
            c.addAll(r.cites());
        }
        return PortPages.dedupe(c);
    }


    /** Why the port's status matters to someone who runs or debugs a service. */
    static List<Text> whyItMatters(PortFacts f) {
        String p = Integer.toString(f.port);
        List<Text> out = new ArrayList<>();
        if (f.port == 0) {
            return out; // nothing can listen there: no status of it matters to a service
        }
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
        if (f.port == 0) {
            return Text.of("faq.what.zero").citing(PortPages.ZERO_CITES);
        }
        if (f.assignedAnywhere()) {
            List<String> c = new ArrayList<>(List.of(PortPages.REGISTRY));
            if (f.summary.headline().kind() == Headline.Kind.SERVICES) {
                c.addAll(f.summary.headline().cites()); // the names people use for the services
            }
            List<String> named = f.sources.programsWithin(f.uses, Headline.SHOWN, c);
            return Text.of("faq.what.assigned", "port", p, "services", serviceLabels(f),
                    "transports", transports(f.assignedTransports()), "uses", named(named, f.uses),
                    "useCount", named.isEmpty() ? 0 : softwareCount(f.uses)).citing(PortPages.dedupe(c));
        }
        if (!f.uses.isEmpty()) {
            List<String> c = new ArrayList<>(List.of(PortPages.REGISTRY));
            List<String> named = f.sources.programsWithin(f.uses, Headline.SHOWN, c);
            return Text.of("faq.what.unofficial", "port", p, "uses", named(named, f.uses), "useCount",
                    softwareCount(f.uses), "reserved", f.reservedOnly() ? "yes" : "no")
                    .citing(PortPages.dedupe(c));
        }
        if (!f.summary.programs().isEmpty()) {
            // Programs that use a wide range holding the port, listed under the programs section.
            return Text.of("faq.what.ranges", "port", p, "reserved", f.reservedOnly() ? "yes" : "no",
                    "count", f.summary.distinctPrograms().size()).citing(PortPages.REGISTRY);
        }
        return Text.of("faq.what.nothing", "port", p, "reserved", f.reservedOnly() ? "yes" : "no",
                "range", f.range.id()).citing(PortPages.REGISTRY);
    }

    static Text ownServiceAnswer(PortFacts f) {
        String p = Integer.toString(f.port);
        if (f.port == 0) {
            return Text.of("faq.own.zero").citing(PortPages.ZERO_CITES);
        }
        if (f.range == RangeClass.DYNAMIC) {
            return Text.of("faq.own.dynamic", "port", p).citing(rangeCites(f));
        }
        if (f.assignedAnywhere()) {
            return Text.of("faq.own.assigned", "port", p, "services", serviceLabels(f)).citing(PortPages.REGISTRY);
        }
        if (f.reservedOnly()) {
            List<String> c = new ArrayList<>(List.of(PortPages.REGISTRY));
            java.util.Optional<RangeFacts> dynamic = f.knowledge.range("dynamic");
            if (dynamic.isPresent()) {
                c.addAll(dynamic.get().cites());
            }
            return Text.of("faq.own.reserved", "port", p).citing(PortPages.dedupe(c));
        }
        List<String> c = new ArrayList<>(rangeCites(f).subList(0, 1));
        if (!f.uses.isEmpty()) {
            List<String> named = f.sources.programsWithin(f.uses, Headline.SHOWN, c);
            return Text.of("faq.own.used", "port", p, "programs", named(named, f.uses), "count", softwareCount(f.uses))
                    .citing(PortPages.dedupe(c));
        }
        if (!f.ephemeralInside().isEmpty()) {
            c.addAll(ephemeralCites(f.ephemeralInside()));
            return Text.of("faq.own.unassignedEphemeral", "port", p, "systems", systemNames(f.ephemeralInside()))
                    .citing(PortPages.dedupe(c));
        }
        return Text.of("faq.own.unassigned", "port", p, "range", f.range.id()).citing(c);
    }


    }
