package dev.portolan.knowledge.page;

import dev.portolan.core.Assignment;
import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.MalwareAssociation;
import dev.portolan.knowledge.PortSummary;
import dev.portolan.knowledge.ProgramUse;
import java.util.List;

/**
 * What the registry and the knowledge say about one port, gathered once so that the rules and the
 * sections ask plain questions. The registry and knowledge part is the port's {@link PortSummary},
 * the one answer every renderer shares; this adds what only pages need (ephemeral ranges).
 */
final class PortFacts {
    final int port;
    final RangeClass range;
    final Knowledge knowledge;
    final PortSummary summary;
    /** The programs known for this port in particular (not those of a wide range that holds it). */
    final List<ProgramUse> uses;
    final List<MalwareAssociation> malware;
    /** Which of the page's sources share a footnote. */
    final SourceGroups sources;

    PortFacts(PortSummary summary, Knowledge knowledge) {
        this.port = summary.port();
        this.range = summary.range();
        this.knowledge = knowledge;
        this.summary = summary;
        this.uses = summary.specificPrograms();
        this.malware = summary.malware();
        this.sources = SourceGroups.of(knowledge, summary);
    }

    AssignmentStatus status(Transport t) {
        return summary.status(t);
    }

    List<String> services(Transport t) {
        return summary.services(t);
    }

    List<String> allServices() {
        return summary.services();
    }

    boolean assignedAnywhere() {
        return summary.assigned();
    }

    boolean reservedOnly() {
        return summary.reservedOnly();
    }

    List<Transport> assignedTransports() {
        return summary.assignedTransports();
    }

    boolean even() {
        return port % 2 == 0;
    }

    /** Default ephemeral ranges that hold the port. */
    List<EphemeralRange> ephemeralInside() {
        return ranges(true);
    }

    /** Default ephemeral ranges that do not hold the port. */
    List<EphemeralRange> ephemeralOutside() {
        return ranges(false);
    }

    private List<EphemeralRange> ranges(boolean holding) {
        List<EphemeralRange> out = new java.util.ArrayList<>();
        for (EphemeralRange r : knowledge.ephemeralRanges()) {
            if (r.contains(port) == holding) {
                out.add(r);
            }
        }
        return out;
    }

    List<Assignment> listedRecords() {
        return summary.listedRecords();
    }

    List<String> unauthorized() {
        return summary.unauthorized();
    }
}
