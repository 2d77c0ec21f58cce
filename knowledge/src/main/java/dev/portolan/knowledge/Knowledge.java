package dev.portolan.knowledge;

import dev.portolan.core.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * All curated facts, loaded once and immutable. Every fact's citations exist (checked at load
 * time), so a page built from facts can always number its footnotes.
 */
public final class Knowledge {
    /** The index of the embedded knowledge files, one resource name per line. */
    static final String INDEX = "knowledge/index.txt";

    private static volatile @org.jspecify.annotations.Nullable Knowledge embedded;

    private final Map<String, Citation> citations;
    private final Map<Integer, List<UnofficialUse>> usesByPort;
    private final Map<Integer, List<MalwareAssociation>> malwareByPort;
    private final List<EphemeralRange> ephemeral;
    private final List<PrivilegedPorts> privileged;
    private final Set<Integer> badPorts;
    private final List<String> badPortCites;
    private final Map<String, HistoryEvent> events;
    private final List<RelatedPorts> related;
    private final Map<String, RangeFacts> ranges;
    private final Map<Integer, ReservedPort> reserved;
    private final List<Deassignment> deassignments;
    private final List<String> deassignmentCites;
    private final List<String> badPortSchemes;
    private final Map<Integer, List<String>> badPortAdditions;

    Knowledge(KnowledgeReader.Parts parts) {
        this.citations = Collections.unmodifiableMap(new LinkedHashMap<>(parts.citations));
        this.usesByPort = group(parts.uses, UnofficialUse::port);
        this.malwareByPort = group(parts.malware, MalwareAssociation::port);
        this.ephemeral = List.copyOf(parts.ephemeral);
        this.privileged = List.copyOf(parts.privileged);
        this.badPorts = Collections.unmodifiableSet(new TreeSet<>(parts.badPorts));
        this.badPortCites = List.copyOf(parts.badPortCites);
        Map<String, HistoryEvent> ev = new LinkedHashMap<>();
        parts.events.forEach(e -> ev.put(e.id(), e));
        this.events = Collections.unmodifiableMap(ev);
        this.related = List.copyOf(parts.related);
        Map<String, RangeFacts> r = new LinkedHashMap<>();
        parts.ranges.forEach(f -> r.put(f.id(), f));
        this.ranges = Collections.unmodifiableMap(r);
        Map<Integer, ReservedPort> res = new LinkedHashMap<>();
        parts.reserved.forEach(p -> res.put(p.port(), p));
        this.reserved = Collections.unmodifiableMap(res);
        this.deassignments = List.copyOf(parts.deassignments);
        this.deassignmentCites = List.copyOf(parts.deassignmentCites);
        this.badPortSchemes = List.copyOf(parts.badPortSchemes);
        Map<Integer, List<String>> add = new HashMap<>();
        parts.badPortAdditions.forEach((k, v) -> add.put(k, List.copyOf(v)));
        this.badPortAdditions = Collections.unmodifiableMap(add);
    }

    private static <T> Map<Integer, List<T>> group(List<T> facts, java.util.function.ToIntFunction<T> port) {
        Map<Integer, List<T>> byPort = new HashMap<>();
        for (T f : facts) {
            byPort.computeIfAbsent(port.applyAsInt(f), k -> new ArrayList<>(2)).add(f);
        }
        byPort.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(byPort);
    }

    /**
     * The knowledge embedded in this build. A broken embedded file is a defect of the build, found
     * by the module's tests, so it fails here with an unchecked exception.
     */
    public static Knowledge embedded() {
        Knowledge k = embedded;
        if (k == null) {
            synchronized (Knowledge.class) {
                k = embedded;
                if (k == null) {
                    try {
                        k = read(embeddedFiles());
                    } catch (KnowledgeFormatException e) {
                        throw new IllegalStateException("embedded knowledge is broken: " + e.getMessage(), e);
                    }
                    embedded = k;
                }
            }
        }
        return k;
    }

