package dev.portolan.inspect.audit;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.RangeClass;
import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSocket;
import dev.portolan.inspect.Platform;
import dev.portolan.inspect.SocketOwner;
import dev.portolan.inspect.SocketScan;
import dev.portolan.inspect.SocketState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The entry point of the audit: applies every {@link Rule} to the listening and bound sockets of a
 * scan. Established connections are not audited.
 *
 * <ul>
 *   <li>{@link Rule#MALWARE_PORT} (high): the malware source reports malware on the port.
 *   <li>{@link Rule#UNASSIGNED_SYSTEM_PORT} (medium): a system port (0-1023) that the registry
 *       lists as unassigned or reserved on that transport: no standard service should be there.
 *   <li>{@link Rule#EXPOSED_LOCAL_SERVICE} (medium, high for the Docker API and memcached over
 *       UDP): a database, cache or similar service that normally serves only this machine listens
 *       on another address than loopback.
 *   <li>{@link Rule#EPHEMERAL_RANGE} (low): a TCP listener in the machine's ephemeral range and not
 *       reserved: an outgoing connection can take the port while the service is down, and the
 *       service then fails to start. UDP sockets are left out, because a client's socket that
 *       sends from a port the system picked looks the same.
 *   <li>{@link Rule#UNEXPECTED_PROGRAM} (medium): the port's registered service has known server
 *       programs and the process is none of them, nor a program the curated knowledge knows on the
 *       port (see {@code ServerPrograms} for the table and for the hosts and forwarders that are
 *       never reported).
 * </ul>
 *
 * <p>Findings come most severe first, then in the order of the sockets.
 */
public final class Audit {
    private final PortKnowledge knowledge;

    private Audit(PortKnowledge knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * An audit that asks {@code knowledge} what each port is for: its status and services in the
     * registry, the programs known to use it and the malware reported on it.
     */
    public static Audit of(PortKnowledge knowledge) {
        return new Audit(Objects.requireNonNull(knowledge, "knowledge"));
    }

    /** The findings about the scan's listening and bound sockets; empty when all is as expected. */
    public List<Finding> findings(SocketScan scan) {
        List<Finding> out = new ArrayList<>();
        for (LocalSocket s : scan.sockets()) {
            if (s.isListener()) {
                check(s, scan, out);
            }
        }
        out.sort(Comparator.comparing(Finding::severity));
        return out;
    }

    private void check(LocalSocket s, SocketScan scan, List<Finding> out) {
        String where = s.endpoint() + "/" + s.transport().id();
        String who = who(s);
        PortKnowledge.Facts facts = knowledge.at(s.port(), s.transport());
        for (MalwarePorts.Report r : facts.malware()) {
            out.add(new Finding(Severity.HIGH, Rule.MALWARE_PORT, s, who + " listens on " + where
                    + ", a port reported for malware: " + r.name() + " (" + r.source() + ")"));
        }
        if (RangeClass.of(s.port()) == RangeClass.SYSTEM && facts.status() != AssignmentStatus.ASSIGNED) {
            out.add(new Finding(Severity.MEDIUM, Rule.UNASSIGNED_SYSTEM_PORT, s, who + " listens on " + where
                    + ", a system port that the registry lists as " + facts.status().id()
                    + " on " + s.transport().id() + ": no standard service runs there"));
        }
        LocalOnlyServices.Entry local = LocalOnlyServices.at(s.port(), s.transport());
        if (local != null && !s.isLoopback()) {
            String on = s.isWildcard() ? "all interfaces (" + where + ")" : where;
            out.add(new Finding(local.severity(), Rule.EXPOSED_LOCAL_SERVICE, s, who + " listens on " + on
                    + ", the default port of " + local.name() + ", which normally serves only this machine; this exposes "
                    + local.why() + ". Bind it to 127.0.0.1 or ::1 unless other machines need it"));
        }
        if (s.transport() == Transport.TCP && s.state() == SocketState.LISTEN
                && scan.settings().isEphemeral(s.port(), Transport.TCP)) {
            PortRange range = scan.settings().ephemeral(Transport.TCP);
            out.add(new Finding(Severity.LOW, Rule.EPHEMERAL_RANGE, s, who + " listens on " + where
                    + ", inside this machine's ephemeral range " + range + ": while it is down, an outgoing connection "
                    + "may take the port and keep it from starting" + reserveHint(scan.platform(), s.port())));
        }
        unexpectedProgram(s, where, facts, out);
    }

    private static String reserveHint(Platform platform, int port) {
        return switch (platform) {
            case LINUX -> "; reserve it with sysctl net.ipv4.ip_local_reserved_ports=" + port;
            case WINDOWS -> "; reserve it with netsh int ipv4 add excludedportrange protocol=tcp startport=" + port
                    + " numberofports=1";
            case MACOS, OTHER_UNIX -> "; move the service below the range";
        };
    }

    private void unexpectedProgram(LocalSocket s, String where, PortKnowledge.Facts facts, List<Finding> out) {
        if (s.owners().isEmpty()) {
            return;
        }
        Set<String> services = new LinkedHashSet<>();
        Set<String> programs = new LinkedHashSet<>();
        for (String n : facts.services()) {
            List<String> known = ServerPrograms.of(n);
            if (known != null) {
                services.add(n.toLowerCase(Locale.ROOT));
                programs.addAll(known);
            }
        }
        if (programs.isEmpty()) {
            return;
        }
        // A program the curated knowledge knows on this port is expected there too.
        for (String p : facts.programs()) {
            programs.add(ServerPrograms.normalize(p));
        }
        boolean sshPort = services.contains("ssh");
        for (SocketOwner o : s.owners()) {
            for (String seen : candidates(o)) {
                if (ServerPrograms.matchesAny(seen, programs) || ServerPrograms.HOSTS.contains(seen)
                        || (!sshPort && ServerPrograms.FORWARDERS.contains(seen))) {
                    return;
                }
            }
            if (candidates(o).isEmpty()) {
                return; // a process without a name: nothing to compare
            }
        }
        out.add(new Finding(Severity.MEDIUM, Rule.UNEXPECTED_PROGRAM, s, who(s) + " listens on " + where
                + ", the port of " + String.join("/", services) + ", but is not a known " + String.join("/", services)
                + " server (" + String.join(", ", programs) + ")"));
    }

    /** The names to compare: the process name and the first word of its command line, normalized. */
    private static List<String> candidates(SocketOwner o) {
        List<String> out = new ArrayList<>(2);
        if (o.name() != null && !o.name().isBlank()) {
            out.add(ServerPrograms.normalize(o.name()));
        }
        if (o.commandLine() != null && !o.commandLine().isBlank()) {
            String first = o.commandLine().strip();
            int space = first.indexOf(' ');
            String word = ServerPrograms.normalize(space < 0 ? first : first.substring(0, space));
            if (!word.isEmpty() && !out.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /** {@code nginx (pid 812)}, or words saying the process is not visible. */
    private static String who(LocalSocket s) {
        if (s.owners().isEmpty()) {
            return "a process this user cannot see";
        }
        SocketOwner o = s.owners().get(0);
        String name = o.name() == null ? "process" : o.name();
        String more = s.owners().size() > 1 ? " and " + (s.owners().size() - 1) + " more" : "";
        return name + " (pid " + o.pid() + more + ")";
    }
}
