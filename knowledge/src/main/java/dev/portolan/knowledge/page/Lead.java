package dev.portolan.knowledge.page;

import dev.portolan.core.RangeClass;
import dev.portolan.knowledge.CommonName;
import dev.portolan.knowledge.Deassignment;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.Headline;
import dev.portolan.knowledge.PrivilegedPorts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The lead of a port page: one to three plain sentences that answer what a visitor came to ask.
 * What runs on the port (the name people use, the registered service, its programs, or its
 * status); whether to open it; and the one fact most worth knowing about it, chosen by a fixed
 * order (the NCP story of an empty even number, browsers that refuse it, a former service, an
 * ephemeral range that holds it, who may listen on it). Each sentence cites at most three
 * footnotes: a sentence that names programs names at most as many as its sources allow.
 */
final class Lead {
    /** Programs a lead sentence names at most. */
    static final int PROGRAMS = 2;

    private Lead() {}

    static List<Text> of(PortFacts f) {
        if (f.port == 0) {
            return List.of(Text.of("lead.zero").citing(PortPages.ZERO_CITES));
        }
        List<Text> out = new ArrayList<>(3);
        out.add(what(f));
        out.add(exposure(f));
        Text worth = worthKnowing(f);
        if (worth != null) {
            out.add(worth);
        }
        return out;
    }

    /** What runs on the port. */
    private static Text what(PortFacts f) {
        String p = Integer.toString(f.port);
        Headline h = f.summary.headline();
        if (f.assignedAnywhere()) {
            List<Headline.Label> named = new ArrayList<>();
            if (h.kind() == Headline.Kind.SERVICES) {
                for (Headline.Label l : h.labels()) {
                    if (!l.common().isEmpty()) {
                        named.add(l);
                    }
                }
            }
            if (named.size() == 1 && h.labels().size() == 1) {
                Headline.Label l = named.get(0);
                List<String> c = new ArrayList<>(nameCites(f, l.common()));
                c.add(PortPages.REGISTRY);
                return Text.of("lead.named", "port", p, "name", l.common(), "expansion", l.expansion(),
                        "hasExpansion", l.expansion().isEmpty() ? "no" : "yes", "service", l.service())
                        .citing(PortPages.dedupe(c));
            }
            List<String> c = new ArrayList<>(List.of(PortPages.REGISTRY));
            for (Headline.Label l : named) {
                c.addAll(nameCites(f, l.common()));
            }
            // A port whose protocol the page explains is named for its service alone; the programs
            // of a port without one say what it is used for.
            boolean byPrograms = h.kind() == Headline.Kind.PROGRAMS || f.summary.protocols().isEmpty();
            // A program that is the service the sentence names (WINS's "Windows Internet Name
            // Service" on 42) is not named again as a program that uses the port.
            java.util.Set<String> said = new java.util.HashSet<>();
            for (Headline.Label l : h.labels()) {
                said.add(l.common().toLowerCase(java.util.Locale.ROOT));
                said.add(l.expansion().toLowerCase(java.util.Locale.ROOT));
            }
            List<dev.portolan.knowledge.ProgramUse> others = new ArrayList<>();
            for (dev.portolan.knowledge.ProgramUse u : f.uses) {
                if (!said.contains(u.program().name().toLowerCase(java.util.Locale.ROOT))) {
                    others.add(u);
                }
            }
            List<String> programs = byPrograms ? f.sources.programsWithin(others, PROGRAMS, c) : List.of();
            List<Object> services = Rules.serviceLabels(f);
            return Text.of("lead.services", "port", p, "services", services, "count", services.size(),
                    "uses", new ArrayList<Object>(programs), "useCount", programs.size()).citing(PortPages.dedupe(c));
        }
        if (!f.uses.isEmpty()) {
            List<String> c = new ArrayList<>(List.of(PortPages.REGISTRY));
            List<String> names = f.sources.programsWithin(f.uses, PROGRAMS, c);
            int all = Rules.softwareCount(f.uses);
            return Text.of("lead.programs", "port", p, "programs", Rules.withMore(names, all - names.size()),
                    "count", all, "reserved", f.reservedOnly() ? "yes" : "no").citing(PortPages.dedupe(c));
        }
        if (f.reservedOnly()) {
            return Text.of("lead.reserved", "port", p).citing(PortPages.REGISTRY);
        }
        if (f.range == RangeClass.DYNAMIC) {
            return Text.of("lead.dynamic", "port", p, "low", Integer.toString(f.range.ports().first()), "high",
                    Integer.toString(f.range.ports().last())).citing(Rules.rangeCites(f));
        }
        return Text.of("lead.unassigned", "port", p).citing(PortPages.REGISTRY);
    }