    /** The embedded files, by name, in index order. */
    static Map<String, String> embeddedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String line : resource(INDEX).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.put(name, resource("knowledge/" + name));
            }
        }
        return files;
    }

    private static String resource(String name) {
        try (InputStream in = Knowledge.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads knowledge from YAML texts.
     *
     * @param files file name to YAML text, in the order to read them
     * @throws KnowledgeFormatException naming the file and field of the first problem
     */
    public static Knowledge read(Map<String, String> files) throws KnowledgeFormatException {
        return new Knowledge(KnowledgeReader.read(files));
    }

    /** The citation with this id. */
    public Optional<Citation> citation(String id) {
        return Optional.ofNullable(citations.get(id));
    }

    /** Every citation, in the order the files define them. */
    public Map<String, Citation> citations() {
        return citations;
    }

    /** Unofficial uses of a port on any transport. */
    public List<UnofficialUse> uses(int port) {
        return usesByPort.getOrDefault(port, List.of());
    }

    /** Ports that have at least one unofficial use, ascending. */
    public Set<Integer> portsWithUses() {
        return Collections.unmodifiableSet(new TreeSet<>(usesByPort.keySet()));
    }

    /** Every documented malware association. */
    public List<MalwareAssociation> allMalware() {
        List<MalwareAssociation> all = new ArrayList<>();
        malwareByPort.values().forEach(all::addAll);
        return all;
    }

    /** Every documented unofficial use. */
    public List<UnofficialUse> allUses() {
        List<UnofficialUse> all = new ArrayList<>();
        usesByPort.values().forEach(all::addAll);
        return all;
    }

    /** Malware documented to use a port on any transport. */
    public List<MalwareAssociation> malware(int port) {
        return malwareByPort.getOrDefault(port, List.of());
    }

    /** Malware documented to use a port on one transport. */
    public List<MalwareAssociation> malware(int port, Transport transport) {
        return malware(port).stream().filter(m -> m.transports().contains(transport)).toList();
    }

    /** Default ephemeral ranges of operating systems. */
    public List<EphemeralRange> ephemeralRanges() {
        return ephemeral;
    }

    /** Privileged-port rules of operating systems. */
    public List<PrivilegedPorts> privilegedPorts() {
        return privileged;
    }

    /** Whether browsers refuse to fetch from this port (the Fetch standard's bad ports). */
    public boolean browsersRefuse(int port) {
        return badPorts.contains(port);
    }

    /** The Fetch standard's bad ports, ascending. */
    public Set<Integer> badPorts() {
        return badPorts;
    }

    /** Citations of the bad-port list. */
    public List<String> badPortCites() {
        return badPortCites;
    }

    /** The URL schemes the bad-port check applies to ({@code http}, {@code https}). */
    public List<String> badPortSchemes() {
        return badPortSchemes;
    }

    /** Citations of the change that added a port to the bad-port list, if known. */
    public List<String> badPortAdditionCites(int port) {
        return badPortAdditions.getOrDefault(port, List.of());
    }

    /** Why the registry keeps a port reserved at the edge of a range, if it does. */
    public Optional<ReservedPort> reservedEdge(int port) {
        return Optional.ofNullable(reserved.get(port));
    }

    /** De-assignments the knowledge documents. */
    public List<Deassignment> deassignments() {
        return deassignments;
    }

    /** De-assignments that include a port. */
    public List<Deassignment> deassignments(int port) {
        return deassignments.stream().filter(d -> d.ports().contains(port)).toList();
    }

    /** Citations of the de-assignment procedure. */
    public List<String> deassignmentCites() {
        return deassignmentCites;
    }

    /** A history event by id. */
    public Optional<HistoryEvent> event(String id) {
        return Optional.ofNullable(events.get(id));
    }

    /** All history events, in file order. */
    public List<HistoryEvent> events() {
        return List.copyOf(events.values());
    }

    /** Groups of related ports that include {@code port}. */
    public List<RelatedPorts> relatedTo(int port) {
        return related.stream().filter(r -> r.ports().contains(port)).toList();
    }

    /** How an RFC 6335 range is administered, by id ({@code system}, {@code user}, {@code dynamic}). */
    public Optional<RangeFacts> range(String id) {
        return Optional.ofNullable(ranges.get(id));
    }
}
