package dev.portolan.inspect.audit;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.Transport;
import java.util.List;
import java.util.Objects;

/**
 * What the audit needs to know of a port on one transport. The command line answers from the
 * port's summary (the registry and the curated knowledge), the same answer the pages give, so the
 * audit never decides by itself what a port is for.
 */
@FunctionalInterface
public interface PortKnowledge {
    /** What is known of {@code port} on {@code transport}. */
    Facts at(int port, Transport transport);

    /**
     * @param status the registry's status on the transport
     * @param services the names (and aliases) of the services the registry assigns there
     * @param programs the names and aliases of the programs known to use the port on the transport
     * @param malware malware reported to use it, each with its source
     */
    record Facts(AssignmentStatus status, List<String> services, List<String> programs,
            List<MalwarePorts.Report> malware) {
        public Facts {
            Objects.requireNonNull(status, "status");
            services = List.copyOf(services);
            programs = List.copyOf(programs);
            malware = List.copyOf(malware);
        }
    }
}
