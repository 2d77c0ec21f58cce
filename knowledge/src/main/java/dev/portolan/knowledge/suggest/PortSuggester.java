package dev.portolan.knowledge.suggest;

import dev.portolan.core.AssignmentStatus;
import dev.portolan.core.PortRange;
import dev.portolan.core.Transport;
import dev.portolan.knowledge.EphemeralRange;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.PortSummaries;
import dev.portolan.knowledge.PortSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Chooses ports for a new service: ports of the user range that the registry leaves unassigned on
 * TCP and UDP, that no program, name, protocol note, security note or malware of the curated
 * knowledge is known on (a program's range counts when it is narrow: {@link
 * PortSummary#specificPrograms()}), outside every default ephemeral range
 * the knowledge holds (so no system hands them to an outgoing connection), outside the Kubernetes
 * NodePort range, and not among the ports browsers refuse. Which of them are free on this machine
 * the caller says. Immutable and safe to share.
 */
public final class PortSuggester {
    /**
     * Kubernetes' default NodePort range (the API server's --service-node-port-range,
     * https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport): a node's
     * kube-proxy holds any of these a Service of type NodePort is given.
     */
    public static final PortRange NODE_PORTS = new PortRange(30000, 32767);
    /** The user range: registered ports, which need no privilege to bind (RFC 6335). */
    static final int FIRST = 1024;
    static final int LAST = 49151;

    private final PortSummaries summaries;
    private final Knowledge knowledge;
    private final List<Integer> candidates;

    /** A suggester over what these summaries say, its candidates found now (see {@link #of}). */
    public PortSuggester(PortSummaries summaries) {
        this.summaries = summaries;
        this.knowledge = summaries.knowledge();
        List<Integer> out = new ArrayList<>();
        for (int port = FIRST; port <= LAST; port++) {
            if (quiet(port)) {
                out.add(port);
            }
        }
        this.candidates = List.copyOf(out);
    }

    private PortSuggester(PortSummaries summaries, List<Integer> candidates) {
        this.summaries = summaries;
        this.knowledge = summaries.knowledge();
        this.candidates = candidates;
    }

    /**
     * A suggester over what these summaries say: with the candidates the build found when they are
     * the embedded baseline's and knowledge's ({@link CompiledCandidates}), else found now.
     */
    public static PortSuggester of(PortSummaries summaries) {
        if (summaries.knowledge() == Knowledge.embedded()) {
            CompiledCandidates compiled = CompiledCandidates.load();
            if (compiled != null && compiled.isBaseline(summaries.registry().snapshot())) {
                return new PortSuggester(summaries, compiled.candidates());
            }
        }
        return new PortSuggester(summaries);
    }

    /** A suggested port and the reasons it is a good choice. */
    public record Suggestion(int port, List<String> reasons) {
        public Suggestion {
            reasons = List.copyOf(reasons);
        }
    }

    /** The ports that pass every rule but the machine's own, in ascending order. */
    public List<Integer> candidates() {
        return candidates;
    }

    /**
     * Up to {@code count} ports drawn at random from the candidates that {@code freeHere} accepts,
     * ascending, each with its reasons.
     *
     * @throws IllegalArgumentException if count is not positive
     */
    public List<Suggestion> suggest(int count, IntPredicate freeHere, Random random) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, not " + count);
        }
        List<Integer> pool = new ArrayList<>(candidates);
        java.util.Collections.shuffle(pool, random);
        List<Integer> chosen = new ArrayList<>();
        for (int port : pool) {
            if (chosen.size() == count) {
                break;
            }
            if (freeHere.test(port)) {
                chosen.add(port);
            }
        }
        chosen.sort(null);
        List<Suggestion> out = new ArrayList<>(chosen.size());
        for (int port : chosen) {
            out.add(new Suggestion(port, reasons()));
        }
        return out;
    }

    /** Why every suggested port is a good choice, in plain words. */
    public List<String> reasons() {
        Set<String> systems = new LinkedHashSet<>();
        knowledge.ephemeralRanges().forEach(r -> systems.add(r.system()));
        List<String> out = new ArrayList<>();
        out.add("unassigned in the IANA registry on TCP and UDP, in the user range (no privilege needed to bind it)");
        out.add("no program, protocol or attack of Portolan's sources is known on it (" + knowledge.programs().size()
                + " programs checked; a program's range of over " + PortSummary.SPECIFIC_RANGE
                + " ports, such as a media server's RTP range, is not counted)");
        out.add("outside the default ephemeral ranges of " + String.join(", ", systems)
                + ", so no system hands it to an outgoing connection");
        out.add("outside Kubernetes' NodePort range " + NODE_PORTS + ", and browsers do not refuse it");
        out.add("free on this machine now");
        return out;
    }

    private boolean quiet(int port) {
        PortSummary s = summaries.of(port);
        for (Transport t : List.of(Transport.TCP, Transport.UDP)) {
            if (s.status(t) != AssignmentStatus.UNASSIGNED) {
                return false;
            }
        }
        if (!s.specificPrograms().isEmpty() || !s.names().isEmpty() || !s.protocols().isEmpty() || !s.security().isEmpty()
                || !s.malware().isEmpty()) {
            return false;
        }
        for (EphemeralRange r : knowledge.ephemeralRanges()) {
            if (r.contains(port)) {
                return false;
            }
        }
        return !NODE_PORTS.contains(port) && !knowledge.browsersRefuse(port);
    }
}
