package dev.portolan.cli;

import dev.portolan.core.Transport;
import dev.portolan.inspect.LocalSockets;
import dev.portolan.inspect.audit.MalwarePorts;
import dev.portolan.inspect.audit.PortKnowledge;
import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.MalwareAssociation;
import java.util.ArrayList;
import java.util.List;

/**
 * What the local inspection commands ({@code listening}, {@code who}, {@code check}, {@code
 * audit}) read: this machine's sockets, and the source of malware associations the audit
 * consults.
 *
 * @param sockets how sockets are read
 * @param malware which ports malware is reported to use
 * @param engineSockets the unix sockets of container engines to ask which container publishes a port
 */
record LocalInspection(LocalSockets sockets, MalwarePorts malware, List<java.nio.file.Path> engineSockets) {
    LocalInspection {
        engineSockets = List.copyOf(engineSockets);
    }

    /** An inspection that asks no container engine. */
    LocalInspection(LocalSockets sockets, MalwarePorts malware) {
        this(sockets, malware, List.of());
    }

    /** The containers behind published ports, asked of the engines on first need. */
    ContainerOwners containers(CliText text) {
        return new ContainerOwners(engineSockets, text);
    }

    /**
     * The program's own choice: this machine's sockets, and the malware associations of the
     * curated knowledge, read on the first question (most commands never ask one).
     */
    static LocalInspection standard() {
        return new LocalInspection(LocalSockets.forThisMachine(), new KnowledgeMalware(),
                dev.portolan.inspect.containers.ContainerEngine.sockets(System.getenv()));
    }

    /**
     * What the audit knows of each port: the port's summary over {@code registry} and the embedded
     * knowledge (its status, services and programs), with the malware of {@link #malware()}.
     */
    PortKnowledge knowledge(dev.portolan.core.Registry registry) {
        dev.portolan.knowledge.PortSummaries summaries = new dev.portolan.knowledge.PortSummaries(registry,
                Knowledge.embedded());
        java.util.Map<Integer, dev.portolan.knowledge.PortSummary> seen = new java.util.HashMap<>();
        return (port, transport) -> {
            dev.portolan.knowledge.PortSummary s = seen.computeIfAbsent(port, summaries::of);
            List<String> programs = new ArrayList<>();
            for (dev.portolan.knowledge.ProgramUse u : s.programs(transport)) {
                programs.add(u.program().name());
                programs.addAll(u.program().aliases());
            }
            return new PortKnowledge.Facts(s.status(transport), s.serviceNamesAndAliases(transport), programs,
                    malware.at(port, transport));
        };
    }

    /** The knowledge's malware list as the audit's source, loaded once on first use. */
    static final class KnowledgeMalware implements MalwarePorts {
        private volatile @org.jspecify.annotations.Nullable MalwarePorts loaded;

        @Override
        public List<Report> at(int port, Transport transport) {
            MalwarePorts m = loaded;
            if (m == null) {
                m = fromKnowledge(Knowledge.embedded());
                loaded = m;
            }
            return m.at(port, transport);
        }

        static MalwarePorts fromKnowledge(Knowledge knowledge) {
            List<Report> reports = new ArrayList<>();
            for (MalwareAssociation a : knowledge.allMalware()) {
                java.util.Optional<Citation> first = a.cites().isEmpty() ? java.util.Optional.empty()
                        : knowledge.citation(a.cites().get(0));
                String source = first.isPresent() ? first.get().url() : "";
                for (Transport t : a.transports()) {
                    reports.add(new Report(a.port(), t, a.name(), source));
                }
            }
            return MalwarePorts.of(reports);
        }
    }
}
