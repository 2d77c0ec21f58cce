package dev.portolan.knowledge.search;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.Headline;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.ProgramUse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a search result says of its port, as data for each front end to word: the name people use
 * for it, the registry's services, the programs known to use it and the registry's description.
 *
 * @param names what the port is best called: the name people use for its services ({@code RDP}),
 *     the services themselves ({@code ssh}), or the programs it is known for ({@code Minecraft:
 *     Java Edition server}); empty when nothing is known to run there
 * @param registered the services the registry assigns on the port
 * @param programs the first programs known to use the port, at most {@link #SHOWN}
 * @param morePrograms how many more programs use it
 * @param description the registry's description of its first assigned record, or empty
 */
public record SearchLabel(List<String> names, List<String> registered, List<String> programs, int morePrograms,
        String description) {
    /** Programs a label names at most. */
    public static final int SHOWN = 3;

    public SearchLabel {
        names = List.copyOf(names);
        registered = List.copyOf(registered);
        programs = List.copyOf(programs);
    }

    /** The registry's services the names do not already say ({@code ms-wbt-server} beside {@code RDP}). */
    public List<String> unnamedServices() {
        List<String> out = new ArrayList<>(registered.size());
        for (String s : registered) {
            if (!names.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** The label of a port, from what is known of it; the one rule for every way of searching. */
    public static SearchLabel of(PortSummary s) {
        Headline h = s.headline();
        List<String> names = switch (h.kind()) {
            case SERVICES -> h.labels().stream().map(l -> l.common().isEmpty() ? l.service() : l.common()).distinct()
                    .toList();
            case PROGRAMS -> h.programs();
            case STATUS -> List.of();
        };
        Set<String> programs = new LinkedHashSet<>();
        for (ProgramUse u : s.specificPrograms()) {
            programs.add(u.program().name());
        }
        List<String> shown = new ArrayList<>(programs).subList(0, Math.min(SHOWN, programs.size()));
        String description = "";
        for (Transport t : Transport.values()) {
            for (Assignment a : s.records(t)) {
                if (description.isEmpty() && a.status() == AssignmentStatus.ASSIGNED) {
                    description = a.description();
                }
            }
        }
        return new SearchLabel(names, h.registered(), shown, programs.size() - shown.size(), description);
    }
}