    /** Whether to open the port. */
    private static Text exposure(PortFacts f) {
        if (!f.summary.security().isEmpty()) {
            return Text.of("lead.attacked").citing(f.summary.security().get(0).cites());
        }
        if (!f.malware.isEmpty()) {
            return Text.of("lead.attacked").citing(f.malware.get(0).cites());
        }
        if (f.assignedAnywhere()) {
            // Several services were named by the sentence before: "one of these" rather than the list again.
            List<Object> services = Rules.serviceLabels(f);
            return Text.of("lead.exposeAssigned", "services", services, "count", services.size())
                    .citing(PortPages.REGISTRY);
        }
        if (!f.uses.isEmpty()) {
            return Text.of("lead.exposeUsed", "count", Rules.softwareCount(f.uses)).citing(PortPages.REGISTRY);
        }
        if (f.range == RangeClass.DYNAMIC || !f.ephemeralInside().isEmpty()) {
            return Text.of("lead.exposeEphemeral").citing(f.range == RangeClass.DYNAMIC ? Rules.rangeCites(f)
                    : Rules.ephemeralCites(f.ephemeralInside()));
        }
        return Text.of("lead.exposeUnassigned").citing(PortPages.REGISTRY);
    }

    /** The one fact most worth knowing, if the port has one. */
    private static Text worthKnowing(PortFacts f) {
        String p = Integer.toString(f.port);
        if (Rules.ncpOrphan(f)) {
            List<String> c = new ArrayList<>(Rules.rfc349Source(f));
            c.add(PortPages.REGISTRY);
            return Text.of("lead.ncpOrphan", "port", p).citing(PortPages.dedupe(c));
        }
        if (!f.knowledge.badPorts().isEmpty() && f.knowledge.browsersRefuse(f.port)) {
            return Text.of("lead.browsersRefuse").citing(f.knowledge.badPortCites());
        }
        List<Deassignment> gone = f.knowledge.deassignments(f.port);
        if (!gone.isEmpty()) {
            Deassignment d = gone.get(0);
            List<String> c = new ArrayList<>(d.cites());
            c.addAll(f.knowledge.deassignmentCites());
            return Text.of("lead.deassigned", "date", PageDate.parse(d.date()), "service", d.formerService())
                    .citing(PortPages.dedupe(c));
        }
        // Only the ranges of current releases: that Windows XP handed out 1025-5000 is in the table.
        List<EphemeralRange> inside = new ArrayList<>();
        for (EphemeralRange r : f.ephemeralInside()) {
            if (r.until().isEmpty()) {
                inside.add(r);
            }
        }
        if (f.range != RangeClass.DYNAMIC && !inside.isEmpty()) {
            return Text.of("lead.ephemeralInside", "systems", Rules.systemNames(inside), "count", inside.size())
                    .citing(Rules.ephemeralCites(inside));
        }
        if (f.range == RangeClass.DYNAMIC) {
            return null; // what the lead's first sentence says of the range is the fact worth knowing
        }
        List<Object> restricted = new ArrayList<>();
        List<Object> wildcard = new ArrayList<>();
        Set<String> c = new LinkedHashSet<>();
        for (PrivilegedPorts pp : f.knowledge.privilegedPorts()) {
            if (pp.restricts(f.port)) {
                (pp.exempt().isEmpty() ? restricted : wildcard).add(pp.system());
                c.addAll(pp.cites());
            }
        }
        if (restricted.isEmpty() && wildcard.isEmpty()) {
            return null;
        }
        return Text.of("lead.privileged", "restricted", restricted, "restrictedCount", restricted.size(),
                "wildcard", wildcard, "wildcardCount", wildcard.size()).citing(List.copyOf(c));
    }

    private static List<String> nameCites(PortFacts f, String name) {
        for (CommonName n : f.summary.serviceNames()) {
            if (n.name().equals(name)) {
                return n.cites();
            }
        }
        return List.of();
    }

}
