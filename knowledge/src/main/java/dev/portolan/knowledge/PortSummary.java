package dev.portolan.knowledge;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is on a port: the registry's records and status per transport, the name people use, the
 * programs known to use it, what its protocol is and the abuse it is known for. It is the one
 * answer to "what is on this port" that the pages, the API, the command line and the audit share;
 * none of them asks the registry's port index or the knowledge about a port themselves.
 *
 * @param port the port
 * @param range the RFC 6335 range it lies in
 * @param records the registry's records per transport, never empty (the registry implies
 *     "unassigned" where it lists nothing)
 * @param names the common names that apply here: of services assigned on the port, or of its
 *     best-known programs
 * @param programs the programs known to use the port, on any transport
 * @param protocols what the protocol on the port is
 * @param security known abuse, most serious kind first
 * @param malware malware documented to use the port
 */
public record PortSummary(int port, RangeClass range, Map<Transport, List<Assignment>> records,
        List<CommonName> names, List<ProgramUse> programs, List<ProtocolNote> protocols, List<SecurityNote> security,
        List<MalwareAssociation> malware) {

    /** A number in a report of unauthorized use ("Known Unauthorized Use on port 6003"). */
    private static final class ReportNumbers {
        /** Made when a report is read, not when the class is: a pattern costs a command line's start. */
        static final Pattern PATTERN = Pattern.compile("\\b\\d{1,5}\\b");
    }

    public PortSummary {
        Map<Transport, List<Assignment>> copy = new EnumMap<>(Transport.class);
        for (Map.Entry<Transport, List<Assignment>> e : records.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        records = Collections.unmodifiableMap(copy);
        names = List.copyOf(names);
        programs = List.copyOf(programs);
        protocols = List.copyOf(protocols);
        security = List.copyOf(security);
        malware = List.copyOf(malware);
    }

    /**
     * The summary of a port.
     *
     * @throws IllegalArgumentException if the port is outside 0-65535
     */
    public static PortSummary of(int port, Registry registry, Knowledge knowledge) {
        if (port < PortRange.MIN_PORT || port > PortRange.MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
        Map<Transport, List<Assignment>> records = registry.ports().resolveAll(port,
                new boolean[Transport.values().length]);
        Set<String> assigned = new LinkedHashSet<>();
        for (List<Assignment> list : records.values()) {
            for (Assignment a : list) {
                if (a.status() == AssignmentStatus.ASSIGNED && a.service() != null) {
                    assigned.add(a.service().toLowerCase(Locale.ROOT));
                }
            }
        }
        // A service's common name applies only where the registry has that service on the port
        // (an imported registry may differ from the one the name was written against).
        // (loops rather than streams and lambdas, which cost a command line's start to link; see
        // bench/README.md)
        List<CommonName> names = new ArrayList<>();
        for (CommonName n : knowledge.commonNames(port)) {
            if (!n.namesService() || assigned.contains(n.service().toLowerCase(Locale.ROOT))) {
                names.add(n);
            }
        }
        // The programs a curated name says the port is best known for come first, then the others
        // in the order of the knowledge files (fields that define a port's use before tools that
        // merely default to it), then the programs that use a range holding the port.
        Set<String> named = new LinkedHashSet<>();
        for (CommonName n : names) {
            named.addAll(n.programs());
        }
        List<ProgramUse> programs = new ArrayList<>(knowledge.uses(port));
        programs.sort(new java.util.Comparator<ProgramUse>() {
            @Override
            public int compare(ProgramUse a, ProgramUse b) {
                int c = Integer.compare(a.use().ports().isSingle() ? 0 : 1, b.use().ports().isSingle() ? 0 : 1);
                return c != 0 ? c : Integer.compare(named.contains(a.program().id()) ? 0 : 1,
                        named.contains(b.program().id()) ? 0 : 1);
            }
        });
        return new PortSummary(port, RangeClass.of(port), records, names, programs,
                knowledge.protocolNotes(port), knowledge.securityNotes(port), knowledge.malware(port));
    }

    /** The registry's records on one transport. */
    public List<Assignment> records(Transport t) {
        return records.getOrDefault(t, List.of());
    }

    /** The status on one transport: assigned wins over reserved over unassigned. */
    public AssignmentStatus status(Transport t) {
        AssignmentStatus best = AssignmentStatus.UNASSIGNED;
        for (Assignment a : records(t)) {
            if (a.status() == AssignmentStatus.ASSIGNED) {
                return AssignmentStatus.ASSIGNED;
            }
            if (a.status() == AssignmentStatus.RESERVED) {
                best = AssignmentStatus.RESERVED;
            }
        }
        return best;
    }

    /**
     * Service names assigned on one transport, in registry order; a record assigned without a name
     * is named by its description ("any private mail system").
     */
    public List<String> services(Transport t) {
        return services(records(t));
    }

    /**
     * {@link #services(Transport)} of one port without the rest of its summary: a listing of a
     * thousand sockets names each one's service and needs nothing else of the port.
     */
    public static List<String> services(int port, Transport t, Registry registry) {
        return services(registry.ports().listed(port, t)); // an implied entry is never assigned
    }

    private static List<String> services(List<Assignment> records) {
        Set<String> out = new LinkedHashSet<>();
        for (Assignment a : records) {
            if (a.status() == AssignmentStatus.ASSIGNED) {
                out.add(a.service() != null ? a.service() : a.description().strip());
            }
        }
        return List.copyOf(out);
    }

    /** The names and aliases of the services assigned on one transport, each once. */
    public List<String> serviceNamesAndAliases(Transport t) {
        Set<String> out = new LinkedHashSet<>();
        for (Assignment a : records(t)) {
            if (a.status() == AssignmentStatus.ASSIGNED && a.service() != null) {
                out.add(a.service());
                out.addAll(a.aliases());
            }
        }
        return List.copyOf(out);
    }

    /** Service names assigned on any transport. */
    public List<String> services() {
        Set<String> out = new LinkedHashSet<>();
        for (Transport t : Transport.values()) {
            out.addAll(services(t));
        }
        return List.copyOf(out);
    }

    /** Whether any transport has an assignment. */
    public boolean assigned() {
        return !assignedTransports().isEmpty();
    }

    /** Whether some transport is reserved and none is assigned. */
    public boolean reservedOnly() {
        if (assigned()) {
            return false;
        }
        for (Transport t : Transport.values()) {
            if (status(t) == AssignmentStatus.RESERVED) {
                return true;
            }
        }
        return false;
    }

    /** Transports with an assignment, in transport order. */
    public List<Transport> assignedTransports() {
        List<Transport> out = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (status(t) == AssignmentStatus.ASSIGNED) {
                out.add(t);
            }
        }
        return out;
    }

    /** Registry records that list the port (not implied), each once, in transport order. */
    public List<Assignment> listedRecords() {
        List<Assignment> out = new ArrayList<>();
        for (Transport t : Transport.values()) {
            for (Assignment a : records(t)) {
                if (a.origin() == Assignment.Origin.LISTED) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * The registry's reports of unauthorized use that concern this port, each once. A record of
     * a range may report use of one of its ports ("Known Unauthorized Use on port 6003" on x11,
     * 6000-6063): such a report concerns only the ports it names.
     */
    public List<String> unauthorized() {
        Set<String> out = new LinkedHashSet<>();
        for (Assignment a : listedRecords()) {
            for (String report : a.unauthorized()) {
                if (concernsThisPort(a.ports(), report)) {
                    out.add(report);
                }
            }
        }
        return List.copyOf(out);
    }

    private boolean concernsThisPort(PortRange recordPorts, String report) {
        if (recordPorts == null || recordPorts.isSingle()) {
            return true;
        }
        boolean namesOne = false;
        Matcher m = ReportNumbers.PATTERN.matcher(report);
        while (m.find()) {
            int n = Integer.parseInt(m.group());
            if (recordPorts.contains(n)) {
                if (n == port) {
                    return true;
                }
                namesOne = true;
            }
        }
        return !namesOne;
    }

    /**
     * A program that uses a range of at most this many ports is known for each of them (Steam's
     * 27015-27030); one that takes a wider range (RPC's 49152-65535, RTP's 10000-20000) is not what
     * any single port of it is known for.
     */
    public static final int SPECIFIC_RANGE = 100;

    /**
     * The programs known for this port in particular: those that name it, or a range of at most
     * {@link #SPECIFIC_RANGE} ports that holds it. Titles, leads and answers name these; the
     * uses of wider ranges are listed with the other uses only.
     */
    public List<ProgramUse> specificPrograms() {
        List<ProgramUse> out = new ArrayList<>();
        for (ProgramUse u : programs) {
            if (u.use().ports().size() <= SPECIFIC_RANGE) {
                out.add(u);
            }
        }
        return List.copyOf(out);
    }

    /** The programs that use the port on one transport. */
    public List<ProgramUse> programs(Transport t) {
        List<ProgramUse> out = new ArrayList<>();
        for (ProgramUse u : programs) {
            if (u.use().transports().contains(t)) {
                out.add(u);
            }
        }
        return List.copyOf(out);
    }

    /** Distinct programs, in the order of {@link #programs()}. */
    public List<Program> distinctPrograms() {
        Set<Program> out = new LinkedHashSet<>();
        for (ProgramUse u : programs) {
            out.add(u.program());
        }
        return List.copyOf(out);
    }

    /** Common names of the services assigned here ({@code SMB} for microsoft-ds on 445). */
    public List<CommonName> serviceNames() {
        return names(true);
    }

    /** Common names that name the port's best-known programs ({@code Elasticsearch} on 9200). */
    public List<CommonName> programNames() {
        return names(false);
    }

    private List<CommonName> names(boolean ofServices) {
        List<CommonName> out = new ArrayList<>();
        for (CommonName n : names) {
            if (n.namesService() == ofServices) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /** Whether Portolan knows anything about the port's use beyond the registry. */
    public boolean knownInUse() {
        return !programs.isEmpty() || !names.isEmpty() || !protocols.isEmpty();
    }

    /** How the port is best named, for a title, a table cell or a search result. */
    public Headline headline() {
        return Headline.of(this);
    }
}
