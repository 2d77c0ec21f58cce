package dev.portolan.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a port is best named: what a title, a table cell or a search result calls it.
 *
 * <ul>
 *   <li>{@link Kind#SERVICES}: the services the registry assigns there, each with the name people
 *       use where that differs ({@code SMB} for microsoft-ds on 445, plain {@code ssh} on 22);
 *   <li>{@link Kind#PROGRAMS}: the programs the port is known for, where the registry assigns it
 *       to nobody (25565: Minecraft) or where a curated common name says the port is best known
 *       for programs unrelated to its registered service (9200: Elasticsearch, registered to
 *       wap-wsp), led by the common names of the registered services where curated names say
 *       both (9100: AppSocket/JetDirect and Prometheus Node Exporter); {@link #registered()} then
 *       holds the registry's services, if any;
 *   <li>{@link Kind#STATUS}: nothing is known to run there; the title gives the status.
 * </ul>
 *
 * @param kind which of the above
 * @param labels for {@link Kind#SERVICES}: each service with its common name (empty when none)
 * @param programs for {@link Kind#PROGRAMS}: the names to show, at most {@link #SHOWN}
 * @param morePrograms how many more programs use the port than {@link #programs()} shows, where the
 *     names are the first programs of the port's list (0 where curated names say what it is known for)
 * @param registered the services the registry assigns on the port
 * @param cites the sources of the names
 */
public record Headline(Kind kind, List<Label> labels, List<String> programs, int morePrograms, List<String> registered,
        List<String> cites) {
    /** How many program names a headline shows at most. */
    public static final int SHOWN = 3;

    /** What the headline names. */
    public enum Kind {
        SERVICES, PROGRAMS, STATUS
    }

    /**
     * A registered service and the name people use for it.
     *
     * @param service the registry's service name
     * @param common the common name, or empty when the registry's name is what people use
     * @param expansion what the common name stands for, or empty
     */
    public record Label(String service, String common, String expansion) {}

    public Headline {
        labels = List.copyOf(labels);
        programs = List.copyOf(programs);
        registered = List.copyOf(registered);
        cites = List.copyOf(cites);
    }

    static Headline of(PortSummary s) {
        List<String> services = s.services();
        List<CommonName> programNames = s.programNames();
        List<ProgramUse> specific = s.specificPrograms();
        if (!programNames.isEmpty() || (services.isEmpty() && !specific.isEmpty())) {
            Set<String> names = new LinkedHashSet<>();
            Set<String> cites = new LinkedHashSet<>();
            // A registered service that people call by another name keeps its place beside the
            // programs (9100: AppSocket/JetDirect printing and Prometheus Node Exporter).
            if (!programNames.isEmpty()) {
                for (CommonName n : s.serviceNames()) {
                    names.add(n.name());
                    cites.addAll(n.cites());
                }
            }
            for (CommonName n : programNames) {
                names.add(n.name());
                cites.addAll(n.cites());
            }
            Set<String> all = new LinkedHashSet<>();
            for (ProgramUse u : specific) {
                all.add(u.program().name());
                if (programNames.isEmpty() && names.size() < SHOWN && names.add(u.program().name())) {
                    cites.addAll(u.use().cites());
                }
            }
            // Curated names may stand for several programs ("Source engine game servers"), so the
            // count of the rest compares programs, not names.
            Set<String> covered = new LinkedHashSet<>();
            if (programNames.isEmpty()) {
                covered.addAll(names);
            } else {
                for (CommonName n : programNames) {
                    for (String id : n.programs()) {
                        for (ProgramUse u : specific) { // a loop, not a stream: see bench/README.md on start-up
                            if (u.program().id().equals(id)) {
                                covered.add(u.program().name());
                                break;
                            }
                        }
                    }
                }
            }
            all.removeAll(covered);
            // A curated name says what the port is known for; the other programs are the page's to list.
            int more = programNames.isEmpty() ? all.size() : 0;
            return new Headline(Kind.PROGRAMS, List.of(), List.copyOf(names), more, services, List.copyOf(cites));
        }
        if (!services.isEmpty()) {
            Map<String, CommonName> byService = new LinkedHashMap<>();
            for (CommonName n : s.serviceNames()) {
                byService.putIfAbsent(n.service().toLowerCase(Locale.ROOT), n);
            }
            List<Label> labels = new ArrayList<>();
            Set<String> cites = new LinkedHashSet<>();
            for (String service : services) {
                CommonName n = byService.get(service.toLowerCase(Locale.ROOT));
                if (n == null) {
                    labels.add(new Label(service, "", ""));
                } else {
                    labels.add(new Label(service, n.name(), n.expansion()));
                    cites.addAll(n.cites());
                }
            }
            return new Headline(Kind.SERVICES, labels, List.of(), 0, services, List.copyOf(cites));
        }
        return new Headline(Kind.STATUS, List.of(), List.of(), 0, List.of(), List.of());
    }

    /**
     * The one name a narrow place (a table cell, a search result) shows: the first label's common
     * name or service, the first program, or empty.
     */
    public String shortName() {
        return switch (kind) {
            case SERVICES -> labels.get(0).common().isEmpty() ? labels.get(0).service() : labels.get(0).common();
            case PROGRAMS -> programs.get(0);
            case STATUS -> "";
        };
    }
}
