package dev.portolan.knowledge.page;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Registry;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.MalwareAssociation;
import dev.portolan.knowledge.UnofficialUse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the registry and the knowledge say about one port, gathered once so that the rules and the
 * sections ask plain questions.
 */
final class PortFacts {
    final int port;
    final RangeClass range;
    final Knowledge knowledge;
    final Registry registry;
    /** Entries per transport, never empty (the registry implies "unassigned" where it lists nothing). */
    final Map<Transport, List<Assignment>> byTransport;
    final List<UnofficialUse> uses;
    final List<MalwareAssociation> malware;

    PortFacts(int port, Registry registry, Knowledge knowledge) {
        this.port = port;
        this.range = RangeClass.of(port);
        this.registry = registry;
        this.knowledge = knowledge;
        boolean[] explicit = new boolean[Transport.values().length];
        Map<Transport, List<Assignment>> all = registry.ports().resolveAll(port, explicit);
        this.byTransport = new EnumMap<>(all);
        this.uses = knowledge.uses(port);
        this.malware = knowledge.malware(port);
    }

    /** The status on one transport: assigned wins over reserved over unassigned. */
    AssignmentStatus status(Transport t) {
        AssignmentStatus best = AssignmentStatus.UNASSIGNED;
        for (Assignment a : byTransport.get(t)) {
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
    List<String> services(Transport t) {
        Set<String> names = new LinkedHashSet<>();
        for (Assignment a : byTransport.get(t)) {
            if (a.status() == AssignmentStatus.ASSIGNED) {
                names.add(a.service() != null ? a.service() : a.description().strip());
            }
        }
        return List.copyOf(names);
    }

    /** Service names assigned on any transport. */
    List<String> allServices() {
        Set<String> names = new LinkedHashSet<>();
        for (Transport t : Transport.values()) {
            names.addAll(services(t));
        }
        return List.copyOf(names);
    }

    /** Whether any transport has an assignment. */
    boolean assignedAnywhere() {
        for (Transport t : Transport.values()) {
            if (status(t) == AssignmentStatus.ASSIGNED) {
                return true;
            }
        }
        return false;
    }

    /** Whether some transport is reserved and none is assigned. */
    boolean reservedOnly() {
        if (assignedAnywhere()) {
            return false;
        }
        for (Transport t : Transport.values()) {
            if (status(t) == AssignmentStatus.RESERVED) {
                return true;
            }
        }
        return false;
    }

    /** Transports with an assignment. */
    List<Transport> assignedTransports() {
        List<Transport> out = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (status(t) == AssignmentStatus.ASSIGNED) {
                out.add(t);
            }
        }
        return out;
    }

    boolean even() {
        return port % 2 == 0;
    }

    /** Default ephemeral ranges that hold the port. */
    List<EphemeralRange> ephemeralInside() {
        return knowledge.ephemeralRanges().stream().filter(r -> r.contains(port)).toList();
    }

    /** Default ephemeral ranges that do not hold the port. */
    List<EphemeralRange> ephemeralOutside() {
        return knowledge.ephemeralRanges().stream().filter(r -> !r.contains(port)).toList();
    }

    /** Registry records that list the port (not implied), each once, in transport order. */
    List<Assignment> listedRecords() {
        List<Assignment> out = new ArrayList<>();
        for (Transport t : Transport.values()) {
            for (Assignment a : byTransport.get(t)) {
                if (a.origin() == Assignment.Origin.LISTED) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** Reports of unauthorized use in the registry's records for the port, each once. */
    List<String> unauthorized() {
        Set<String> reports = new LinkedHashSet<>();
        for (Assignment a : listedRecords()) {
            reports.addAll(a.unauthorized());
        }
        return List.copyOf(reports);
    }
}
