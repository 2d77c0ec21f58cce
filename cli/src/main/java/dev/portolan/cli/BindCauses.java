package dev.portolan.cli;

import dev.portolan.core.Transport;
import dev.portolan.knowledge.Citation;
import dev.portolan.knowledge.Knowledge;
import dev.portolan.knowledge.ProgramUse;
import dev.portolan.knowledge.suggest.PortSuggester;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What may stand in the way of a service on a port whatever this machine holds now, each cause
 * with the sources it rests on: Kubernetes' NodePort range, the ports browsers refuse, and the
 * AirPlay Receiver of macOS on the ports the knowledge says it takes.
 */
final class BindCauses {
    /** The program of the knowledge that is the AirPlay Receiver of macOS. */
    static final String AIRPLAY = "macos-airplay-receiver";
    /** Sources of the NodePort cause: the range, and kube-proxy's holding of node ports and its end. */
    static final List<String> NODE_PORT_CITES = List.of("k8s-website-ports-protocols", "k8s-pr-9999-nodeport-holder",
            "k8s-pr-108496-port-opener");
    /** Sources that turning AirPlay Receiver off frees the port, beside those of its ports. */
    static final List<String> AIRPLAY_CITES = List.of("sirv-issue-124-airplay", "skyportal-issue-2657-airplay");

    private BindCauses() {}

    /** A cause: an identifier for machines, the sentence, and its sources. */
    record Cause(String id, String sentence, List<Citation> sources) {
        Cause {
            sources = List.copyOf(sources);
        }
    }

    /** The causes that apply to {@code port}, in a fixed order; empty when none does. */
    static List<Cause> of(CliText text, int port, Knowledge knowledge) {
        String p = Integer.toString(port);
        List<Cause> out = new ArrayList<>();
        if (PortSuggester.NODE_PORTS.contains(port)) {
            out.add(new Cause("kubernetes", text.say("check.kubernetes", "port", p, "range",
                    PortSuggester.NODE_PORTS.toString()), sources(knowledge, NODE_PORT_CITES)));
        }
        if (knowledge.browsersRefuse(port)) {
            out.add(new Cause("browsers", text.say("check.browsers", "port", p),
                    sources(knowledge, knowledge.badPortCites())));
        }
        Set<String> airplay = new LinkedHashSet<>();
        for (ProgramUse u : knowledge.uses(port)) {
            if (u.program().id().equals(AIRPLAY) && u.use().transports().contains(Transport.TCP)) {
                airplay.addAll(u.use().cites());
            }
        }
        if (!airplay.isEmpty()) {
            airplay.addAll(AIRPLAY_CITES);
            out.add(new Cause("airplay", text.say("check.airplay", "port", p), sources(knowledge, List.copyOf(airplay))));
        }
        return out;
    }

    /**
     * The sources of what a system does with ports below its privileged limit (who may bind them,
     * and the setting that moves the limit); empty for a system the knowledge does not describe.
     */
    static List<Citation> privilegeSources(Knowledge knowledge, dev.portolan.inspect.Platform platform) {
        String id = systemId(platform);
        for (dev.portolan.knowledge.PrivilegedPorts p : knowledge.privilegedPorts()) {
            if (p.id().equals(id)) {
                return sources(knowledge, p.cites());
            }
        }
        return List.of();
    }

    /** The sources of a system's ephemeral range and the setting that moves it; empty when unknown. */
    static List<Citation> ephemeralSources(Knowledge knowledge, dev.portolan.inspect.Platform platform) {
        String id = systemId(platform);
        for (dev.portolan.knowledge.EphemeralRange r : knowledge.ephemeralRanges()) {
            if (r.id().equals(id)) {
                return sources(knowledge, r.cites());
            }
        }
        return List.of();
    }

    private static String systemId(dev.portolan.inspect.Platform platform) {
        return switch (platform) {
            case LINUX -> "linux";
            case MACOS -> "macos";
            case WINDOWS -> "windows";
            case OTHER_UNIX -> "";
        };
    }

    /** Prints each source under the line it supports. */
    static void print(java.io.PrintWriter out, CliText text, List<Citation> sources) {
        for (Citation c : sources) {
            out.println("  " + text.say("check.source", "title", c.title(), "publisher", c.publisher(), "url", c.url()));
        }
    }

    /** The citations of {@code ids}; an id the knowledge lacks is a defect of the program. */
    private static List<Citation> sources(Knowledge knowledge, List<String> ids) {
        List<Citation> out = new ArrayList<>();
        for (String id : ids) {
            java.util.Optional<Citation> c = knowledge.citation(id);
            if (c.isEmpty()) {
                throw new IllegalStateException("the knowledge has no citation " + id);
            }
            out.add(c.get());
        }
        return out;
    }
}
