package dev.portolan.knowledge.page;

import dev.portolan.knowledge.CommonName;
import dev.portolan.knowledge.EphemeralHandling;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.PrivilegedPorts;
import dev.portolan.knowledge.ProgramUse;
import dev.portolan.knowledge.ProtocolNote;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sources that share a footnote on a port's page: what is known of each operating system (who
 * may listen on low ports, its ephemeral ranges and how it hands them out), of the protocol, of
 * each name people use, and of each program. The registry always has a footnote of its own. A
 * citation in several groups belongs to the first. Rules that compose a sentence ask how many
 * footnotes its sources fill, to name no more programs than three markers allow.
 */
final class SourceGroups {
    /** The most footnote markers after one sentence. */
    static final int MOST_MARKERS = 3;

    private final List<SourceGroup> groups;
    private final Map<String, String> keys = new LinkedHashMap<>();
    /** The sources of the names the title gives programs (Jellyfin for 8096), by program name. */
    private final Map<String, List<String>> titleNames;

    private SourceGroups(List<SourceGroup> groups, Map<String, List<String>> titleNames) {
        this.groups = List.copyOf(groups);
        this.titleNames = Map.copyOf(titleNames);
        for (SourceGroup g : groups) {
            for (String id : g.cites()) {
                keys.putIfAbsent(id, "group:" + g.id());
            }
        }
    }

    static SourceGroups of(Knowledge knowledge, PortSummary summary) {
        Map<String, Set<String>> systems = new LinkedHashMap<>();
        for (PrivilegedPorts pp : knowledge.privilegedPorts()) {
            Set<String> ids = Buckets.set(systems, pp.system());
            ids.addAll(pp.cites());
            for (PrivilegedPorts.Alternative a : pp.alternatives()) {
                ids.addAll(a.cites());
            }
        }
        for (EphemeralRange r : knowledge.ephemeralRanges()) {
            Buckets.set(systems, r.system()).addAll(r.cites());
        }
        for (EphemeralHandling h : knowledge.ephemeralHandling()) {
            Buckets.set(systems, h.system()).addAll(h.cites());
        }
        List<SourceGroup> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> s : systems.entrySet()) {
            out.add(SourceGroup.named("system:" + s.getKey(), s.getKey(), withoutRegistry(s.getValue())));
        }
        for (ProtocolNote n : summary.protocols()) {
            out.add(new SourceGroup("protocol:" + n.id(), Text.of("footnote.group.protocol"), withoutRegistry(n.cites())));
        }
        for (CommonName n : summary.serviceNames()) {
            out.add(SourceGroup.named("name:" + n.name(), n.name(), withoutRegistry(n.cites())));
        }
        Map<String, Set<String>> programs = new LinkedHashMap<>();
        Map<String, String> nameOfId = new LinkedHashMap<>();
        for (ProgramUse u : summary.programs()) {
            Buckets.set(programs, u.program().name()).addAll(u.use().cites());
            nameOfId.put(u.program().id(), u.program().name());
        }
        // The sources of a name the title gives a program (Jellyfin for 8096) join that program's.
        Map<String, List<String>> titleNames = new LinkedHashMap<>();
        for (CommonName n : summary.programNames()) {
            String program = null;
            for (int i = 0; i < n.programs().size() && program == null; i++) {
                program = nameOfId.get(n.programs().get(i));
            }
            if (program != null) {
                programs.get(program).addAll(n.cites());
                Buckets.list(titleNames, program).addAll(withoutRegistry(n.cites()));
            } else {
                out.add(SourceGroup.named("name:" + n.name(), n.name(), withoutRegistry(n.cites())));
            }
        }
        for (Map.Entry<String, Set<String>> p : programs.entrySet()) {
            out.add(SourceGroup.named("program:" + p.getKey(), p.getKey(), withoutRegistry(p.getValue())));
        }
        return new SourceGroups(out, titleNames);
    }

    private static List<String> withoutRegistry(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (!id.equals(PortPages.REGISTRY)) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    List<SourceGroup> groups() {
        return groups;
    }

    /** The sources of the names the title gives a program, or none. */
    List<String> titleNames(String program) {
        return titleNames.getOrDefault(program, List.of());
    }

    /** How many footnotes these citations fill. */
    int footnotes(Collection<String> ids) {
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            out.add(keys.getOrDefault(id, id));
        }
        return out.size();
    }

    /**
     * The first programs of {@code uses}, each once and at most {@code limit} of them, that a
     * sentence already citing {@code cites} can name and still show at most three markers; the
     * citations of those programs are added to {@code cites}.
     */
    List<String> programsWithin(List<ProgramUse> uses, int limit, List<String> cites) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (ProgramUse u : uses) {
            names.add(u.program().name());
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (out.size() >= limit) {
                break;
            }
            List<String> more = new ArrayList<>(cites);
            for (ProgramUse u : uses) {
                if (u.program().name().equals(name)) {
                    more.addAll(u.use().cites());
                }
            }
            more.addAll(titleNames(name));
            if (footnotes(more) <= MOST_MARKERS) {
                out.add(name);
                cites.clear();
                cites.addAll(more);
            }
        }
        return out;
    }
}
